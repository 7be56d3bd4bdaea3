// WARDDESK_SDK_STANDIN — the browser stand-in for zmp-sdk, used only by `vite --mode browser` (development and the
// end-to-end tests). Same exports and answer shapes as the functions of zmp-sdk that the app uses; never in the
// Zalo build (vite.config.js aliases it only in browser mode; scripts/check-bundle.mjs fails if this marker is in www/).
//
// Switches, read once from the page's query string (so a test can simulate Zalo users and refusals):
//   ?zaloToken=…   getAccessToken() answers this token (default: '' — an anonymous citizen, like zmp-sdk on localhost)
//   ?phone=refuse  getPhoneNumber() rejects like a refused permission ({code: -1401}); default: a phone token
//   ?phone=error   getPhoneNumber() rejects like an SDK failure ({code: -2000})
//   ?api=…         the WardDesk API origin (read by src/api.js in browser builds)
const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);

export const standin = true;

export async function getAccessToken() {
  return params.get('zaloToken') || '';
}

export async function getPhoneNumber() {
  const mode = params.get('phone');
  if (mode === 'refuse') return Promise.reject({ code: -1401, message: 'User denied' });
  if (mode === 'error') return Promise.reject({ code: -2000, message: 'Not supported outside Zalo' });
  return { token: 'standin-phone-token' };
}

export async function openWebview({ url }) {
  window.open(url, '_blank', 'noopener');
}

/** zmp-sdk's nativeStorage (synchronous, strings) over the browser's localStorage, as zmp-sdk does in development. */
export const nativeStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
};
