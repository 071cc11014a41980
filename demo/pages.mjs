// HTML of the demo mail provider ("Demo Mail"), one function per page. Plain server-rendered pages
// with forms, like most providers' sign-in and security settings; the setup page confirms the code
// with fetch and then shows the backup codes in place, as many providers do.
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:15px system-ui,sans-serif;margin:0;background:#f3f5f8;color:#1d2330}
header{background:#1f4ea8;color:#fff;padding:12px 28px;display:flex;gap:20px;align-items:center}
header b{font-size:18px} header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer}
main{margin:28px auto;max-width:560px;background:#fff;padding:22px 30px;border-radius:10px;box-shadow:0 1px 3px #0002}
label{display:block;margin:12px 0 4px} input{font:inherit;padding:7px 9px;width:260px;border:1px solid #99a;border-radius:5px}
button.primary{margin-top:14px;background:#1f4ea8;color:#fff;border:0;border-radius:5px;padding:8px 16px;font:inherit;cursor:pointer}
.error{color:#b3261e} .ok{color:#1b6e2a} .key{font-family:monospace;font-size:16px;letter-spacing:1px}
ol.codes{columns:2;font-family:monospace;font-size:16px} .muted{color:#667}`;

function layout(title, body, { signedIn = false } = {}) {
  const nav = signedIn
    ? `<a href="/mail">Inbox</a><a href="/settings/security">Settings → Security</a><form method="post" action="/logout" style="margin-left:auto"><button>Sign out</button></form>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · Demo Mail</title>
<style>${STYLE}</style></head><body><header><b>✉ Demo Mail</b>${nav}</header><main>${body}</main></body></html>`;
}

export function loginPage(error = '') {
  return layout(
    'Sign in',
    `<h1>Sign in</h1>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/login">
  <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username">
  <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
  <br><button class="primary" type="submit">Sign in</button>
</form>
<p class="muted">Another sign-in page of this provider wants <a href="/login-combined">the password and the code in one field</a>.</p>`,
  );
}

export function codePage(error = '') {
  return layout(
    'Two-step verification',
    `<h1>Two-step verification</h1>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/login/code">
  <label for="code">Enter the 6-digit code from your authenticator app</label>
  <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="10">
  <br><button class="primary" type="submit">Verify</button>
</form>
<p class="muted">Lost your phone? Enter one of your backup codes instead.</p>`,
  );
}

export function combinedPage(error = '') {
  return layout(
    'Sign in (VPN)',
    `<h1>Sign in to the VPN</h1>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<p>Type your password, immediately followed by the 6-digit code (e.g. <code>password123456</code>).</p>
<form method="post" action="/login-combined">
  <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username">
  <label for="password">Password + code</label><input id="password" name="password" type="password" autocomplete="current-password">
  <br><button class="primary" type="submit">Sign in</button>
</form>`,
  );
}

export function inboxPage(email, note = '') {
  const mails = [
    ['Welcome to Demo Mail', 'Your new mailbox is ready.'],
    ['Security tip', 'Turn on two-step verification in Settings → Security.'],
    ['Newsletter', 'Nothing to read here: this provider is a demo.'],
  ];
  return layout(
    'Inbox',
    `${note ? `<p class="ok" role="status" data-demo="signed-in">${esc(note)}</p>` : ''}<h1>Inbox</h1>
<p class="muted">Signed in as ${esc(email)}</p><ul>${mails.map(([s, b]) => `<li><b>${esc(s)}</b> — ${esc(b)}</li>`).join('')}</ul>`,
    { signedIn: true },
  );
}

export function securityPage(enabled) {
  const body = enabled
    ? `<p class="ok">Two-step verification is <b>on</b>.</p>`
    : `<p>Two-step verification is <b>off</b>. Protect your account with a code from an authenticator app.</p>
<form method="post" action="/settings/security/enable"><button class="primary" type="submit">Enable two-step verification</button></form>`;
  return layout('Security', `<h1>Settings → Security</h1><h2>Two-step verification</h2>${body}`, { signedIn: true });
}

export function setupPage(keyText) {
  return layout(
    'Set up two-step verification',
    `<h1>Set up two-step verification</h1>
<form id="setup">
  <p>1. Scan this QR code with your authenticator app.</p>
  <img id="qr" alt="QR code for your authenticator app" width="220" height="220" src="/settings/security/qr.png">
  <p>Can't scan it? Enter this key: <span class="key">${esc(keyText)}</span></p>
  <label for="code">2. Enter the 6-digit code</label>
  <input id="code" name="code" autocomplete="off" inputmode="numeric" maxlength="6">
  <p class="error" id="error" role="alert"></p>
  <button class="primary" type="submit">Verify and enable</button>
</form>
<section id="done" hidden>
  <h2>Save your backup codes</h2>
  <p>Each of these 10 backup codes works once if you lose your phone. They are shown only this once.</p>
  <ol class="codes" id="codes"></ol>
  <p><a href="/settings/security">Done</a></p>
</section>
<script>
document.getElementById('setup').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = document.getElementById('code').value.trim();
  const reply = await fetch('/settings/security/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const answer = await reply.json();
  if (!reply.ok) { document.getElementById('error').textContent = answer.error; return; }
  document.getElementById('setup').remove();
  for (const c of answer.codes) { const li = document.createElement('li'); li.textContent = c; document.getElementById('codes').append(li); }
  document.getElementById('done').hidden = false;
});
</script>`,
    { signedIn: true },
  );
}
