// Admin: the ward's accounts; create (one-time password shown once), disable/enable, reset password or second
// factor; and the platform events set aside as dead letters (no text, no user ids).
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed, session } from './app.js';
import { t } from './i18n.js';

const ROLES = [['officer', t('Cán bộ', 'Officer')], ['supervisor', t('Trưởng bộ phận', 'Supervisor')], ['editor', t('Biên tập nội dung', 'Content editor')], ['admin', t('Quản trị', 'Administrator')]];
const ROLE_LABEL = Object.fromEntries(ROLES);

export async function accountsView(main) {
  const list = el('div', { id: 'accounts-list' });
  const secret = el('div', { id: 'one-time', class: 'banner ok', hidden: true });
  const username = el('input', { id: 'account-username', placeholder: t('Tên đăng nhập', 'Username'), 'aria-label': t('Tên đăng nhập', 'Username'), required: true });
  const display = el('input', { id: 'account-display', placeholder: t('Họ và tên', 'Full name'), 'aria-label': t('Họ và tên', 'Full name') });
  const checks = ROLES.map(([key, label]) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: key, name: 'role', checked: key === 'officer' }), label));
  const form = el('form', { class: 'card', id: 'account-form' }, el('h2', { text: t('Tạo tài khoản', 'Create an account') }),
    el('div', { class: 'row' }, username, display), el('div', { class: 'row' }, checks),
    el('button', { type: 'submit', class: 'btn primary', text: t('Tạo tài khoản', 'Create account') }));
  const dead = el('section', { class: 'card', id: 'dead-letters-card' });
  main.append(el('h1', { text: t('Tài khoản cán bộ – ', 'Staff accounts – ') + session.me.wardId }), secret, form, list, dead);

  function showSecret(name, password) {
    clear(secret).append(el('p', { text: t('Mật khẩu dùng một lần cho ' + name + ' (chỉ hiển thị lần này, phải đổi khi đăng nhập):', 'One-time password for ' + name + ' (shown only now, must be changed at sign-in):') }),
      el('code', { class: 'secret', text: password }));
    secret.hidden = false;
  }

  async function load() {
    const accounts = await api('GET', 'accounts');
    clear(list).append(el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, [t('Tên đăng nhập', 'Username'), t('Họ tên', 'Name'), t('Vai trò', 'Roles'), t('Trạng thái', 'State')].map(h => el('th', { text: h })),
        el('th', {}, el('span', { class: 'sr-only', text: t('Thao tác', 'Actions') })))),
      el('tbody', {}, accounts.map(a => el('tr', {},
        el('td', {}, a.username, a.demo ? el('span', { class: 'demo-badge small', text: 'DEMO' }) : null),
        el('td', { text: a.displayName }),
        el('td', { text: a.roles.map(r => ROLE_LABEL[r] || r).join(', ') }),
        el('td', { text: a.disabled ? t('Đã khoá', 'Disabled') : a.mustChangePassword ? t('Chờ đổi mật khẩu', 'Must change password') : t('Hoạt động', 'Active') }),
        el('td', { class: 'actions' },
          a.username === session.me.username ? null : el('button', { type: 'button', class: 'btn small',
            text: a.disabled ? t('Mở khoá', 'Enable') : t('Khoá', 'Disable'), onclick: async () => {
              try { await api('POST', 'accounts/' + a.id + (a.disabled ? '/enable' : '/disable'), {}); load(); } catch (e) { failed(e); }
            } }),
          el('button', { type: 'button', class: 'btn small', text: t('Đặt lại mật khẩu', 'Reset password'), onclick: async () => {
            try { const r = await api('POST', 'accounts/' + a.id + '/reset-password', {}); showSecret(a.username, r.oneTimePassword); load(); } catch (e) { failed(e); }
          } }),
          a.username === session.me.username ? null : el('button', { type: 'button', class: 'btn small', text: 'Đặt lại xác thực 2 lớp', onclick: async () => {
            try { await api('POST', 'accounts/' + a.id + '/reset-second-factor', {}); toast('Tài khoản sẽ cài lại xác thực 2 lớp khi đăng nhập.'); } catch (e) { failed(e); }
          } })))))));
    const { deadLetters } = await api('GET', 'dead-letters');
    clear(dead).append(el('h2', { text: 'Sự kiện không xử lý được (' + deadLetters.length + ')' }),
      deadLetters.length === 0 ? el('p', { id: 'dead-letters-empty', text: 'Không có.' })
        : el('table', { class: 'grid', id: 'dead-letters' },
          el('thead', {}, el('tr', {}, ['Thời điểm', 'Kênh', 'Lý do', 'Mã sự kiện (băm)'].map(h => el('th', { text: h })))),
          el('tbody', {}, deadLetters.map(d => el('tr', {},
            el('td', { text: new Date(d.receivedAt).toLocaleString('vi-VN') }), el('td', { text: d.channel }),
            el('td', { text: d.reason }), el('td', {}, el('code', { text: d.eventKey.slice(0, 12) })))))));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const roles = checks.map(c => c.querySelector('input')).filter(i => i.checked).map(i => i.value);
    try {
      const created = await api('POST', 'accounts', { username: username.value, displayName: display.value, roles });
      showSecret(created.username, created.oneTimePassword);
      toast(t('Đã tạo tài khoản ', 'Created account ') + created.username);
      username.value = '';
      display.value = '';
      load();
    } catch (e) {
      failed(e);
    }
  });
  await load();
}
