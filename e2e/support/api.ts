// Direct API calls for arranging test data (the journey itself goes through the browser).
import { creditCodeCheckCharacter } from '@gridcare/domain';

export async function apiLogin(
  baseUrl: string,
  username: string,
  password = 'GridCare@2026',
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return `gc_session=${token}`;
}

export async function api<T>(
  baseUrl: string,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A valid unified social credit code built from a serial number (check character computed per GB 32100). */
export function creditCode(serial: number): string {
  const body = `91360100${String(serial).padStart(9, '0')}`;
  return body + creditCodeCheckCharacter(body);
}
