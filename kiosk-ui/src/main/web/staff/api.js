// Staff API client: same-origin fetch with the session cookie; the CSRF token goes on every state-changing request.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function setCsrf(token) {
  csrfToken = token;
}

export async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' };
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
    const message = data && data.message ? data.message : 'Lỗi ' + response.status;
    throw new ApiError(response.status, data && data.error ? data.error : 'http_' + response.status, message);
  }
  return data;
}
