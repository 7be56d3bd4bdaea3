// The citizen's conversation with WardDesk, opened only when a screen needs one (ask, request, my cases, privacy).
// Inside Zalo it is bound to the Zalo user: POST /api/v1/conversations with the access token finds the user's own
// conversation again on every launch (a fresh bearer token each time), so "my cases" survives reinstalls. Without a
// Zalo identity (outside Zalo, or a token the server could not verify) it is anonymous, like the kiosk, and its id
// and bearer token are kept in this device's localStorage — on the citizen's own phone, not a shared screen.
import { api } from './api.js';
import { zaloAccessToken } from './sdk/zalo.js';

const CONVERSATION_KEY = 'warddesk.miniapp.conversation';
const CASES_KEY = 'warddesk.miniapp.cases';
export const CASE_CODE = /\b[A-Z]{2,4}-20\d{2}-\d{7}(?:-\d{7})?\b/g; // PH-2026-4821307-5192648 (older: PH-2026-1234567)

function read(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return value ?? fallback;
  } catch (e) {
    return fallback;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    /* storage full or disabled: the app still works for this launch */
  }
}

export function createSession() {
  let conversation = null; // {id, token, zalo}
  let zaloToken = '';
  let opening = null;
  let greeting = null; // the engine's first replies, shown by the Ask screen

  async function open(locale) {
    zaloToken = await zaloAccessToken();
    if (zaloToken) {
      try {
        const created = await api.startConversation(locale, zaloToken);
        conversation = { id: created.id, token: created.token, zalo: true };
        greeting = created;
        return conversation;
      } catch (e) {
        if (e.status !== 401) throw e;
        zaloToken = ''; // not verified: carry on anonymously
      }
    }
    const stored = read(CONVERSATION_KEY, null);
    if (stored && stored.id && stored.token) {
      conversation = { id: stored.id, token: stored.token, zalo: false };
      return conversation;
    }
    const created = await api.startConversation(locale, '');
    conversation = { id: created.id, token: created.token, zalo: false };
    greeting = created;
    write(CONVERSATION_KEY, { id: created.id, token: created.token });
    return conversation;
  }

  return {
    /** The conversation, opened on first use (one request even when several screens ask at once). */
    async conversation(locale) {
      if (conversation) return conversation;
      if (!opening) opening = open(locale).finally(() => { opening = null; });
      return opening;
    },
    current: () => conversation,
    /** The Zalo access token of this launch ('' when anonymous): needed to exchange a phone-number token. */
    zaloToken: () => zaloToken,
    takeGreeting() {
      const g = greeting;
      greeting = null;
      return g;
    },
    /** Sends a text or a button; records any case code the engine reports. */
    async send(payload, locale) {
      const c = await this.conversation(locale);
      try {
        const response = await api.send(c, payload, locale);
        if (response && response.caseCode) this.rememberCase(response.caseCode);
        return response;
      } catch (e) {
        if ((e.status === 401 || e.status === 404) && !c.zalo) {
          // The stored conversation is gone (or its token): start a new one once.
          conversation = null;
          try { localStorage.removeItem(CONVERSATION_KEY); } catch (x) { /* ignore */ }
          const fresh = await this.conversation(locale);
          return api.send(fresh, payload, locale);
        }
        throw e;
      }
    },
    knownCases: () => read(CASES_KEY, []),
    rememberCase(code) {
      const codes = read(CASES_KEY, []);
      if (!codes.includes(code)) write(CASES_KEY, [code, ...codes].slice(0, 20));
    },
  };
}
