// Which Zalo permissions the app asks for, and when: only the access token (no prompt) once a conversation is
// needed, and the phone number only inside a request, after consent, on the phone field, when the citizen taps for
// it. Never location, contacts, profile or any other scope.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi } from './fake-api.js';

const sdk = vi.hoisted(() => ({
  getAccessToken: vi.fn(async () => 'zalo-user-token'),
  getPhoneNumber: vi.fn(async () => ({ token: 'phone-token' })),
  openWebview: vi.fn(async () => {}),
  nativeStorage: { getItem: vi.fn(() => null), setItem: vi.fn(), removeItem: vi.fn() }, // no prompt, no scope
  // Everything below must stay uncalled.
  authorize: vi.fn(), getSetting: vi.fn(), getUserInfo: vi.fn(), getLocation: vi.fn(), openProfilePicker: vi.fn(),
  getUserID: vi.fn(), followOA: vi.fn(), requestSendNotification: vi.fn(), getAuthCode: vi.fn(),
}));
vi.mock('zmp-sdk', () => sdk);

const { WardApp } = await import('../src/app.jsx');
const { createSession } = await import('../src/session.js');

const CONSENT = {
  state: 'consent',
  replies: [{ text: 'Phường cần số điện thoại để hẹn lịch.', buttons: [
    { label: 'Tôi đồng ý', action: 'consent:agree' }, { label: 'Tôi không đồng ý', action: 'consent:decline' },
    { label: 'Đọc toàn bộ', action: 'consent:full' }] }],
};
const NAME = { state: 'intake', replies: [{ text: 'Họ tên?', buttons: [] }],
  expecting: { field: 'name', type: 'name', question: 'Họ và tên của bạn?', purpose: 'để gọi đúng tên', required: true, choices: [] } };
const PHONE = { state: 'intake', replies: [{ text: 'Số điện thoại?', buttons: [] }],
  expecting: { field: 'phone', type: 'phone', question: 'Số điện thoại của bạn?', purpose: 'để hẹn lịch', required: true, choices: [] } };

const OTHER_SCOPES = ['authorize', 'getSetting', 'getUserInfo', 'getLocation', 'openProfilePicker', 'getUserID',
  'followOA', 'requestSendNotification', 'getAuthCode'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe('Zalo permissions', () => {
  it('only the SDK adapter imports zmp-sdk, and only the access token, the phone number, the web view and its own storage', () => {
    const src = join(process.cwd(), 'src');
    const importers = sourceFiles(src).filter((f) => /from ['"]zmp-sdk['"]/.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => f.slice(src.length))).toEqual(['/sdk/zalo.js']);
    const imported = /import \{([^}]*)\} from 'zmp-sdk'/.exec(readFileSync(join(src, 'sdk/zalo.js'), 'utf8'))[1];
    expect(imported.split(',').map((s) => s.trim()).sort()).toEqual(['getAccessToken', 'getPhoneNumber', 'nativeStorage', 'openWebview']);
  });

  it('browsing asks Zalo for nothing; a request asks for the token, then the phone only after consent and a tap', async () => {
    let step = 0;
    const { calls } = fakeApi({
      engine: (body) => {
        if (body.action === 'start:birth_registration') return CONSENT;
        if (body.action === 'consent:agree') { step = 1; return NAME; }
        if (step === 1 && body.text) { step = 2; return PHONE; }
        return { state: 'answering', replies: [] };
      },
      overrides: { 'POST /api/v1/miniapp/phone-number': () => [200, { number: '0905123456' }] },
    });
    render(<WardApp session={createSession()} />);

    // Browse: home, the procedure list, one procedure.
    fireEvent.click(await screen.findByRole('button', { name: /Đăng ký khai sinh/ }));
    await screen.findByRole('tab', { name: 'Lệ phí' }).catch(() => screen.findByText('Nộp yêu cầu'));
    for (const name of Object.keys(sdk).filter((n) => n !== 'nativeStorage')) expect(sdk[name], `${name} while browsing`).not.toHaveBeenCalled();

    // Start a request: the conversation opens with the Zalo token (no prompt); consent comes first.
    fireEvent.click(screen.getAllByRole('button', { name: 'Nộp yêu cầu' })[0]);
    await screen.findByRole('heading', { name: 'Bảo vệ dữ liệu cá nhân' });
    expect(sdk.getAccessToken).toHaveBeenCalledTimes(1);
    const opened = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/conversations');
    expect(opened.body).toEqual({ channel: 'zalo_mini_app', locale: 'vi', zaloAccessToken: 'zalo-user-token' });
    expect(sdk.getPhoneNumber).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Dùng số điện thoại Zalo của tôi' })).toBeNull();

    // After consent: the name field offers no Zalo shortcut; the phone field does, and Zalo is asked only on a tap.
    fireEvent.click(screen.getByRole('button', { name: 'Tôi đồng ý' }));
    fireEvent.change(await screen.findByLabelText('Câu trả lời của bạn'), { target: { value: 'Nguyễn Văn An' } });
    expect(screen.queryByRole('button', { name: 'Dùng số điện thoại Zalo của tôi' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    const useZalo = await screen.findByRole('button', { name: 'Dùng số điện thoại Zalo của tôi' });
    expect(sdk.getPhoneNumber).not.toHaveBeenCalled();
    fireEvent.click(useZalo);
    await waitFor(() => expect(screen.getByLabelText('Số điện thoại').value).toBe('0905123456'));
    expect(sdk.getPhoneNumber).toHaveBeenCalledTimes(1);
    const exchange = calls.find((c) => c.path === '/api/v1/miniapp/phone-number');
    expect(exchange.body).toEqual({ zaloAccessToken: 'zalo-user-token', phoneToken: 'phone-token' });

    expect(sdk.getAccessToken).toHaveBeenCalledTimes(1);
    for (const name of OTHER_SCOPES) expect(sdk[name], name).not.toHaveBeenCalled();
  });

  it('a refused phone permission leaves the field for typing and says so', async () => {
    sdk.getPhoneNumber.mockRejectedValueOnce({ code: -1401, message: 'User denied' });
    fakeApi({ engine: (body) => (body.action === 'start:birth_registration' ? PHONE : { state: 'answering', replies: [] }) });
    render(<WardApp session={createSession()} />);
    fireEvent.click(await screen.findByRole('button', { name: /Đăng ký khai sinh/ }));
    fireEvent.click((await screen.findAllByRole('button', { name: 'Nộp yêu cầu' }))[0]);
    fireEvent.click(await screen.findByRole('button', { name: 'Dùng số điện thoại Zalo của tôi' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Không lấy được số từ Zalo. Vui lòng tự nhập số điện thoại.');
    const field = screen.getByLabelText('Số điện thoại');
    expect(field.value).toBe('');
    fireEvent.change(field, { target: { value: '0905000111' } });
    expect(screen.getByRole('button', { name: 'Tiếp tục' }).disabled).toBe(false);
  });
});
