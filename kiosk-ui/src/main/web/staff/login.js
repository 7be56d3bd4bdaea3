import { api } from './api.js';
import { el, toast } from './dom.js';
import { signedIn, session } from './app.js';
import { t } from './i18n.js';

export function loginView(main, message) {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert', text: message || '' });
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 64 });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'card narrow', id: 'login-form' },
    el('h1', { text: t('Đăng nhập', 'Sign in') }),
    el('label', { for: 'username', text: t('Tên đăng nhập', 'Username') }), username,
    el('label', { for: 'password', text: t('Mật khẩu', 'Password') }), password,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'login-submit', text: t('Đăng nhập', 'Sign in') }));
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
    el('h1', { text: t('Đổi mật khẩu', 'Change password') }),
    session.me.mustChangePassword
      ? el('p', { class: 'notice', text: t('Đây là lần đăng nhập đầu tiên với mật khẩu dùng một lần. Hãy đặt mật khẩu mới (ít nhất 12 ký tự).',
        'This is the first sign-in with a one-time password. Choose a new password (at least 12 characters).') })
      : null,
    el('label', { for: 'current-password', text: t('Mật khẩu hiện tại', 'Current password') }), current,
    el('label', { for: 'new-password', text: t('Mật khẩu mới', 'New password') }), next,
    el('label', { for: 'new-password-again', text: t('Nhập lại mật khẩu mới', 'New password again') }), again,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'password-submit', text: t('Lưu mật khẩu', 'Save password') }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (next.value !== again.value) {
      error.textContent = t('Hai lần nhập mật khẩu mới không khớp.', 'The two new passwords differ.');
      return;
    }
    try {
      const me = await api('POST', 'password', { currentPassword: current.value, newPassword: next.value });
      toast(t('Đã đổi mật khẩu.', 'Password changed.'));
      location.hash = '';
      signedIn(me);
    } catch (e) {
      error.textContent = e.message;
    }
  });
  main.append(form);
  current.focus();
}
