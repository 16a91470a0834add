// A small fetch wrapper for the Koers API (docs/api-contract.md).
// Errors from the server have the form {error, message, fields?}; they become an ApiError.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  /** The server's error code, e.g. "conflict", "forbidden", "invalid_credentials"; "network" when the server was not reached. */
  readonly code: string;
  /** Per-field messages (Dutch, from the server), keyed by the field path. */
  readonly fields: FieldErrors;
  /** True when the message came from the server (and can be shown as is). */
  readonly fromServer: boolean;
  /** The whole JSON body of the answer (some errors carry more, e.g. `problems`, `rowErrors`). */
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}, fromServer = true, body: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.fromServer = fromServer;
    this.body = body;
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when a request (other than the session probe) answers 401 or says MFA set-up is required. */
export function onSessionProblem(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = {
  signal?: AbortSignal;
  /** Do not tell the session listeners about a 401 (used for the login calls and the session probe). */
  quiet?: boolean;
  /** Send these bytes as they are instead of JSON (a CSV upload). */
  raw?: { body: BodyInit; contentType: string };
};

function flattenFields(value: unknown, prefix = '', out: FieldErrors = {}): FieldErrors {
  if (typeof value === 'string') {
    out[prefix] = value;
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out[prefix] = value.join(' ');
    else value.forEach((v, i) => flattenFields(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenFields(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal: options.signal,
  };
  if (options.raw) {
    init.headers = { ...init.headers, 'Content-Type': options.raw.contentType };
    init.body = options.raw.body;
  } else if (method !== 'GET') {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', '', {}, false);
  }
  if (res.status === 204) {
    return undefined as T;
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const obj = (data && typeof data === 'object' ? data : {}) as { error?: unknown; message?: unknown; fields?: unknown };
    const code = typeof obj.error === 'string' ? obj.error : `http_${res.status}`;
    const message = typeof obj.message === 'string' ? obj.message : '';
    const error = new ApiError(res.status, code, message, flattenFields(obj.fields), message !== '', obj as Record<string, unknown>);
    if (!options.quiet && (res.status === 401 || code === 'mfa_setup_required' || code === 'mfa_required')) {
      unauthorizedListeners.forEach((l) => l(error));
    }
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, {}, options),
  /** A CSV file's bytes as they are (the result import, norm tables). */
  uploadCsv: <T>(path: string, bytes: ArrayBuffer) => request<T>('POST', path, undefined, { raw: { body: bytes, contentType: 'text/csv' } }),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
