// The simulator over HTTP on 127.0.0.1: each request goes to `sim.handle`; slow faults really wait.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Simulator } from './index';

/** Responses slower than this are delayed for real (so client timeouts can be exercised); others answer at once. */
const REAL_DELAY_FROM_MS = 1000;

export function startServer(
  sim: Simulator,
  port = 0,
  host = '127.0.0.1',
): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let out;
      try {
        out = sim.handle({
          method: req.method ?? 'GET',
          url: `http://${host}${req.url ?? '/'}`,
          headers,
          payload: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (e) {
        out = { status: 500, headers: { 'content-type': 'text/plain' }, body: String(e), latencyMs: 0 };
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(out.status, out.headers);
        res.end(typeof out.body === 'string' ? out.body : Buffer.from(out.body));
      };
      if ((out.latencyMs ?? 0) >= REAL_DELAY_FROM_MS) setTimeout(send, out.latencyMs).unref();
      else send();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `http://${host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
