// "My cases": every case made on this phone, kept as (code, check) pairs in the Mini App's storage and read from the
// citizen case page API (GET /api/v1/cases/{code}/page?check=…), with the appointment day; erasing forgets them.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeApi } from './fake-api.js';
import { WardApp } from '../src/app.jsx';
import { createSession } from '../src/session.js';

const CASES_KEY = 'warddesk.miniapp.cases';

function tab(name) {
  return within(document.getElementById('tabs')).getByRole('button', { name });
}

function page(code, check, extra = {}) {
  return {
    code, status: 'claimed', statusLabel: 'x', procedure: 'birth_registration', procedureName: 'Đăng ký khai sinh',
    appointmentDay: '2026-12-14', updatedAt: '2026-12-07T03:00:00Z',
    bring: { text: 'Giấy chứng sinh', items: ['Giấy chứng sinh (bản chính)', 'CCCD của cha hoặc mẹ'] },
    office: { where: 'UBND phường Thử, Số 1', hoursNow: 'mở', hours: [] },
    messages: [{ text: `Mời bạn đến quầy 2 về hồ sơ ${code}.`, at: '2026-12-07T03:00:00Z' }],
    ...extra,
  };
}

/** Answers the case page only for the right check, as the server does (404 alike for a wrong check). */
function pages(table) {
  return {
    'GET /api/v1/cases/[^/]+/page': (call) => {
      const code = call.path.split('/')[4];
      const known = table[code];
      return known && known.check === call.query.check ? [200, known.body] : [404, { error: 'not_found', message: 'no' }];
    },
  };
}

async function card(code) {
  return waitFor(() => {
    const el = document.querySelector(`[data-case="${code}"]`);
    expect(el).toBeTruthy();
    return el;
  });
}

describe('my cases', () => {
  it('shows every case made on this phone, from earlier conversations too, with its appointment day and what to bring', async () => {
    // A case from an earlier launch (another conversation), kept on the phone with its check.
    localStorage.setItem(CASES_KEY, JSON.stringify([{ code: 'PH-2026-1111111', check: '4821' }]));
    const { calls } = fakeApi({
      engine: (body) => (body.action === 'confirm'
        ? { state: 'idle', replies: [{ text: 'Đã gửi.', buttons: [] }], caseCode: 'PH-2026-2222222', caseCheck: '0377' }
        : { state: 'idle', replies: [] }),
      overrides: pages({
        'PH-2026-1111111': { check: '4821', body: page('PH-2026-1111111', '4821', { status: 'resolved', appointmentDay: null, updatedAt: '2026-12-01T03:00:00Z', messages: [] }) },
        'PH-2026-2222222': { check: '0377', body: page('PH-2026-2222222', '0377') },
      }),
    });
    const session = createSession();
    // This launch's request: the API hands back the code and its check, which the session keeps.
    await session.send({ action: 'confirm' }, 'vi');
    expect(JSON.parse(localStorage.getItem(CASES_KEY))).toEqual([
      { code: 'PH-2026-2222222', check: '0377' }, { code: 'PH-2026-1111111', check: '4821' }]);

    render(<WardApp session={session} />);
    fireEvent.click(tab('Hồ sơ'));
    const recent = await card('PH-2026-2222222');
    const older = await card('PH-2026-1111111');
    expect([...document.querySelectorAll('[data-case]')].map((e) => e.dataset.case)).toEqual(['PH-2026-2222222', 'PH-2026-1111111']);

    expect(recent.querySelector('.status').textContent).toBe('Cán bộ đang xử lý');
    const day = recent.querySelector('.appointment-day');
    expect(day.dataset.day).toBe('2026-12-14');
    expect(day.textContent).toMatch(/14\/12\/2026/);
    expect(day.textContent.toLowerCase()).toContain('thứ hai'); // 14/12/2026 is a Monday
    expect(within(recent).getByText('CCCD của cha hoặc mẹ')).toBeTruthy();
    expect(within(recent).getByText('Mời bạn đến quầy 2 về hồ sơ PH-2026-2222222.')).toBeTruthy();
    expect(within(recent).getByText('UBND phường Thử, Số 1')).toBeTruthy();

    expect(older.querySelector('.status').textContent).toBe('Đã giải quyết');
    expect(older.querySelector('.appointment-day').textContent).toBe('Chưa hẹn ngày');

    const asked = calls.filter((c) => c.path.endsWith('/page')).map((c) => `${c.path.split('/')[4]}?${c.query.check}`);
    expect(asked.sort()).toEqual(['PH-2026-1111111?4821', 'PH-2026-2222222?0377']);
  });

  it('learns the check from a case link in the conversation; a code without one shows its status only', async () => {
    localStorage.setItem(CASES_KEY, JSON.stringify(['PH-2026-3333333'])); // an older version kept bare codes
    fakeApi({ overrides: {
      ...pages({ 'PH-2026-4444444': { check: '9120', body: page('PH-2026-4444444', '9120', { messages: [] }) } }),
      'GET /api/v1/conversations/c-1/messages': () => [200, { messages: [
        { seq: 1, direction: 'out', origin: 'bot', text: 'Cán bộ đã nhận hồ sơ.\nXem hồ sơ: https://ward.example.vn/c/PH-2026-4444444#k=9120', at: '2026-12-07T02:00:00Z' },
        { seq: 2, direction: 'in', origin: 'citizen', text: 'PH-2026-7654321 của người khác', at: '2026-12-07T02:10:00Z' },
      ] }],
      'GET /api/v1/cases/PH-2026-3333333/status': () => [200, { code: 'PH-2026-3333333', status: 'new', procedureName: 'Đăng ký khai sinh', updatedAt: '2026-11-30T03:00:00Z' }],
    } });
    render(<WardApp session={createSession()} />);
    fireEvent.click(tab('Hồ sơ'));
    const linked = await card('PH-2026-4444444');
    expect(linked.querySelector('.appointment-day').dataset.day).toBe('2026-12-14');
    const bare = await card('PH-2026-3333333');
    expect(bare.querySelector('.status').textContent).toBe('Đã tiếp nhận, đang chờ cán bộ');
    expect(bare.querySelector('.appointment-day')).toBeNull();
    expect(document.querySelector('[data-case="PH-2026-7654321"]')).toBeNull(); // a code the citizen typed is not theirs
    expect(JSON.parse(localStorage.getItem(CASES_KEY))).toContainEqual({ code: 'PH-2026-4444444', check: '9120' });
  });

  it('erasing in the privacy centre forgets the cases on this phone too', async () => {
    localStorage.setItem(CASES_KEY, JSON.stringify([{ code: 'PH-2026-5555555', check: '1234' }]));
    fakeApi({
      engine: (body) => {
        if (body.action === 'erase') return { state: 'idle', replies: [{ text: 'Xóa?', buttons: [{ label: 'Xác nhận xóa', action: 'erase:confirm' }] }] };
        if (body.action === 'erase:confirm') return { state: 'idle', replies: [{ text: 'Đã xóa.', buttons: [] }] };
        return { state: 'idle', replies: [] };
      },
      overrides: pages({ 'PH-2026-5555555': { check: '1234', body: page('PH-2026-5555555', '1234') } }),
    });
    render(<WardApp session={createSession()} />);
    fireEvent.click(tab('Hồ sơ'));
    await card('PH-2026-5555555');
    fireEvent.click(tab('Quyền riêng tư'));
    fireEvent.click(await screen.findByRole('button', { name: 'Rút lại đồng ý và xóa dữ liệu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Xác nhận xóa' }));
    await screen.findByText('Đã xóa.');
    expect(localStorage.getItem(CASES_KEY)).toBeNull();
    fireEvent.click(tab('Hồ sơ'));
    expect(await screen.findByText('Bạn chưa có hồ sơ nào gửi qua ứng dụng này.')).toBeTruthy();
    expect(document.querySelector('[data-case]')).toBeNull();
  });
});
