/**
 * A tiny PostgreSQL wire-protocol proxy that counts the statements a server sends: frontend `Q`
 * (simple query) and `E` (execute, extended protocol) messages after the startup packet. Used
 * only in the counting phase (it adds a hop, so never while timing). No SSL: the servers connect
 * to it in plain text on the loopback interface. Connections that pg-boss opens (its job polling
 * and maintenance, `application_name` pgboss) are passed through without being counted.
 *
 * It also keeps the text of recent statements (from `Q`, or `P` parse + `B` bind parameters in
 * text format) so that the SQL a server really sends can be EXPLAINed.
 */
import net from 'node:net';

export interface LoggedStatement {
  text: string;
  params: (string | null)[];
}

export interface PgProxy {
  port: number;
  /** Statements (Q + E) since the last reset. */
  readonly counts: { simple: number; execute: number; total: number };
  /** The statements since the last reset, in order (when logging is on). */
  readonly log: LoggedStatement[];
  reset(options?: { logStatements?: boolean }): void;
  close(): Promise<void>;
}

export async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const counts = { simple: 0, execute: 0, total: 0 };
  let log: LoggedStatement[] = [];
  let logging = false;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    let buffer: Buffer = Buffer.alloc(0);
    let startupDone = false;
    // pg-boss's own connections (application_name 'pgboss': its polling and maintenance) are not
    // the request's statements: they are passed through uncounted.
    let background = false;
    // Per connection: the unnamed statement's text (Parse) and the parameters of the last Bind.
    const prepared = new Map<string, string>();
    let portal: LoggedStatement | null = null;

    const parse = () => {
      for (;;) {
        if (!startupDone) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) return;
          const code = buffer.readInt32BE(4);
          // SSLRequest / GSSENCRequest are answered 'N' by the server and followed by the real startup.
          if (code !== 80877103 && code !== 80877104) {
            startupDone = true;
            const params = buffer.subarray(8, len).toString('utf8').split('\0');
            for (let i = 0; i + 1 < params.length; i += 2) if (params[i] === 'application_name' && params[i + 1] === 'pgboss') background = true;
          }
          buffer = buffer.subarray(len);
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]);
        const len = buffer.readInt32BE(1);
        if (buffer.length < 1 + len) return;
        const body = buffer.subarray(5, 1 + len);
        buffer = buffer.subarray(1 + len);
        if (background) continue;
        if (type === 'Q') {
          counts.simple++;
          counts.total++;
          if (logging) log.push({ text: cstring(body, 0)[0], params: [] });
        } else if (type === 'E') {
          counts.execute++;
          counts.total++;
          if (logging && portal) log.push(portal);
        } else if (type === 'P') {
          // Named statements are parsed once per connection (Lantern's hot reads are prepared),
          // usually before logging starts: remember every one, to name what a later Bind runs.
          const [name, next] = cstring(body, 0);
          prepared.set(name, cstring(body, next)[0]);
        } else if (logging && type === 'B') {
          portal = decodeBind(body, prepared);
        }
      }
    };

    client.on('data', (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      try {
        parse();
      } catch {
        // Counting must never break the connection.
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    counts,
    get log() {
      return log;
    },
    reset(options = {}) {
      counts.simple = 0;
      counts.execute = 0;
      counts.total = 0;
      log = [];
      logging = options.logStatements ?? false;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function cstring(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  return [buf.toString('utf8', offset, end), end + 1];
}

/** Bind: portal, statement, format codes, parameters (text format is what node-postgres sends). */
function decodeBind(body: Buffer, prepared: Map<string, string>): LoggedStatement {
  let [, at] = cstring(body, 0);
  const [statement, next] = cstring(body, at);
  at = next;
  const formats = body.readInt16BE(at);
  at += 2 + 2 * formats;
  const n = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const len = body.readInt32BE(at);
    at += 4;
    if (len < 0) params.push(null);
    else {
      params.push(body.toString('utf8', at, at + len));
      at += len;
    }
  }
  return { text: prepared.get(statement) ?? '', params };
}
