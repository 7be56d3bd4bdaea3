// Nothing of one citizen remains for the next: idle timer with a countdown, and the full reset.
import { api } from './api.js';
import { t, lang, setLang } from './i18n.js';
import { state, resetState } from './state.js';
import { main, showBanner, idleDialog } from './dom.js';
import { route, render } from './router.js';
import { stopPolling } from './conversation.js';
import { SHELL_CACHE, IDLE_SECONDS, COUNTDOWN_SECONDS } from './config.js';
import { deviceToken, keepDeviceToken } from './device.js';

export function expireCookies() {
  const paths = ['/', location.pathname, location.pathname.replace(/[^/]*$/, '')];
  document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter(Boolean).forEach((name) => {
    paths.forEach((path) => {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
    });
  });
}

export async function clearBrowserStorage() {
  // The device token is the kiosk's, not a citizen's: it survives the reset (everything else goes).
  const deviceKept = deviceToken();
  try { localStorage.clear(); } catch (e) { /* storage disabled */ }
  if (deviceKept) keepDeviceToken(deviceKept);
  try { sessionStorage.clear(); } catch (e) { /* storage disabled */ }
  expireCookies();
  const tasks = [];
  if (window.indexedDB && indexedDB.databases) {
    tasks.push(indexedDB.databases().then((dbs) => Promise.all(dbs.map((db) => new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(db.name);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    })))).catch(() => {}));
  }
  if (window.caches) {
    // Only the app shell may live in Cache Storage; anything else (or any extra entry) goes.
    tasks.push(caches.keys().then((keys) => Promise.all(keys.map(async (key) => {
      if (key !== SHELL_CACHE) return caches.delete(key);
      const cache = await caches.open(key);
      const requests = await cache.keys();
      return Promise.all(requests.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => cache.delete(r)));
    }))).catch(() => {}));
  }
  await Promise.all(tasks);
}

export async function resetAll() {
  closeIdleDialog();
  stopPolling();
  clearTimeout(idleTimer);
  const conversation = state.conversation;
  resetState();
  main.replaceChildren();
  showBanner('');
  document.documentElement.classList.remove('large-text');
  setLang('vi');
  history.replaceState(null, '', location.pathname + location.search + '#/');
  // Resource timings name the URLs fetched (conversation ids, case codes): drop them with the rest.
  if (performance.clearResourceTimings) performance.clearResourceTimings();
  const ending = conversation ? api.endConversation(conversation).catch(() => {}) : Promise.resolve();
  await Promise.all([ending, clearBrowserStorage()]);
  render();
}

// ---------- idle timer ----------

let idleTimer = null;
let countdownTimer = null;

export function pristine() {
  return route().name === 'home' && !state.conversation && lang() === 'vi' && !state.largeText;
}

export function armIdle() {
  clearTimeout(idleTimer);
  if (idleDialog.open || pristine()) return;
  idleTimer = setTimeout(openIdleDialog, IDLE_SECONDS * 1000);
}

export function openIdleDialog() {
  let left = COUNTDOWN_SECONDS;
  const body = document.getElementById('idle-body');
  document.getElementById('idle-title').textContent = t('idleTitle');
  document.getElementById('idle-stay').textContent = t('idleStay');
  document.getElementById('idle-reset').textContent = t('idleReset');
  const tick = () => {
    body.textContent = t('idleBody', { n: left });
    document.getElementById('idle-count').textContent = String(left);
  };
  tick();
  idleDialog.showModal();
  document.getElementById('idle-stay').focus();
  countdownTimer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      resetAll();
      return;
    }
    tick();
  }, 1000);
}

export function closeIdleDialog() {
  clearInterval(countdownTimer);
  countdownTimer = null;
  if (idleDialog.open) idleDialog.close();
}

['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach((type) =>
  document.addEventListener(type, () => { if (!idleDialog.open) armIdle(); }, { passive: true, capture: true }));

idleDialog.addEventListener('cancel', (e) => { // Escape = "I'm still here"
  e.preventDefault();
  closeIdleDialog();
  armIdle();
});
document.getElementById('idle-stay').addEventListener('click', () => { closeIdleDialog(); armIdle(); });
document.getElementById('idle-reset').addEventListener('click', () => resetAll());
