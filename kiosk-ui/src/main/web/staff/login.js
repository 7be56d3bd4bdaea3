import { api } from './api.js';
import { el, toast } from './dom.js';
import { signedIn, session } from './app.js';
import { t } from './i18n.js';

export function loginView(main, message) {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert', text: message || '' });
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 64 });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  // The second factor: asked for only when the server says the account has one (6 digits, or a recovery code).
  const code = el('input', { id: 'login-code', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 11 });
  const codeRow = el('div', { id: 'login-code-row', hidden: true },
    el('label', { for: 'login-code', text: 'Mã xác thực 6 số (ứng dụng xác thực) hoặc mã dự phòng' }), code);
  const form = el('form', { class: 'card narrow', id: 'login-form' },
    el('h1', { text: t('Đăng nhập', 'Sign in') }),
    el('label', { for: 'username', text: t('Tên đăng nhập', 'Username') }), username,
    el('label', { for: 'password', text: t('Mật khẩu', 'Password') }), password,
    codeRow,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'login-submit', text: t('Đăng nhập', 'Sign in') }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const me = await api('POST', 'login', { username: username.value, password: password.value, code: code.value });
      password.value = '';
      code.value = '';
      signedIn(me);
    } catch (e) {
      if (e.code === 'second_factor_required' || e.code === 'wrong_code') {
        codeRow.hidden = false;
        error.textContent = e.code === 'wrong_code' ? e.message : 'Nhập mã xác thực để tiếp tục.';
        code.value = '';
        code.focus();
        return;
      }
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
      // signedIn moves on from #/password itself: clearing the hash first would route twice and enrol twice.
      signedIn(me);
    } catch (e) {
      error.textContent = e.message;
    }
  });
  main.append(form);
  current.focus();
}

/** Setting up the second factor: scan the QR code, type the first code, keep the recovery codes. */
export function secondFactorView(main) {
  const error = el('p', { class: 'error', role: 'alert' });
  const code = el('input', { id: 'enrol-code', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, required: true });
  const qr = el('img', { id: 'enrol-qr', alt: 'Mã QR để thêm tài khoản vào ứng dụng xác thực', width: 200, height: 200 });
  const secret = el('code', { id: 'enrol-secret' });
  const form = el('form', { class: 'card narrow', id: 'enrol-form' },
    el('h1', { text: 'Xác thực hai lớp' }),
    el('p', { class: 'notice', text: 'Tài khoản quản trị và giám sát cần mã xác thực khi đăng nhập. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…), rồi nhập mã 6 số.' }),
    qr, el('p', {}, 'Hoặc nhập khoá: ', secret),
    el('label', { for: 'enrol-code', text: 'Mã 6 số' }), code,
    error,
    el('button', { type: 'submit', class: 'btn primary', id: 'enrol-submit', text: 'Bật xác thực hai lớp' }));
  api('POST', 'second-factor/enrol', {}).then(enrolment => {
    qr.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(enrolment.qrSvg);
    secret.textContent = enrolment.secret;
  }).catch(e => { error.textContent = e.message; });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const me = await api('POST', 'second-factor/confirm', { code: code.value });
      clearAndShowCodes(main, me);
    } catch (e) {
      error.textContent = e.message;
      code.value = '';
      code.focus();
    }
  });
  main.append(form);
  code.focus();
}

function clearAndShowCodes(main, me) {
  while (main.firstChild) main.removeChild(main.firstChild);
  const done = el('button', { type: 'button', class: 'btn primary', id: 'recovery-done', text: 'Tôi đã lưu các mã này' });
  done.addEventListener('click', () => signedIn(me));
  main.append(el('section', { class: 'card narrow', id: 'recovery-codes' },
    el('h1', { text: 'Mã dự phòng' }),
    el('p', { class: 'notice', text: 'Mỗi mã dùng được một lần khi không có điện thoại. Hãy in hoặc cất ở nơi an toàn: mã chỉ hiện lần này.' }),
    el('ul', { class: 'codes' }, me.recoveryCodes.map(c => el('li', {}, el('code', { text: c })))),
    done));
}
