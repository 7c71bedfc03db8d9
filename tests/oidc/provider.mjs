// A real OpenID Connect provider for the SSO tests (tests/oidc/conftest.py starts it):
// panva's oidc-provider, certified by the OpenID Foundation, in development mode on a
// free port of 127.0.0.1. What it serves is what an organisation's IdP would: discovery,
// the authorization code flow with PKCE required, signed id tokens, JWKS and userinfo.
//
// Configured by environment variables, all JSON or numbers:
//   OIDC_CLIENTS   [{"client_id", "client_secret", "redirect_uris": [...]}]
//   OIDC_ACCOUNTS  {"<account id>": {"email", "email_verified", "name"}}
//   OIDC_ID_TOKEN_TTL  seconds an id token lives (default 600)
// Prints one line, {"issuer": "http://127.0.0.1:<port>"}, once it answers; runs until
// killed. The sign-in page at /interaction/<uid> asks only for an account id (no
// password: the accounts are test personas), and consent is given for our clients.
import http from 'node:http';

import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');
const idTokenTtl = Number(process.env.OIDC_ID_TOKEN_TTL || 600);

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, error = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Test IdP</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Account</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Continue</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

let provider;

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(details.uid));
    return;
  }
  const login = (await readForm(req)).get('login') || '';
  if (!Object.hasOwn(accounts, login)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(details.uid, `No account "${login}" here.`));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: login } }, {
    mergeWithLastSubmission: false,
  });
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    return;
  }
  provider.callback()(req, res);
});

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      ...client,
    })),
    async findAccount(_ctx, id) {
      if (!Object.hasOwn(accounts, id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The email claims in the id token itself (HipMob reads them there, not at userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: the grant is given without a consent page.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-only-cookie-key'] },
    ttl: {
      IdToken: idTokenTtl,
      AccessToken: 600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
