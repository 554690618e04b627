/**
 * Thin fetch wrapper for the CityShield API.
 *
 * - same-origin cookies (the session cookie `cs_session` is HttpOnly),
 * - JSON in and out,
 * - `x-csrf-token` on every state-changing request (value from the last
 *   /auth/me, login, set-up or invitation-accept response),
 * - error bodies `{"error":{code,message,details}}` become an `ApiError`,
 * - a 401 on any call except the public ones sends the user to /login.
 */

export const API_BASE = '/api/v1';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors keyed by the last segment of each detail path ("body.email" → "email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const field = d.path.split(/[./]/).filter(Boolean).pop() ?? '';
      if (field && !(field in out)) out[field] = d.message;
    }
    return out;
  }
}

/** Thrown when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (login itself, bootstrap /auth/me, public pages). */
  public?: boolean;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for requests that do not go through `request` (e.g. uploads with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Tell the app that the session is gone (it sends the user to /login). */
export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = err && typeof err.code === 'string' ? err.code : `HTTP_${status}`;
  const message = err && typeof err.message === 'string' ? err.message : '';
  const details: ErrorDetail[] = [];
  if (err && Array.isArray(err.details)) {
    for (const d of err.details) {
      if (isRecord(d) && typeof d.message === 'string') {
        details.push({
          path: typeof d.path === 'string' ? d.path : '',
          message: d.message,
        });
      }
    }
  }
  return new ApiError(status, code, message, details);
}

async function send(method: Method, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, '');
  }
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function refreshCsrf(): Promise<boolean> {
  const res = await send('GET', '/auth/me', { public: true });
  const body = await readBody(res);
  if (res.ok && isRecord(body) && typeof body.csrfToken === 'string') {
    csrfToken = body.csrfToken;
    return true;
  }
  return false;
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  let body = await readBody(res);
  if (!res.ok) {
    let error = parseError(res.status, body);
    // A stale CSRF token (e.g. after the session was rotated): refresh once and retry.
    if (error.code === 'CSRF' && method !== 'GET' && (await refreshCsrf())) {
      res = await send(method, path, opts);
      body = await readBody(res);
      if (res.ok) return body as T;
      error = parseError(res.status, body);
    }
    if (error.status === 401 && !opts.public) notifyUnauthorized();
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T = void>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  del: (path: string, opts: RequestOptions = {}) => request<void>('DELETE', path, opts),
};

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}
