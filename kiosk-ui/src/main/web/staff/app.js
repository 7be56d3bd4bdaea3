// Staff console shell: session, navigation by role, hash routes.
import { api, setCsrf, ApiError } from './api.js';
import { el, clear, toast } from './dom.js';
import { loginView, passwordView, secondFactorView } from './login.js';
import { queueView } from './queue.js';
import { caseView } from './case.js';
import { auditView } from './audit.js';
import { analyticsView } from './analytics.js';
import { accountsView } from './accounts.js';
import { channelsView } from './channels.js';
import { catalogView } from './catalog.js';
import { wardView } from './ward.js';
import { provinceView } from './province.js';
import { t, lang, switchLanguage } from './i18n.js';

const main = document.getElementById('main');
export const session = { me: null, cleanup: [] };

export function has(role) {
  const roles = session.me ? session.me.roles : [];
  return roles.includes(role) || (role === 'officer' && roles.includes('supervisor'));
}

const PAGES = [
  { route: 'queue', label: t('Hồ sơ', 'Cases'), role: 'officer', view: queueView },
  { route: 'audit', label: t('Nhật ký', 'Audit log'), role: 'supervisor', view: auditView },
  { route: 'analytics', label: t('Thống kê', 'Analytics'), role: 'supervisor', view: analyticsView },
  { route: 'catalog', label: t('Nội dung thủ tục', 'Procedure content'), role: 'editor', view: catalogView },
  { route: 'accounts', label: t('Tài khoản', 'Accounts'), role: 'admin', view: accountsView },
  { route: 'channels', label: t('Kênh của phường', 'Ward channels'), role: 'admin', view: channelsView },
  { route: 'ward', label: t('Phường & kiosk', 'Ward & kiosks'), role: 'admin', view: wardView },
  { route: 'province', label: t('Tỉnh', 'Province'), role: 'province-admin', view: provinceView },
];

// Static texts of index.html in the console's language.
document.title = t('WardDesk – Bàn làm việc cán bộ', 'WardDesk – staff console');
document.getElementById('brand-role').textContent = t('cán bộ', 'staff');
document.getElementById('nav').setAttribute('aria-label', t('Chức năng', 'Sections'));
document.getElementById('logout').textContent = t('Đăng xuất', 'Sign out');
document.getElementById('demo-badge').title = t('Tài khoản demo – không dùng cho dữ liệu thật', 'Demo account – never for real data');
const languageButton = document.getElementById('language');
languageButton.textContent = lang === 'en' ? 'Tiếng Việt' : 'English';
languageButton.setAttribute('lang', lang === 'en' ? 'vi' : 'en');
languageButton.addEventListener('click', switchLanguage);

/** Admins and supervisors (officers by ward policy) set up the second factor before anything else. */
function mustEnrol(me) {
  return Boolean(me.secondFactor && me.secondFactor.required && !me.secondFactor.enabled);
}

export function signedIn(me) {
  session.me = me;
  setCsrf(me.csrfToken);
  const bar = document.getElementById('topbar');
  bar.hidden = false;
  document.getElementById('who-name').textContent = me.displayName;
  document.getElementById('who-ward').textContent = me.wardId;
  document.getElementById('demo-badge').hidden = !me.demo;
  const nav = clear(document.getElementById('nav'));
  for (const page of PAGES) {
    // Nothing but the password form until a one-time password has been replaced.
    if (has(page.role) && !me.mustChangePassword && !mustEnrol(me)) nav.append(el('a', { href: '#/' + page.route, id: 'nav-' + page.route, text: page.label }));
  }
  let target = location.hash;
  if (me.mustChangePassword) {
    target = '#/password';
  } else if (mustEnrol(me)) {
    target = '#/second-factor';
  } else if (!location.hash || ['#/login', '#/password', '#/second-factor'].includes(location.hash)) {
    const first = PAGES.find(page => has(page.role));
    target = '#/' + (first ? first.route : 'none');
  }
  if (target !== location.hash) {
    location.hash = target; // the hashchange event routes
  } else {
    route();
  }
}

export function signedOut(message) {
  for (const stop of session.cleanup.splice(0)) stop();
  session.me = null;
  setCsrf(null);
  document.getElementById('topbar').hidden = true;
  history.replaceState(null, '', '#/login');
  show(loginView, message);
}

/** Runs a view; a 401 anywhere sends the user back to the sign-in form. */
export async function show(view, ...args) {
  for (const stop of session.cleanup.splice(0)) stop();
  // Each view draws into its own container: a slower, superseded view then draws into a detached node.
  const container = el('div', { class: 'view' });
  clear(main).append(container);
  try {
    await view(container, ...args);
  } catch (e) {
    failed(e);
  }
}

export function failed(e) {
  if (e instanceof ApiError && e.status === 401 && session.me) {
    signedOut(t('Phiên làm việc đã hết. Vui lòng đăng nhập lại.', 'Your session has ended. Please sign in again.'));
  } else if (e instanceof ApiError && e.code === 'password_change_required') {
    location.hash = '#/password';
  } else {
    toast(e.message || String(e), 'error');
  }
}

function route() {
  if (!session.me) return;
  const [, name, arg] = (location.hash || '#/').split('/');
  if (session.me.mustChangePassword || name === 'password') {
    show(passwordView);
    return;
  }
  if (mustEnrol(session.me)) {
    show(secondFactorView);
    return;
  }
  if (name === 'case' && arg && has('officer')) {
    show(caseView, decodeURIComponent(arg));
    return;
  }
  const page = PAGES.find(p => p.route === name && has(p.role));
  if (page) {
    for (const link of document.querySelectorAll('#nav a')) {
      link.classList.toggle('active', link.id === 'nav-' + name);
      if (link.id === 'nav-' + name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    show(page.view);
  } else {
    clear(main).append(el('p', { class: 'muted', text: t('Tài khoản này chưa có chức năng nào ở đây.', 'This account has nothing to do here yet.') }));
  }
}

window.addEventListener('hashchange', route);
document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('POST', 'logout');
  } catch (e) {
    // Signed out either way.
  }
  signedOut(t('Đã đăng xuất.', 'Signed out.'));
});

// "session" answers 200 either way, so loading the console before signing in logs no 401 in the browser.
(async () => {
  try {
    const state = await api('GET', 'session');
    if (state.signedIn) signedIn(state); else signedOut();
  } catch (e) {
    signedOut();
  }
})();
