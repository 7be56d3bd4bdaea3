// Admin: the ward's accounts; create (one-time password shown once), disable/enable, reset password or second
// factor; and the platform events set aside as dead letters (no text, no user ids).
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed, session } from './app.js';

const ROLES = [['officer', 'Cán bộ'], ['supervisor', 'Trưởng bộ phận'], ['editor', 'Biên tập nội dung'], ['admin', 'Quản trị']];

export async function accountsView(main) {
  const list = el('div', { id: 'accounts-list' });
  const secret = el('div', { id: 'one-time', class: 'banner ok', hidden: true });
  const username = el('input', { id: 'account-username', placeholder: 'Tên đăng nhập', required: true });
  const display = el('input', { id: 'account-display', placeholder: 'Họ và tên' });
  const checks = ROLES.map(([key, label]) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: key, name: 'role', checked: key === 'officer' }), label));
  const form = el('form', { class: 'card', id: 'account-form' }, el('h2', { text: 'Tạo tài khoản' }),
    el('div', { class: 'row' }, username, display), el('div', { class: 'row' }, checks),
    el('button', { type: 'submit', class: 'btn primary', text: 'Tạo tài khoản' }));
  const dead = el('section', { class: 'card', id: 'dead-letters-card' });
  main.append(el('h1', { text: 'Tài khoản cán bộ – ' + session.me.wardId }), secret, form, list, dead);

  function showSecret(name, password) {
    clear(secret).append(el('p', { text: 'Mật khẩu dùng một lần cho ' + name + ' (chỉ hiển thị lần này, phải đổi khi đăng nhập):' }),
      el('code', { class: 'secret', text: password }));
    secret.hidden = false;
  }

  async function load() {
    const accounts = await api('GET', 'accounts');
    clear(list).append(el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Trạng thái', ''].map(h => el('th', { text: h })))),
      el('tbody', {}, accounts.map(a => el('tr', {},
        el('td', {}, a.username, a.demo ? el('span', { class: 'demo-badge small', text: 'DEMO' }) : null),
        el('td', { text: a.displayName }),
        el('td', { text: a.roles.join(', ') }),
        el('td', { text: a.disabled ? 'Đã khoá' : a.mustChangePassword ? 'Chờ đổi mật khẩu' : 'Hoạt động' }),
        el('td', { class: 'actions' },
          a.username === session.me.username ? null : el('button', { type: 'button', class: 'btn small',
            text: a.disabled ? 'Mở khoá' : 'Khoá', onclick: async () => {
              try { await api('POST', 'accounts/' + a.id + (a.disabled ? '/enable' : '/disable'), {}); load(); } catch (e) { failed(e); }
            } }),
          el('button', { type: 'button', class: 'btn small', text: 'Đặt lại mật khẩu', onclick: async () => {
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
      toast('Đã tạo tài khoản ' + created.username);
      username.value = '';
      display.value = '';
      load();
    } catch (e) {
      failed(e);
    }
  });
  await load();
}
