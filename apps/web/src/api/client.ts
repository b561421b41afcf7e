// One fetch wrapper for the whole app: JSON in/out, the session cookie, the UI language, and the
// API's error shape `{ error: { code, message, details } }` turned into an ApiError.
import { currentLanguage } from '../i18n/language';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Any extra fields of the error body (e.g. `duplicates` on a 409 duplicate). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** `{ q: 'x', page: 2, empty: '' }` → `q=x&page=2` (empty values are left out). */
export function toQueryString(params: Record<string, QueryValue>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  return sp.toString();
}

export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const qs = toQueryString(params);
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function redirectToLogin() {
  if (window.location.pathname === '/login') return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
}

async function toApiError(res: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON (proxy error page, empty body)
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
  return new ApiError(
    res.status,
    res.status >= 500 ? 'internal' : 'http_' + res.status,
    res.statusText || 'HTTP ' + res.status,
  );
}

/** Sends a request to the API; resolves with the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
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
    // An expired session anywhere sends the user to log in; a failed login stays on the form.
    if (res.status === 401 && !path.startsWith('/api/auth/')) redirectToLogin();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A fresh key per submit attempt; the caller keeps it to retry the same attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
