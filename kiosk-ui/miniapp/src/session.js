// The citizen's conversation with WardDesk, opened only when a screen needs one (ask, request, my cases, privacy).
// Inside Zalo it is bound to the Zalo user: POST /api/v1/conversations with the access token finds the user's own
// conversation again on every launch (a fresh bearer token each time), so "my cases" survives reinstalls. Without a
// Zalo identity (outside Zalo, or a token the server could not verify) it is anonymous, like the kiosk, and its id
// and bearer token are kept in the Mini App's storage on this phone (sdk/zalo.js) — the citizen's own, not a shared
// screen. The same storage keeps the (code, check) pairs of the citizen's cases, so "My cases" can open each case page.
import { api } from './api.js';
import { deviceStorage, zaloAccessToken } from './sdk/zalo.js';

const CONVERSATION_KEY = 'warddesk.miniapp.conversation';
const CASES_KEY = 'warddesk.miniapp.cases';
export const CASE_CODE = /\b[A-Z]{2,4}-20\d{2}-\d{7}(?:-\d{7})?\b/g; // PH-2026-4821307-5192648 (older: PH-2026-1234567)

const read = (key, fallback) => deviceStorage.get(key, fallback);
const write = (key, value) => deviceStorage.set(key, value);
const MAX_CASES = 20;

/** The remembered cases as {code, check} (older versions kept bare codes: their check is unknown, null). */
function storedCases() {
  const list = read(CASES_KEY, []);
  return (Array.isArray(list) ? list : [])
    .map((c) => (typeof c === 'string' ? { code: c, check: null } : c))
    .filter((c) => c && typeof c.code === 'string')
    .map((c) => ({ code: c.code, check: /^\d{3,4}$/.test(c.check || '') ? c.check : null }));
}

export function createSession() {
  let conversation = null; // {id, token, zalo}
  let zaloToken = '';
  let opening = null;
  let greeting = null; // the engine's first replies, shown by the Ask screen
  const forgetListeners = new Set(); // screens showing cases (a kept-alive My cases page must not show erased ones)

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
        if (response && response.caseCode) this.rememberCase(response.caseCode, response.caseCheck);
        return response;
      } catch (e) {
        if ((e.status === 401 || e.status === 404) && !c.zalo) {
          // The stored conversation is gone (or its token): start a new one once.
          conversation = null;
          deviceStorage.remove(CONVERSATION_KEY);
          const fresh = await this.conversation(locale);
          return api.send(fresh, payload, locale);
        }
        throw e;
      }
    },
    /** The cases made on this phone, newest first: [{code, check}] (check null when it is not known). */
    knownCases: storedCases,
    /** Remembers a case; a check learnt later completes an entry that had none. */
    rememberCase(code, check = null) {
      const list = storedCases();
      const known = list.find((c) => c.code === code);
      const valid = /^\d{3,4}$/.test(check || '') ? check : null;
      if (known && (known.check || !valid)) return;
      const entry = { code, check: valid || (known && known.check) || null };
      write(CASES_KEY, [entry, ...list.filter((c) => c.code !== code)].slice(0, MAX_CASES));
    },
    /** Forgets every case on this phone (the citizen erased their data in the privacy centre). */
    forgetCases() {
      deviceStorage.remove(CASES_KEY);
      forgetListeners.forEach((listener) => listener());
    },
    /** Calls `listener` whenever the cases are forgotten; returns the unsubscribe function. */
    onCasesForgotten(listener) {
      forgetListeners.add(listener);
      return () => forgetListeners.delete(listener);
    },
  };
}
