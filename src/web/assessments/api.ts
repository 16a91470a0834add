// Requests the shared api client cannot make: an upload of raw CSV bytes, and JSON calls whose error body
// carries more than {error, message, fields} (the grid's rowErrors, the import's row errors).
import { ApiError, type Method } from '../shared/api';

/** An ApiError that keeps the whole JSON body of the answer. */
export class BodyError extends ApiError {
  readonly body: Record<string, unknown>;
  constructor(status: number, code: string, message: string, body: Record<string, unknown>) {
    super(status, code, message, flatten(body.fields), message !== '');
    this.body = body;
  }
}

function flatten(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

async function send<T>(method: Method, path: string, body: BodyInit | undefined, contentType: string | undefined, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(contentType ? { 'Content-Type': contentType } : {}) },
      body,
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', '', {}, false);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const code = typeof obj.error === 'string' ? obj.error : res.status === 409 ? 'conflict' : `http_${res.status}`;
    throw new BodyError(res.status, code, typeof obj.message === 'string' ? obj.message : '', obj);
  }
  return data as T;
}

export function sendJson<T>(method: Method, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return send<T>(method, path, JSON.stringify(body ?? {}), 'application/json', signal);
}

export function uploadCsv<T>(path: string, bytes: ArrayBuffer): Promise<T> {
  return send<T>('POST', path, bytes, 'text/csv');
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return send<T>('GET', path, undefined, undefined, signal);
}
