/** A tiny static server for fixture pages; bound to loopback only, on a free port. */
import { createServer, type Server } from 'node:http';
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

export interface FixtureServer {
  port: number;
  /** URL of `path` on `host` (any *.test name resolves to this server in the harness). */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/** An extra route's body, or `{ redirect }` for a 302 to another URL. */
export type RouteBody = string | Buffer | { redirect: string };

export async function serveFixtures(root: string, extra: Record<string, () => RouteBody> = {}): Promise<FixtureServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const dynamic = extra[path];
    if (dynamic) {
      const body = dynamic();
      if (typeof body === 'object' && 'redirect' in body) {
        res.writeHead(302, { location: body.redirect }).end();
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
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (path, host = 'site-a.test') => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Chromium keeps idle keep-alive connections open, which would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
