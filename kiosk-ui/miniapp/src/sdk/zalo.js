// The only module that talks to zmp-sdk. The app asks Zalo for exactly two things, and nothing else:
//   1. the user's access token (getAccessToken: no prompt; it lets WardDesk learn the per-app user id, nothing more),
//      asked when the citizen first needs a conversation (ask, request, my cases, privacy) — never to browse;
//   2. the phone number (getPhoneNumber: Zalo shows its own permission prompt), asked only inside a request, after
//      the citizen agreed to the privacy notice, on the phone field, and only when the citizen taps "use my Zalo
//      number" — typing the number is always offered instead.
// No location, contacts, profile (name/avatar) or any other scope. test/permissions.test.jsx checks all of this.
// Besides, it keeps a little data in the Mini App's own storage on the phone (nativeStorage: no prompt, no scope):
// the anonymous conversation and the (code, check) pairs of the citizen's cases for "My cases".
//
// In the Zalo build 'zmp-sdk' is the real SDK; in the browser build (vite --mode browser) it is src/sdk/standin.js.
import { getAccessToken, getPhoneNumber, nativeStorage, openWebview } from 'zmp-sdk';

/** The Zalo user access token, or '' when there is none (outside Zalo, refused, or any SDK error). */
export async function zaloAccessToken() {
  try {
    const token = await getAccessToken();
    return typeof token === 'string' ? token : '';
  } catch (e) {
    return ''; // zmp-sdk rejects with a plain object {code, message}, not an Error
  }
}

/**
 * Asks Zalo for the phone number: resolves to the one-time phone token the server exchanges for the number,
 * or null when the citizen refused or Zalo cannot give it (the citizen then types the number).
 */
export async function zaloPhoneToken() {
  try {
    const answer = await getPhoneNumber();
    return answer && typeof answer.token === 'string' && answer.token ? answer.token : null;
  } catch (e) {
    return null;
  }
}

/** Opens an outside link (the office map) in Zalo's web view; a plain new tab outside Zalo. */
export async function openLink(url) {
  try {
    await openWebview({ url });
  } catch (e) {
    window.open(url, '_blank', 'noopener');
  }
}

/**
 * The Mini App's storage on this phone: Zalo's nativeStorage inside Zalo; the browser's localStorage where Zalo has
 * none (older Zalo versions and zmp-sdk outside Zalo throw). Values are JSON; a failure never stops the app, it only
 * forgets for this launch.
 */
export const deviceStorage = {
  get(key, fallback) {
    try {
      const value = JSON.parse(raw('getItem', key));
      return value ?? fallback;
    } catch (e) {
      return fallback;
    }
  },
  set(key, value) {
    try {
      raw('setItem', key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled: the app still works for this launch */
    }
  },
  remove(key) {
    try {
      raw('removeItem', key);
    } catch (e) {
      /* nothing stored */
    }
  },
};

function raw(method, ...args) {
  try {
    return nativeStorage[method](...args);
  } catch (e) {
    return localStorage[method](...args);
  }
}
