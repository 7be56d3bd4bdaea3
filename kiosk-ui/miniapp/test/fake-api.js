// A stand-in for the WardDesk HTTP API in component tests: answers in the shapes of docs/openapi.yaml and records
// every request, so a test can say which calls the app made (and with which locale, token and body).
import { vi } from 'vitest';

export const PROCEDURES = {
  vi: [
    { id: 'birth_registration', name: 'Đăng ký khai sinh', summary: 'Khai sinh cho trẻ mới sinh.', icon: 'baby' },
    { id: 'temporary_residence', name: 'Đăng ký tạm trú', summary: 'Do Công an xã thực hiện.', icon: 'home' },
  ],
  en: [
    { id: 'birth_registration', name: 'Birth registration', summary: 'Register a newborn.', icon: 'baby' },
    { id: 'temporary_residence', name: 'Temporary residence', summary: 'Done by the commune police.', icon: 'home' },
  ],
};

export function office(lang = 'vi') {
  return {
    wardId: 'demo', name: lang === 'vi' ? 'UBND phường Thử' : 'Thu Ward', address: 'Số 1', desk: 'Phòng 101', phone: '0236',
    email: 'x@example.invalid', mapUrl: 'https://www.openstreetmap.org/', demo: true, openNow: true, status: 'mở đến 17:00',
    hours: { monday: [{ open: '07:30', close: '17:00' }], tuesday: [{ open: '07:30', close: '17:00' }],
      wednesday: [{ open: '07:30', close: '17:00' }], thursday: [{ open: '07:30', close: '17:00' }],
      friday: [{ open: '07:30', close: '17:00' }], saturday: [], sunday: [] },
    weekly: ['Thứ Hai – Thứ Sáu: 07:30–17:00'],
    upcomingClosures: [{ date: '2026-12-31', name: 'Nghỉ cuối năm' }],
  };
}

export function procedure(p, lang = 'vi') {
  const vi = lang === 'vi';
  return {
    ...p, reviewed: '2026-11-20', version: 3, authority: 'UBND',
    aspects: {
      fee: { label: vi ? 'Lệ phí' : 'Fee', text: vi ? 'Miễn lệ phí nếu đăng ký đúng hạn.' : 'Free when registered on time.', items: [], followUps: [] },
      processing_time: { label: 'x', text: vi ? 'Trong ngày làm việc.' : 'Same working day.', items: [], followUps: [] },
      eligibility: { label: 'x', text: vi ? 'Cha hoặc mẹ.' : 'A parent.', items: [], followUps: [] },
      online: { label: 'x', text: vi ? 'Nộp qua Cổng Dịch vụ công.' : 'Apply on the portal.', items: [], followUps: [] },
    },
    documents: [{ text: vi ? 'Giấy chứng sinh' : 'Birth certificate from the hospital', kind: 'original', kindLabel: vi ? 'Bản chính' : 'Original', count: 1, note: null }],
    legalBasis: ['Luật Hộ tịch 2014'], sources: [], onlineChannels: ['desk', 'portal'],
  };
}

function json(status, body) {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Installs a fetch stub. `engine(body)` answers POST …/messages; `overrides` maps "METHOD path" (path without the
 * query) to a function (request) => [status, body].
 */
export function fakeApi({ engine = () => ({ state: 'answering', replies: [] }), overrides = {} } = {}) {
  const calls = [];
  const fetchStub = vi.fn(async (url, init = {}) => {
    const u = new URL(url, 'http://api.test');
    const method = init.method || 'GET';
    const body = init.body ? JSON.parse(init.body) : undefined;
    const call = { method, path: u.pathname, query: Object.fromEntries(u.searchParams), body, headers: init.headers || {} };
    calls.push(call);
    const key = `${method} ${u.pathname}`;
    const lang = u.searchParams.get('locale') || 'vi';
    for (const [pattern, handler] of Object.entries(overrides)) {
      if (new RegExp(`^${pattern}$`).test(key)) return json(...handler(call));
    }
    if (key === 'GET /api/v1/miniapp') return json(200, { name: null, colours: { primary: '#0b5cad' }, logoUrl: null });
    if (key === 'GET /api/v1/office') return json(200, office(lang));
    if (key === 'GET /api/v1/procedures') return json(200, PROCEDURES[lang]);
    const detail = /^GET \/api\/v1\/procedures\/([^/]+)$/.exec(key);
    if (detail) {
      const p = PROCEDURES[lang].find((x) => x.id === detail[1]);
      return p ? json(200, procedure(p, lang)) : json(404, { error: 'not_found', message: detail[1] });
    }
    if (key === 'POST /api/v1/conversations') {
      return json(201, { id: 'c-1', token: 'tok-1', state: 'idle', replies: [{ text: 'Xin chào!', buttons: [] }] });
    }
    if (/^POST \/api\/v1\/conversations\/[^/]+\/messages$/.test(key)) {
      return json(200, { conversationId: 'c-1', duplicate: false, expecting: null, caseCode: null, ...engine(body, call) });
    }
    if (/^GET \/api\/v1\/conversations\/[^/]+\/messages$/.test(key)) return json(200, { messages: [] });
    if (/^GET \/api\/v1\/conversations\/[^/]+\/consent-receipt$/.test(key)) return json(404, { error: 'no_consent', message: 'none' });
    if (key === 'GET /api/v1/privacy-notice') return json(200, { version: '2026-11', short: 'Phường xử lý dữ liệu…', full: 'Toàn văn.' });
    return json(404, { error: 'not_found', message: key });
  });
  globalThis.fetch = fetchStub;
  return { calls, fetch: fetchStub };
}
