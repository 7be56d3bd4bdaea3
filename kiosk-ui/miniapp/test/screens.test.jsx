import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeApi } from './fake-api.js';
import { WardApp } from '../src/app.jsx';
import { createSession } from '../src/session.js';

function tab(name) {
  return within(document.getElementById('tabs')).getByRole('button', { name });
}

describe('procedures', () => {
  it('lists the ward catalog from the API and finds a procedure typed without accents', async () => {
    const { calls } = fakeApi();
    render(<WardApp session={createSession()} />);
    await screen.findByRole('button', { name: /Đăng ký khai sinh/ });
    fireEvent.click(tab('Thủ tục'));
    const search = await screen.findByLabelText('Tìm thủ tục');
    fireEvent.change(search, { target: { value: 'dang ky tam tru' } });
    const list = document.querySelector('.procedure-list.detailed');
    await waitFor(() => expect([...list.querySelectorAll('[data-procedure]')].map((b) => b.dataset.procedure)).toEqual(['temporary_residence']));
    fireEvent.change(search, { target: { value: 'hộ chiếu' } });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Không có thủ tục nào khớp với “hộ chiếu”.');
    const catalogCalls = calls.filter((c) => c.path === '/api/v1/procedures');
    expect(catalogCalls.length).toBeGreaterThan(0);
    expect(globalThis.fetch.mock.calls.every(([, init]) => init.cache === 'no-store')).toBe(true);
  });

  it('shows each aspect of a procedure as a tab, and English after switching language', async () => {
    const { calls } = fakeApi();
    render(<WardApp session={createSession()} />);
    fireEvent.click(await screen.findByRole('button', { name: /Đăng ký khai sinh/ }));
    expect(await screen.findByText('Giấy chứng sinh')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Lệ phí' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Miễn lệ phí nếu đăng ký đúng hạn.');
    fireEvent.click(screen.getByRole('button', { name: /EN/ }));
    expect(await screen.findByRole('heading', { name: 'Birth registration' })).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/v1/procedures/birth_registration' && c.query.locale === 'en')).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a new content version the next time the screen opens, without a new app', async () => {
    let name = 'Đăng ký khai sinh';
    fakeApi({ overrides: { 'GET /api/v1/procedures': () => [200, [{ id: 'birth_registration', name, summary: '', icon: 'baby' }]] } });
    render(<WardApp session={createSession()} />);
    await screen.findByRole('button', { name: /Đăng ký khai sinh/ });
    name = 'Đăng ký khai sinh (mẫu mới)';
    fireEvent.click(tab('Thủ tục'));
    expect(await screen.findByRole('button', { name: /mẫu mới/ })).toBeTruthy();
  });
});

describe('ward branding', () => {
  it('takes the app name and colour from the ward, with readable text on a light colour', async () => {
    fakeApi({ overrides: { 'GET /api/v1/miniapp': () => [200, { name: 'Phường Mẫu', colours: { primary: '#ffd54f' }, logoUrl: null }] } });
    render(<WardApp session={createSession()} />);
    await waitFor(() => expect(document.querySelector('.brand-name').textContent).toBe('Phường Mẫu'));
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--brand')).toBe('#ffd54f');
    expect(style.getPropertyValue('--on-brand')).toBe('#141414');
    const { contrast } = await import('../src/theme.js');
    expect(contrast(style.getPropertyValue('--brand-text'), '#f3f5f8')).toBeGreaterThanOrEqual(4.5);
  });

  it("falls back to the office's name when the ward set none", async () => {
    fakeApi();
    render(<WardApp session={createSession()} />);
    await waitFor(() => expect(document.querySelector('.brand-name').textContent).toBe('UBND phường Thử'));
  });
});

describe('my cases', () => {
  it('lists the cases of the conversation with their status and the officers\' messages', async () => {
    fakeApi({ overrides: {
      'GET /api/v1/conversations/c-1/messages': () => [200, { messages: [
        { seq: 1, direction: 'out', origin: 'bot', text: 'Đã gửi yêu cầu. Mã hồ sơ của bạn: PH-2026-1234566', action: null, at: '2026-12-01T02:00:00Z' },
        { seq: 2, direction: 'out', origin: 'staff', text: 'Mời bạn đến quầy 2 lúc 9:00 thứ Hai.', action: null, at: '2026-12-01T03:00:00Z' },
        { seq: 3, direction: 'in', origin: 'citizen', text: 'PH-2026-7654321 của người khác', action: null, at: '2026-12-01T03:10:00Z' },
      ] }],
      'GET /api/v1/cases/PH-2026-1234566/status': () => [200, { code: 'PH-2026-1234566', status: 'claimed', procedure: 'birth_registration', procedureName: 'Đăng ký khai sinh', updatedAt: '2026-12-01T03:00:00Z' }],
    } });
    render(<WardApp session={createSession()} />);
    fireEvent.click(tab('Hồ sơ'));
    const card = await waitFor(() => {
      const el = document.querySelector('[data-case="PH-2026-1234566"]');
      expect(el).toBeTruthy();
      return el;
    });
    expect(card.querySelector('.status').textContent).toBe('Cán bộ đang xử lý');
    expect(document.querySelectorAll('[data-case]').length).toBe(1); // a code the citizen typed is not "theirs"
    expect(await screen.findByText('Mời bạn đến quầy 2 lúc 9:00 thứ Hai.')).toBeTruthy(); // no check known: from the chat
  });
});

describe('privacy centre', () => {
  it('withdraws and erases through the engine actions, then shows the withdrawal on the receipt', async () => {
    let withdrawn = false;
    const receipt = () => ({ consentReceiptID: 'WD-CR-7', piiControllers: [{ piiController: 'UBND' }], notice: { version: '2026-11' },
      events: [{ decision: 'agree', at: '2026-12-01T02:00:00Z' }, ...(withdrawn ? [{ decision: 'withdraw', at: '2026-12-01T04:00:00Z' }] : [])] });
    const { calls } = fakeApi({
      engine: (body) => {
        if (body.action === 'erase') return { state: 'idle', replies: [{ text: 'Bạn muốn rút lại sự đồng ý và xóa dữ liệu?', buttons: [
          { label: 'Xác nhận xóa', action: 'erase:confirm' }, { label: 'Không, giữ lại', action: 'erase:cancel' }] }] };
        if (body.action === 'erase:confirm') { withdrawn = true; return { state: 'idle', replies: [{ text: 'Đã xóa: 3 nội dung tin nhắn.', buttons: [] }] }; }
        return { state: 'idle', replies: [] };
      },
      overrides: { 'GET /api/v1/conversations/c-1/consent-receipt': () => [200, receipt()] },
    });
    render(<WardApp session={createSession()} />);
    fireEvent.click(tab('Quyền riêng tư'));
    expect((await screen.findByText('WD-CR-7')).id).toBe('receipt-id');
    fireEvent.click(screen.getByRole('button', { name: 'Rút lại đồng ý và xóa dữ liệu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Xác nhận xóa' }));
    expect(await screen.findByText('Đã xóa: 3 nội dung tin nhắn.')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-decision="withdraw"]')).toBeTruthy());
    const actions = calls.filter((c) => c.path.endsWith('/messages') && c.method === 'POST').map((c) => c.body.action);
    expect(actions).toEqual(['erase', 'erase:confirm']);
  });
});
