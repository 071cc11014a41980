// The demo mail provider: a small Node http server with one user, sessions in a cookie, two-step
// verification with a TOTP key (verified server-side, ±1 step of 30 s), 10 single-use backup codes,
// and a second sign-in page that wants the password and the code in one field. Everything in memory.
import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { codePage, combinedPage, inboxPage, loginPage, securityPage, setupPage } from './pages.mjs';

export const DEMO_USER = { email: 'alice@demo-mail.test', password: 'demo-password' };

const totpOf = (secret) =>
  new TOTP({ issuer: 'Demo Mail', label: DEMO_USER.email, secret, algorithm: 'SHA1', digits: 6, period: 30 });
const validCode = (secret, code) =>
  /^\d{6}$/.test(code) && totpOf(secret).validate({ token: code, window: 1 }) !== null;

export const DEMO_HOST = 'demo-mail.localhost';

export function createProvider() {
  const user = { secret: null, pending: null, backupCodes: new Set() };
  /** sid → 'need-code' | 'signed-in'; the note says how the last sign-in went. */
  const sessions = new Map();

  const html = (res, body, status = 200) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  const redirect = (res, to, cookie) =>
    res.writeHead(303, { location: to, ...(cookie ? { 'set-cookie': cookie } : {}) }).end();
  const sidOf = (req) => /(?:^|;\s*)sid=([a-f0-9]+)/.exec(req.headers.cookie ?? '')?.[1];
  const startSession = (stage, note = '') => {
    const sid = randomBytes(16).toString('hex');
    sessions.set(sid, { stage, note });
    return `sid=${sid}; Path=/; HttpOnly; SameSite=Lax`;
  };
  const signedIn = (req) => sessions.get(sidOf(req) ?? '')?.stage === 'signed-in';

  async function body(req) {
    let text = '';
    for await (const chunk of req) text += chunk;
    return (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(text || '{}')
      : Object.fromEntries(new URLSearchParams(text));
  }

  async function route(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://demo');
    const key = `${req.method} ${pathname}`;
    if (key === 'GET /') return redirect(res, '/login');
    if (key === 'GET /login') return html(res, loginPage());
    if (key === 'POST /login') {
      const form = await body(req);
      if (form.email !== DEMO_USER.email || form.password !== DEMO_USER.password)
        return html(res, loginPage('Wrong email or password.'), 401);
      return user.secret
        ? redirect(res, '/login/code', startSession('need-code'))
        : redirect(res, '/mail', startSession('signed-in', 'Signed in with your password.'));
    }
    if (key === 'GET /login/code') return html(res, codePage());
    if (key === 'POST /login/code') {
      const session = sessions.get(sidOf(req) ?? '');
      const code = String((await body(req)).code ?? '').trim();
      if (session?.stage !== 'need-code' || !user.secret) return redirect(res, '/login');
      const backup = user.backupCodes.has(code);
      if (!validCode(user.secret, code) && !backup)
        return html(res, codePage('That code is not right. Try the current one.'), 401);
      if (backup) user.backupCodes.delete(code);
      Object.assign(session, {
        stage: 'signed-in',
        note: backup
          ? 'Signed in with a backup code (now used up).'
          : 'Signed in with your password and the 6-digit code.',
      });
      return redirect(res, '/mail');
    }
    if (key === 'GET /login-combined') return html(res, combinedPage());
    if (key === 'POST /login-combined') {
      const form = await body(req);
      const typed = String(form.password ?? '');
      const code = typed.slice(-6);
      const ok =
        form.email === DEMO_USER.email &&
        typed.slice(0, -6) === DEMO_USER.password &&
        user.secret &&
        validCode(user.secret, code);
      if (!ok) return html(res, combinedPage('Wrong email, password or code.'), 401);
      return redirect(
        res,
        '/mail',
        startSession('signed-in', 'Signed in on the VPN page with the password and the code in one field.'),
      );
    }
    if (key === 'POST /logout') {
      sessions.delete(sidOf(req) ?? '');
      return redirect(res, '/login', 'sid=; Path=/; Max-Age=0');
    }
    // A shortcut for `npm start` in a window: signed in, on Settings → Security.
    if (key === 'GET /demo/start') return redirect(res, '/settings/security', startSession('signed-in'));
    if (!signedIn(req))
      return pathname.startsWith('/settings') || pathname === '/mail'
        ? redirect(res, '/login')
        : html(res, 'Not found', 404);
    if (key === 'GET /mail') return html(res, inboxPage(DEMO_USER.email, sessions.get(sidOf(req)).note));
    if (key === 'GET /settings/security') return html(res, securityPage(Boolean(user.secret)));
    if (key === 'POST /settings/security/enable') {
      user.pending = new Secret({ size: 20 });
      return redirect(res, '/settings/security/setup');
    }
    if (key === 'GET /settings/security/setup') {
      if (!user.pending) return redirect(res, '/settings/security');
      return html(res, setupPage(user.pending.base32.replace(/(.{4})(?=.)/g, '$1 ')));
    }
    if (key === 'GET /settings/security/qr.png') {
      if (!user.pending) return html(res, 'Not found', 404);
      const png = await QRCode.toBuffer(totpOf(user.pending).toString(), { width: 220, margin: 4 });
      return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(png);
    }
    if (key === 'POST /settings/security/confirm') {
      const code = String((await body(req)).code ?? '').trim();
      const json = (status, value) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (!user.pending || !validCode(user.pending, code))
        return json(400, { error: 'That code is not right. Enter the current 6-digit code.' });
      user.secret = user.pending;
      user.pending = null;
      const codes = Array.from(
        { length: 10 },
        () => `${randomInt(10_000).toString().padStart(4, '0')}-${randomInt(10_000).toString().padStart(4, '0')}`,
      );
      user.backupCodes = new Set(codes);
      return json(200, { codes });
    }
    return html(res, 'Not found', 404);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`demo server error: ${error.message}`);
    });
  });
  return {
    server,
    user,
    /**
     * Listens on loopback, reached as `http://demo-mail.localhost:<port>`: browsers resolve *.localhost
     * to loopback by themselves (Firefox is also told so, see browsers.mjs), automatic filling allows
     * localhost names without https, and the host spells the issuer "Demo Mail", so the key is bound
     * to this site when enrolled (src/core/site/issuer.ts).
     */
    async listen(port = 0) {
      await new Promise((done) => server.listen(port, '127.0.0.1', done));
      return `http://${DEMO_HOST}:${server.address().port}`;
    },
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
