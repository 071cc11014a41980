/**
 * A tiny static server for fixture pages; bound to loopback only, on free ports. It listens twice with
 * the same routes: plain http, and https with the self-signed test certificate in tests/fixtures/tls
 * (the harness tells Chromium to ignore certificate errors). Automatic filling needs https (or
 * localhost), so login pages are visited over https; `url(path, host, 'https')`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export type Scheme = 'http' | 'https';

export interface FixtureServer {
  port: number;
  httpsPort: number;
  /** URL of `path` on `host` (any *.test name resolves to this server in the harness), http unless told. */
  url(path: string, host?: string, scheme?: Scheme): string;
  /** Serve `host`'s responses with a `Date` header `ms` off the real time (clock-drift tests); 0 undoes it. */
  skewDate(host: string, ms: number): void;
  /** Every request seen, oldest first: method, host (no port) and path. */
  requests: { method: string; host: string; path: string }[];
  close(): Promise<void>;
}

/**
 * An extra route's body, or `{ redirect }` for a 302 to another URL, or `{ status, headers, body }` for
 * a full answer (cookie-gated images, cache headers). The route gets the request (its cookies, headers).
 */
export type RouteBody = string | Buffer | { redirect: string } | FullAnswer;

export interface FullAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export async function serveFixtures(
  root: string,
  extra: Record<string, (req: IncomingMessage) => RouteBody> = {},
): Promise<FixtureServer> {
  const base = resolve(root);
  const skews = new Map<string, number>();
  const requests: FixtureServer['requests'] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    requests.push({ method: req.method ?? 'GET', host, path });
    const skew = skews.get(host);
    // Node writes the real time otherwise; a set header wins (http.ServerResponse#sendDate).
    if (skew) res.setHeader('Date', new Date(Date.now() + skew).toUTCString());
    const dynamic = extra[path];
    if (dynamic) {
      const body = dynamic(req);
      if (typeof body === 'object' && 'redirect' in body) {
        res.writeHead(302, { location: body.redirect }).end();
        return;
      }
      if (typeof body === 'object' && 'status' in body) {
        res.writeHead(body.status, {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          ...body.headers,
        });
        res.end(body.body ?? '');
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
      return;
    }
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  };
  const tls = join(import.meta.dirname, '../fixtures/tls');
  const plain = createServer((req, res) => void handle(req, res));
  const secure = createTlsServer(
    { key: readFileSync(join(tls, 'key.pem')), cert: readFileSync(join(tls, 'cert.pem')) },
    (req, res) => void handle(req, res),
  );
  const port = await listen(plain);
  const httpsPort = await listen(secure);
  return {
    port,
    httpsPort,
    url: (path, host = 'site-a.test', scheme: Scheme = 'http') =>
      `${scheme}://${host}:${scheme === 'https' ? httpsPort : port}${path.startsWith('/') ? path : `/${path}`}`,
    skewDate: (host, ms) => void skews.set(host, ms),
    requests,
    close: async () => {
      await Promise.all([stop(plain), stop(secure)]);
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function stop(server: Server): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done());
    // Chromium keeps idle keep-alive connections open, which would hold close() forever:
    // https://nodejs.org/docs/latest-v20.x/api/http.html#servercloseallconnections
    server.closeAllConnections();
  });
}
