import { api } from './api.js';
import { el, toast } from './dom.js';
import { signedIn, session } from './app.js';

export function loginView(main, message) {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert', text: message || '' });
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 64 });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'card narrow', id: 'login-form' },
    el('h1', { text: 'Đăng nhập' }),
    el('label', { for: 'username', text: 'Tên đăng nhập' }), username,
    el('label', { for: 'password', text: 'Mật khẩu' }), password,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'login-submit', text: 'Đăng nhập' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const me = await api('POST', 'login', { username: username.value, password: password.value });
      password.value = '';
      signedIn(me);
    } catch (e) {
      error.textContent = e.message;
      password.value = '';
      password.focus();
    }
  });
  main.append(form);
  username.focus();
}

export function passwordView(main) {
  const current = el('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true });
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { class: 'card narrow', id: 'password-form' },
    el('h1', { text: 'Đổi mật khẩu' }),
    session.me.mustChangePassword
      ? el('p', { class: 'notice', text: 'Đây là lần đăng nhập đầu tiên với mật khẩu dùng một lần. Hãy đặt mật khẩu mới (ít nhất 12 ký tự).' })
      : null,
    el('label', { for: 'current-password', text: 'Mật khẩu hiện tại' }), current,
    el('label', { for: 'new-password', text: 'Mật khẩu mới' }), next,
    el('label', { for: 'new-password-again', text: 'Nhập lại mật khẩu mới' }), again,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'password-submit', text: 'Lưu mật khẩu' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (next.value !== again.value) {
      error.textContent = 'Hai lần nhập mật khẩu mới không khớp.';
      return;
    }
    try {
      const me = await api('POST', 'password', { currentPassword: current.value, newPassword: next.value });
      toast('Đã đổi mật khẩu.');
      location.hash = '';
      signedIn(me);
    } catch (e) {
      error.textContent = e.message;
    }
  });
  main.append(form);
  current.focus();
}
