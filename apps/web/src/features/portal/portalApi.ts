// The portal's fetch wrapper. Like api/client's `api`, but a 401 sends the customer to the portal's own
// login (never the staff one), and the gc_portal cookie (path /api/portal) is the only session it carries.
import { ApiError, type ErrorDetail, type RequestOptions } from '../../api/client';
import { currentLanguage } from '../../i18n/language';

export const PORTAL_LOGIN_PATH = '/portal/login';

function redirectToPortalLogin() {
  if (window.location.pathname === PORTAL_LOGIN_PATH) return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`${PORTAL_LOGIN_PATH}?next=${next}`);
}

async function toApiError(res: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON
  }
  const err = (parsed as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string') {
    const { code, message, details, ...rest } = err as {
      code: string;
      message?: string;
      details?: ErrorDetail[];
    } & Record<string, unknown>;
    return new ApiError(res.status, code, message ?? code, details ?? [], rest);
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'http_' + res.status, res.statusText);
}

/** Calls /api/portal/…; `redirectOn401: false` for the calls that decide whether anyone is logged in. */
export async function portalApi<T>(
  path: string,
  options: RequestOptions & { redirectOn401?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network',
      currentLanguage() === 'en-US' ? 'Cannot reach the server' : '无法连接服务器，请检查网络',
    );
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && options.redirectOn401 !== false && error.code === 'unauthenticated')
      redirectToPortalLogin();
    throw error;
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
