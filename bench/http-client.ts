// A minimal HTTP/1.1 keep-alive client for the load generator: one TCP connection, one request in flight at a
// time (no pipelining), the whole response read (Content-Length or chunked) before the next request goes out.
// Hand-written on net.Socket instead of node:http/fetch because the client shares the two cores with the server
// and PostgreSQL: this costs a fraction of node:http's CPU per request (the same approach as autocannon), and it
// adds no dependency to package.json.
import net from 'node:net';

export interface Reply {
  status: number;
  body: Buffer;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export class KeepAliveConnection {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private closedError: Error | null = null;

  private constructor(private readonly socket: net.Socket, private readonly hostHeader: string, private readonly extraHeaders: string) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
      this.tryParse();
    });
    const fail = (e: Error) => {
      this.closedError ??= e;
      const w = this.waiting;
      this.waiting = null;
      w?.reject(e);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed by server')));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<KeepAliveConnection> {
    const u = new URL(url);
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: u.hostname, port: Number(u.port) }, () => {
        socket.off('error', reject);
        resolve(new KeepAliveConnection(socket, u.host, extra));
      });
      socket.once('error', reject);
    });
  }

  get(path: string): Promise<Reply> {
    if (this.closedError) return Promise.reject(this.closedError);
    if (this.waiting) return Promise.reject(new Error('one request at a time per connection'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nAccept: application/json\r\n${this.extraHeaders}\r\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private tryParse(): void {
    const end = this.buf.indexOf(CRLFCRLF);
    if (end < 0 || !this.waiting) return;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number.parseInt(head.slice(9, 12), 10);
    const bodyStart = end + 4;
    let body: Buffer;
    let consumed: number;
    const len = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
    if (len) {
      const n = Number(len[1]);
      if (this.buf.length < bodyStart + n) return;
      body = this.buf.subarray(bodyStart, bodyStart + n);
      consumed = bodyStart + n;
    } else if (/\r\ntransfer-encoding:[ \t]*chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let pos = bodyStart;
      for (;;) {
        const lineEnd = this.buf.indexOf('\r\n', pos);
        if (lineEnd < 0) return;
        const size = Number.parseInt(this.buf.toString('latin1', pos, lineEnd), 16);
        if (this.buf.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4; // no trailers expected
          break;
        }
        parts.push(this.buf.subarray(lineEnd + 2, lineEnd + 2 + size));
        pos = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else if (status === 204 || status === 304) {
      body = Buffer.alloc(0);
      consumed = bodyStart;
    } else {
      const w = this.waiting;
      this.waiting = null;
      w.reject(new Error(`response without Content-Length or chunked encoding: ${head.split('\r\n')[0]}`));
      return;
    }
    this.buf = this.buf.subarray(consumed);
    const w = this.waiting;
    this.waiting = null;
    w.resolve({ status, body });
  }
}
