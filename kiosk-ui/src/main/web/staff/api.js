// Staff API client: same-origin fetch with the session cookie; the CSRF token goes on every state-changing request.
import { t } from './i18n.js';

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message, details, retryAfterSeconds) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || [];
    this.retryAfterSeconds = retryAfterSeconds || 0;
  }
}

// People's wording for the server's stable error keys; other errors show the server's message.
function message(code, retryAfterSeconds) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  switch (code) {
    case 'wrong_credentials': return t('Sai tên đăng nhập hoặc mật khẩu.', 'Wrong username or password.');
    case 'too_many_attempts': return retryAfterSeconds
      ? t('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ' + minutes + ' phút.',
        'Too many failed sign-ins. Please try again in ' + minutes + (minutes === 1 ? ' minute.' : ' minutes.'))
      : t('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.', 'Too many failed sign-ins. Please try again in a few minutes.');
    case 'signed_out': return t('Phiên làm việc đã hết. Vui lòng đăng nhập lại.', 'Your session has ended. Please sign in again.');
    case 'csrf': return t('Phiên làm việc không hợp lệ. Hãy tải lại trang.', 'The session is not valid. Please reload the page.');
    case 'password_change_required': return t('Hãy đổi mật khẩu trước.', 'Change your password first.');
    case 'wrong_password': return t('Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
    case 'not_found': return t('Không tìm thấy trong phường của bạn.', 'Not found in your ward.');
    case 'username_taken': return t('Tên đăng nhập đã được dùng.', 'That username is taken.');
    case 'forbidden': return t('Tài khoản của bạn không có quyền này.', 'Your account may not do this.');
    default: return null;
  }
}

export function setCsrf(token) {
  csrfToken = token;
}

export async function api(method, path, body, headers = {}) {
  const options = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) {
    options.headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path.startsWith('/') ? path : '/api/v1/staff/' + path, options);
  } catch (e) {
    throw new ApiError(0, 'network', t('Không kết nối được máy chủ. Thử lại sau.', 'Cannot reach the server. Try again later.'));
  }
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const code = data && data.error ? data.error : '';
    const retryAfter = Number(response.headers.get('Retry-After')) || 0;
    const text = message(code, retryAfter) || (data && data.message ? data.message : t('Lỗi ', 'Error ') + response.status);
    throw new ApiError(response.status, data && data.error ? data.error : 'http_' + response.status, text,
      data && Array.isArray(data.problems) ? data.problems : [], retryAfter);
  }
  return data;
}
