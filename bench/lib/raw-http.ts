/**
 * A lean HTTP/1.1 client for load generation: keep-alive sockets from a pool, requests written as
 * one pre-built string, responses parsed just enough (status line, Content-Length or chunked body).
 * Node's `http.request` costs several times more CPU per request; on a 2-core machine the load
 * generator then competes with the server it measures.
 */
import net from 'node:net';

export type RawResponse = { status: number };

type Waiting = { resolve: (r: RawResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

const HEADER_END = Buffer.from('\r\n\r\n');

class Connection {
  readonly socket: net.Socket;
  #buffer: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  #waiting: Waiting | undefined;

  constructor(port: number, onFree: (c: Connection) => void, onDead: (c: Connection) => void) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      const parsed = parseResponse(this.#buffer);
      if (!parsed) return;
      this.#buffer = this.#buffer.subarray(parsed.length);
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (waiting) {
        clearTimeout(waiting.timer);
        waiting.resolve({ status: parsed.status });
      }
      onFree(this);
    });
    const fail = (error: Error) => {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (waiting) {
        clearTimeout(waiting.timer);
        waiting.reject(error);
      }
      onDead(this);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  send(request: string, timeoutMs: number): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.destroy();
        reject(new Error('timeout'));
      }, timeoutMs);
      this.#waiting = { resolve, reject, timer };
      this.socket.write(request);
    });
  }
}

/** Status and total length of the first complete response in `buf`, or undefined if incomplete. */
function parseResponse(buf: Buffer): { status: number; length: number } | undefined {
  const headerEnd = buf.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const head = buf.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + 4;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return buf.length >= end ? { status, length: end } : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
      const next = lineEnd + 2 + size + 2;
      if (buf.length < next) return undefined;
      if (size === 0) return { status, length: next };
      at = next;
    }
  }
  return { status, length: bodyStart };
}

/**
 * Keep-alive connections to one local port; a request takes an idle connection or opens one.
 * @example const pool = new RawHttpPool(port); const { status } = await pool.post('/api/v1/x', headers, body); pool.close();
 */
export class RawHttpPool {
  readonly #port: number;
  readonly #idle: Connection[] = [];
  readonly #all = new Set<Connection>();

  constructor(port: number) {
    this.#port = port;
  }

  post(path: string, headers: Record<string, string>, body: string, timeoutMs = 10_000): Promise<RawResponse> {
    let head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    const connection = this.#idle.pop() ?? this.#open();
    return connection.send(`${head}\r\n${body}`, timeoutMs);
  }

  close(): void {
    for (const c of this.#all) c.socket.destroy();
    this.#all.clear();
    this.#idle.length = 0;
  }

  #open(): Connection {
    const connection = new Connection(
      this.#port,
      (c) => this.#idle.push(c),
      (c) => {
        this.#all.delete(c);
        const i = this.#idle.indexOf(c);
        if (i >= 0) this.#idle.splice(i, 1);
      },
    );
    this.#all.add(connection);
    return connection;
  }
}
