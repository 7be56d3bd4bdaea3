// Staff API client: same-origin fetch with the session cookie; the CSRF token goes on every state-changing request.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || [];
  }
}

// Vietnamese wording for the server's stable error keys; other errors show the server's message.
const MESSAGES = {
  wrong_credentials: 'Sai tên đăng nhập hoặc mật khẩu.',
  too_many_attempts: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
  signed_out: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
  csrf: 'Phiên làm việc không hợp lệ. Hãy tải lại trang.',
  password_change_required: 'Hãy đổi mật khẩu trước.',
  wrong_password: 'Mật khẩu hiện tại không đúng.',
  not_found: 'Không tìm thấy trong phường của bạn.',
  username_taken: 'Tên đăng nhập đã được dùng.',
  forbidden: 'Tài khoản của bạn không có quyền này.',
};

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
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Thử lại sau.');
  }
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const code = data && data.error ? data.error : '';
    const message = MESSAGES[code] || (data && data.message ? data.message : 'Lỗi ' + response.status);
    throw new ApiError(response.status, data && data.error ? data.error : 'http_' + response.status, message,
      data && Array.isArray(data.problems) ? data.problems : []);
  }
  return data;
}
