import { ApiError, buildUrl, getCsrfToken, NETWORK_ERROR, notifyUnauthorized, parseError, type Query, refreshCsrf } from './client';

/**
 * POST a raw body (a JSON text such as an OSCAL file as read from disk, or a
 * File/Blob such as a spreadsheet) with XMLHttpRequest, because fetch cannot
 * report upload progress. The body is sent as is: it is neither parsed nor
 * re-serialised. Same conventions as `request` in client.ts: same-origin
 * cookies, `x-csrf-token`, one retry after a stale CSRF token, 401 sends the
 * user to /login, error bodies → ApiError.
 */

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Size of the body in bytes (e.g. File.size), shown until the browser reports its own total. */
  size?: number;
  /** Bytes sent so far. */
  onProgress?: (progress: UploadProgress) => void;
  /** The whole body has been sent; the server is now working on it. */
  onUploaded?: () => void;
}

interface RawResponse {
  status: number;
  body: unknown;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendOnce(url: string, body: string | Blob, contentType: string, opts: UploadOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const size = opts.size ?? (typeof body === 'string' ? body.length : body.size);
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : size });
    xhr.upload.onload = () => opts.onUploaded?.();
    xhr.onload = () => resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.ontimeout = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    opts.onProgress?.({ loaded: 0, total: size });
    xhr.send(body);
  });
}

/** POST a body of the given content type (e.g. a File as chosen, sent as application/octet-stream). */
export async function postBody<T>(path: string, body: string | Blob, contentType: string, opts: UploadOptions = {}): Promise<T> {
  const url = buildUrl(path, opts.query);
  let res = await sendOnce(url, body, contentType, opts);
  if (res.status >= 200 && res.status < 300) return res.body as T;
  let error = parseError(res.status, res.body);
  if (error.code === 'CSRF' && (await refreshCsrf())) {
    res = await sendOnce(url, body, contentType, opts);
    if (res.status >= 200 && res.status < 300) return res.body as T;
    error = parseError(res.status, res.body);
  }
  if (error.status === 401) notifyUnauthorized();
  throw error;
}

export function postJsonText<T>(path: string, text: string, opts: UploadOptions = {}): Promise<T> {
  return postBody<T>(path, text, 'application/json', opts);
}
