// The WardDesk HTTP API (docs/openapi.yaml): the same catalog and conversation calls as the kiosk, cross-origin
// from Zalo (the server allows the Mini App's origin: zalo.mini-app.cors-origins). Bearer tokens, no cookies.
// Nothing is cached: every call is `cache: 'no-store'`, so a new content version shows without republishing.

const TIMEOUT_MS = 20000; // a phone on a slow mobile network

/** The API origin: set at build time (VITE_WARDDESK_API); a browser build may take ?api=… (tests, development). */
export function apiOrigin() {
  const built = import.meta.env.VITE_WARDDESK_API || '';
  if (import.meta.env.MODE === 'browser' || import.meta.env.MODE === 'test') {
    const fromQuery = new URLSearchParams(location.search).get('api');
    if (fromQuery) return fromQuery.replace(/\/+$/, '');
  }
  return built.replace(/\/+$/, '');
}

/**
 * The ward this Mini App belongs to in a deployment that serves several: set at build time (VITE_WARDDESK_WARD,
 * `./warddesk miniapp build --ward ID`); a browser build may take ?ward=… (tests, development). '' = the default ward.
 */
export function wardId() {
  if (import.meta.env.MODE === 'browser' || import.meta.env.MODE === 'test') {
    const fromQuery = new URLSearchParams(location.search).get('ward');
    if (fromQuery) return fromQuery;
  }
  return import.meta.env.VITE_WARDDESK_WARD || '';
}

/** Adds ?ward= to a path of the public catalog or conversation creation (other calls follow the conversation). */
function forWard(path) {
  const ward = wardId();
  return ward ? `${path}${path.includes('?') ? '&' : '?'}ward=${encodeURIComponent(ward)}` : path;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
  }

  get offline() {
    return this.status === 0;
  }
}

async function request(method, path, { body, token, accept = 'application/json' } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(apiOrigin() + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      mode: 'cors',
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
  if (!response.ok) throw new ApiError(response.status, data && data.error, data && data.message);
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

export const api = {
  miniApp: (locale) => request('GET', `/api/v1/miniapp?locale=${enc(locale)}`),
  procedures: (locale) => request('GET', forWard(`/api/v1/procedures?locale=${enc(locale)}`)),
  procedure: (id, locale) => request('GET', forWard(`/api/v1/procedures/${enc(id)}?locale=${enc(locale)}`)),
  office: (locale) => request('GET', forWard(`/api/v1/office?locale=${enc(locale)}`)),
  privacyNotice: (locale) => request('GET', forWard(`/api/v1/privacy-notice?locale=${enc(locale)}`)),

  startConversation: (locale, zaloAccessToken) => request('POST', forWard('/api/v1/conversations'), {
    body: zaloAccessToken ? { channel: 'zalo_mini_app', locale, zaloAccessToken } : { channel: 'zalo_mini_app', locale },
  }),

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

  consentReceipt: (conversation) =>
    request('GET', `/api/v1/conversations/${enc(conversation.id)}/consent-receipt`, { token: conversation.token }),

  caseStatus: (code, locale) => request('GET', `/api/v1/cases/${enc(code)}/status?locale=${enc(locale)}`),

  /** The citizen case page's data (status, appointment day, what to bring, office, staff messages): code + check. */
  casePage: (code, check, locale) =>
    request('GET', `/api/v1/cases/${enc(code)}/page?check=${enc(check)}&locale=${enc(locale)}`),

  /** Exchanges Zalo's one-time phone token for the number (server side: the App Secret never leaves WardDesk). */
  phoneNumber: (zaloAccessToken, phoneToken) =>
    request('POST', '/api/v1/miniapp/phone-number', { body: { zaloAccessToken, phoneToken } }),
};
