// Fetch wrappers for the WardDesk HTTP API (catalog, conversations, cases). No response is ever cached:
// every request is `cache: 'no-store'` and the service worker lets /api/ through untouched.

import { deviceToken as storedDeviceToken, forgetDevice, wardParam, currentWard } from './device.js';

const TIMEOUT_MS = 12000;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
  }

  /** True when the server could not be reached at all (no HTTP status). */
  get offline() {
    return this.status === 0;
  }
}

async function request(method, path, { body, token, keepalive = false } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const deviceToken = storedDeviceToken();
  if (deviceToken) headers['X-Kiosk-Device'] = deviceToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      keepalive,
      signal: controller.signal,
    });
  } catch (e) {
    throw new ApiError(0, 'offline', e.message);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (response.status === 401 && data && data.error === 'device_not_paired') {
    forgetDevice();
    window.dispatchEvent(new Event('warddesk:unpaired'));
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.error, data && data.message);
  }
  return data;
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const enc = encodeURIComponent;

/** The catalog of the ward this kiosk shows (paired, or ?ward=); without one the server's default ward. */
function forWard(path) {
  const ward = currentWard();
  return ward ? `${path}${path.includes('?') ? '&' : '?'}ward=${enc(ward)}` : path;
}

export const api = {
  procedures: (locale) => request('GET', forWard(`/api/v1/procedures?locale=${enc(locale)}`)),
  procedure: (id, locale) => request('GET', forWard(`/api/v1/procedures/${enc(id)}?locale=${enc(locale)}`)),
  office: (locale) => request('GET', forWard(`/api/v1/office?locale=${enc(locale)}`)),

  startConversation: (locale) => request('POST', `/api/v1/conversations${wardParam() ? `?ward=${enc(wardParam())}` : ''}`,
    { body: { channel: 'kiosk', locale } }),

  /** Sends {text} or {action}; retried once on a network failure with the same eventId, so it is not applied twice. */
  async send(conversation, payload, locale) {
    const body = { ...payload, locale, eventId: uuid() };
    const path = `/api/v1/conversations/${enc(conversation.id)}/messages`;
    try {
      return await request('POST', path, { body, token: conversation.token });
    } catch (e) {
      if (!e.offline) throw e;
      return request('POST', path, { body, token: conversation.token });
    }
  },

  messagesAfter: (conversation, seq) =>
    request('GET', `/api/v1/conversations/${enc(conversation.id)}/messages?after=${enc(seq)}`, { token: conversation.token }),

  endConversation: (conversation) =>
    request('DELETE', `/api/v1/conversations/${enc(conversation.id)}`, { token: conversation.token, keepalive: true }),

  /** The printable consent receipt (HTML). */
  async consentReceipt(conversation) {
    const response = await fetch(`/api/v1/conversations/${enc(conversation.id)}/consent-receipt`, {
      headers: { Accept: 'text/html', Authorization: `Bearer ${conversation.token}` },
      cache: 'no-store',
    }).catch((e) => { throw new ApiError(0, 'offline', e.message); });
    if (!response.ok) throw new ApiError(response.status, 'receipt', `HTTP ${response.status}`);
    return response.text();
  },

  caseStatus: (code, locale) => request('GET', `/api/v1/cases/${enc(code)}/status?locale=${enc(locale)}`),
  qrUrl: (code, check) => `/api/v1/cases/${enc(code)}/qr.svg${check ? `?check=${enc(check)}` : ''}`,
};
