// Staff console shell: session, navigation by role, hash routes.
import { api, setCsrf, ApiError } from './api.js';
import { el, clear, toast } from './dom.js';
import { loginView, passwordView, secondFactorView } from './login.js';
import { queueView } from './queue.js';
import { caseView } from './case.js';
import { auditView } from './audit.js';
import { analyticsView } from './analytics.js';
import { accountsView } from './accounts.js';
import { catalogView } from './catalog.js';

const main = document.getElementById('main');
export const session = { me: null, cleanup: [] };

export function has(role) {
  const roles = session.me ? session.me.roles : [];
  return roles.includes(role) || (role === 'officer' && roles.includes('supervisor'));
}

const PAGES = [
  { route: 'queue', label: 'Hồ sơ', role: 'officer', view: queueView },
  { route: 'audit', label: 'Nhật ký', role: 'supervisor', view: auditView },
  { route: 'analytics', label: 'Thống kê', role: 'supervisor', view: analyticsView },
  { route: 'catalog', label: 'Nội dung thủ tục', role: 'editor', view: catalogView },
  { route: 'accounts', label: 'Tài khoản', role: 'admin', view: accountsView },
];

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
  } else if (!location.hash || location.hash === '#/login' || location.hash === '#/password') {
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
    signedOut('Phiên làm việc đã hết. Vui lòng đăng nhập lại.');
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
    for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.id === 'nav-' + name);
    show(page.view);
  } else {
    clear(main).append(el('p', { class: 'muted', text: 'Tài khoản này chưa có chức năng nào ở đây.' }));
  }
}

window.addEventListener('hashchange', route);
document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('POST', 'logout');
  } catch (e) {
    // Signed out either way.
  }
  signedOut('Đã đăng xuất.');
});

(async () => {
  try {
    signedIn(await api('GET', 'me'));
  } catch (e) {
    signedOut();
  }
})();
