/**
 * Browser mode's server (electron/serve/server.ts) in-process, with the real dispatcher over a temporary store and a
 * temporary renderer folder: static files with the security headers, the RPC endpoint's token, Origin and Host
 * checks (cross-site calls, DNS rebinding), content type, JSON and size limits, path traversal, methods, and the
 * loopback-only listening address. Requests go through node:http so paths reach the server exactly as written
 * (fetch would normalise "/../").
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import { buildContentSecurityPolicy } from '../../electron/main/security';
import { MAX_BODY_BYTES, startBrowserMode, type RunningServer } from '../../electron/serve/server';
import { tempDir, tempStore, type TempStore } from '../support/temp-store';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER-FOLDER';
const INDEX_HTML =
  '<!doctype html><html><head><title>SROI Studio</title></head><body><div id="root"></div></body></html>';
const ASSET_JS = 'console.log("sroi");';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RpcAnswer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

let temp: TempStore;
let siteDir: string;
let running: RunningServer;
let logged: string[];

beforeAll(async () => {
  temp = await tempStore({ backupOnStart: false });
  // <site>/secret.txt sits beside the renderer folder <site>/renderer: traversal would reach it.
  siteDir = tempDir('sroi-site-');
  const rendererRoot = join(siteDir, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererRoot, 'assets', 'app-abc123.js'), ASSET_JS);
  writeFileSync(join(siteDir, 'secret.txt'), SECRET);
  logged = [];
  const dispatcher = new Dispatcher(createHandlers(temp.store));
  running = await startBrowserMode({ dispatcher, rendererRoot, token: TOKEN, log: (m) => logged.push(m) });
});

afterAll(async () => {
  await running?.close();
  await temp?.cleanup();
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

/** One HTTP request, sent exactly as given (path unnormalised, headers as set); fails after `timeoutMs`. */
function send(
  method: string,
  path: string,
  headers: OutgoingHttpHeaders = {},
  body?: string | Buffer,
  agent?: Agent | false,
  timeoutMs = 10_000,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: running.port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Fills in the server's port ("PORT") or another port ("OTHER"), known only once the server runs. */
function withPort(pattern: string): string {
  return pattern
    .replace('PORT', String(running.port))
    .replace('OTHER', String(running.port === 65535 ? 1 : running.port + 1));
}

function rpcHeaders(extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  return { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...extra };
}

async function rpc(
  channel: string,
  input: unknown,
  headers: OutgoingHttpHeaders = rpcHeaders(),
): Promise<Reply & { answer: RpcAnswer }> {
  const reply = await send('POST', '/rpc', headers, JSON.stringify({ channel, input }));
  return { ...reply, answer: JSON.parse(reply.body) as RpcAnswer };
}

describe('browser mode: listening', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = running.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(address.port).toBe(running.port);
  });

  it('prints an address whose token is in the #fragment (never sent to the server or logged)', () => {
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/#token=${TOKEN}`);
  });
});

describe('browser mode: static files', () => {
  it('serves index.html at / with the CSP, nosniff and the other security headers', async () => {
    const reply = await send('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(buildContentSecurityPolicy());
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves assets with their type', async () => {
    const reply = await send('GET', '/assets/app-abc123.js');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(ASSET_JS);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(buildContentSecurityPolicy());
  });

  it('answers HEAD without a body', async () => {
    const reply = await send('HEAD', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await send('GET', '/nope.html')).status).toBe(404);
    expect((await send('GET', '/assets')).status).toBe(404);
    expect((await send('GET', '/rpc')).status).toBe(404);
  });

  it('accepts localhost:PORT as a Host as well as 127.0.0.1:PORT', async () => {
    expect((await send('GET', '/', { host: `localhost:${running.port}` })).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%252e%252e/secret.txt',
    '/..;/secret.txt',
    '/%E0%A4%A',
  ])('refuses the traversal GET %s with 404 and leaks nothing', async (path) => {
    const reply = await send('GET', path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('root:');
  });

  it("does not serve the project's own files through an absolute-form request target", async () => {
    const reply = await send('GET', `http://127.0.0.1:${running.port}/../secret.txt`);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });
});

describe('browser mode: methods', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 (and no CORS headers)', async (method) => {
    const reply = await send(method, '/', { origin: 'https://evil.example' });
    expect(reply.status).toBe(405);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('answers PUT /rpc and POST to any other path with 405', async () => {
    expect((await send('PUT', '/rpc', rpcHeaders(), '{}')).status).toBe(405);
    expect((await send('POST', '/', rpcHeaders(), '{}')).status).toBe(405);
    expect((await send('POST', '/rpc/', rpcHeaders(), '{}')).status).toBe(405);
  });
});

describe('browser mode: POST /rpc', () => {
  it('runs calls with the right token: projects/create then projects/list', async () => {
    const created = await rpc('projects/create', { name: 'Drop-in centre 2025', organisation: 'Harm Reduction Org' });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.answer.ok).toBe(true);
    const project = created.answer.value as { id: string; name: string };
    expect(project.name).toBe('Drop-in centre 2025');

    const listed = await rpc('projects/list', {});
    expect(listed.answer.ok).toBe(true);
    const names = (listed.answer.value as { id: string; name: string }[]).map((p) => p.name);
    expect(names).toContain('Drop-in centre 2025');
  });

  it("accepts the page's own Origin", async () => {
    for (const origin of [`http://127.0.0.1:${running.port}`, `http://localhost:${running.port}`]) {
      const reply = await rpc('app/info', {}, rpcHeaders({ origin }));
      expect(reply.status, origin).toBe(200);
      expect(reply.answer.ok, origin).toBe(true);
    }
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL (200, a Result, never a crash)', async () => {
    const reply = await rpc('admin/exec', {});
    expect(reply.status).toBe(200);
    expect(reply.answer.error?.code).toBe('UNKNOWN_CHANNEL');
  });

  it('answers valid JSON that is not a call object with UNKNOWN_CHANNEL', async () => {
    for (const body of ['[]', '"projects/list"', 'null', '42', '{"channel":{"toString":1}}']) {
      const reply = await send('POST', '/rpc', rpcHeaders(), body);
      expect(reply.status, body).toBe(200);
      expect((JSON.parse(reply.body) as RpcAnswer).error?.code, body).toBe('UNKNOWN_CHANNEL');
    }
  });

  it.each<[string, OutgoingHttpHeaders]>([
    ['no Authorization header', { 'content-type': 'application/json' }],
    [
      'a wrong token of the same length',
      { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(TOKEN.length)}` },
    ],
    ['a wrong, shorter token', { 'content-type': 'application/json', authorization: 'Bearer abc' }],
    ['the token with a suffix', { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}x` }],
    ['an empty bearer token', { 'content-type': 'application/json', authorization: 'Bearer ' }],
    ['the token without the Bearer scheme', { 'content-type': 'application/json', authorization: TOKEN }],
    ['the token as Basic credentials', { 'content-type': 'application/json', authorization: `Basic ${TOKEN}` }],
    ['the token in a cookie', { 'content-type': 'application/json', cookie: `token=${TOKEN}` }],
  ])('refuses %s with 401 and runs nothing', async (_label, headers) => {
    const before = (await rpc('projects/list', {})).answer.value as unknown[];
    const reply = await send(
      'POST',
      '/rpc',
      headers,
      JSON.stringify({ channel: 'projects/create', input: { name: 'Intruder' } }),
    );
    expect(reply.status).toBe(401);
    expect((JSON.parse(reply.body) as RpcAnswer).ok).toBe(false);
    expect(reply.body).not.toContain(TOKEN);
    const after = (await rpc('projects/list', {})).answer.value as unknown[];
    expect(after.length).toBe(before.length);
  });

  it.each([
    'https://evil.example',
    'http://evil.example:PORT',
    'null',
    'http://127.0.0.1',
    'http://127.0.0.1:1',
    'https://127.0.0.1:PORT',
    'file://',
  ])('refuses the foreign Origin %s with 403, even with the right token', async (origin) => {
    const reply = await send(
      'POST',
      '/rpc',
      rpcHeaders({ origin: withPort(origin) }),
      JSON.stringify({ channel: 'projects/list', input: {} }),
    );
    expect(reply.status).toBe(403);
    expect((JSON.parse(reply.body) as RpcAnswer).error?.code).toBe('FORBIDDEN');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    'evil.example:PORT',
    'evil.example',
    '127.0.0.1',
    '127.0.0.1:OTHER',
    '127.0.0.1.evil.example:PORT',
    'localhost.evil.example:PORT',
    '[::1]:PORT',
  ])('refuses the Host header %s (DNS rebinding) with 421 for /rpc and for files', async (pattern) => {
    const host = withPort(pattern);
    const call = await send(
      'POST',
      '/rpc',
      rpcHeaders({ host }),
      JSON.stringify({ channel: 'projects/list', input: {} }),
    );
    expect(call.status).toBe(421);
    expect(call.body).not.toContain('Drop-in centre');
    const page = await send('GET', '/', { host });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('SROI Studio');
  });

  it.each<[string, OutgoingHttpHeaders]>([
    ['text/plain (a CORS "simple" request)', { 'content-type': 'text/plain' }],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['no content type', {}],
  ])('refuses %s with 415', async (_label, headers) => {
    const reply = await send(
      'POST',
      '/rpc',
      { authorization: `Bearer ${TOKEN}`, ...headers },
      JSON.stringify({ channel: 'projects/list', input: {} }),
    );
    expect(reply.status).toBe(415);
  });

  it('accepts application/json with a charset', async () => {
    const reply = await rpc('projects/list', {}, rpcHeaders({ 'content-type': 'application/json; charset=utf-8' }));
    expect(reply.status).toBe(200);
  });

  it.each(['{', '{"channel": "projects/list", input: {}}', '', 'undefined', '\u0000'])(
    'refuses the invalid JSON %j with 400',
    async (body) => {
      const reply = await send('POST', '/rpc', rpcHeaders(), body);
      expect(reply.status).toBe(400);
      expect((JSON.parse(reply.body) as RpcAnswer).error?.code).toBe('VALIDATION');
    },
  );

  it('leaks no internal detail in its errors', async () => {
    const reply = await send(
      'POST',
      '/rpc',
      rpcHeaders(),
      '{"channel":"projects/get","input":{"id":"00000000-0000-4000-8000-000000000000"}}',
    );
    expect(reply.body).not.toMatch(/at .*\.ts:\d+|SqliteError|node_modules/);
  });
});

describe('browser mode: request size', () => {
  interface BigReply {
    status: number | null;
    body: string;
    connection: string | undefined;
    sent: number;
    error: string | null;
  }

  /**
   * POSTs MAX_BODY_BYTES + 1 MB to /rpc, streamed in 1 MB chunks with back-pressure (nothing large is held in
   * memory), stopping as soon as the server answers.
   */
  function postTooLarge(agent: Agent | false): Promise<BigReply> {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const total = MAX_BODY_BYTES + chunk.length;
    return new Promise((resolve) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: running.port,
          method: 'POST',
          path: '/rpc',
          agent,
          headers: { ...rpcHeaders(), 'content-length': total },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          const done = (error: string | null) =>
            resolve({
              status: res.statusCode ?? null,
              body: Buffer.concat(chunks).toString('utf8'),
              connection: res.headers.connection,
              sent,
              error,
            });
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null));
          res.on('error', (e) => done(e.message));
        },
      );
      req.on('error', (e) => {
        if (!answered)
          resolve({
            status: null,
            body: '',
            connection: undefined,
            sent,
            error: `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`,
          });
      });
      const pump = () => {
        while (!answered && !req.destroyed && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (sent >= total) req.end();
      };
      pump();
    });
  }

  it(`refuses a body larger than MAX_BODY_BYTES (${MAX_BODY_BYTES / 1024 / 1024} MB) with 413`, async () => {
    const result = await postTooLarge(false);
    expect(
      result.error,
      `the client saw an error after sending ${result.sent} bytes instead of a 413 answer`,
    ).toBeNull();
    expect(result.status).toBe(413);
    expect((JSON.parse(result.body) as RpcAnswer).error?.code).toBe('VALIDATION');
  }, 60_000);

  it('still answers normally (on a new connection) after refusing a large body', async () => {
    const reply = await send(
      'POST',
      '/rpc',
      rpcHeaders(),
      JSON.stringify({ channel: 'projects/list', input: {} }),
      false,
    );
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.body) as RpcAnswer).ok).toBe(true);
  });

  // Regression (fixed): after the 413, the server stops reading the body (readBody returns from its for-await loop, which
  // destroys the request) but answers with "Connection: keep-alive". The connection is then dead: the next request
  // a client sends on it (browsers and Node's default agent reuse connections) hangs until keepAliveTimeout (5 s)
  // and fails with ECONNRESET. Fix in electron/serve/server.ts (handleRpc, the 413 branch): send the 413 with a
  // `connection: close` header (e.g. `res.setHeader('connection', 'close')` before sendJson), and reject early when
  // the Content-Length header already exceeds MAX_BODY_BYTES.
  it('after a 413 the connection is closed or still usable (no hung keep-alive connection)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = await postTooLarge(agent);
      expect(big.status).toBe(413);
      const next = await send(
        'POST',
        '/rpc',
        rpcHeaders(),
        JSON.stringify({ channel: 'projects/list', input: {} }),
        agent,
        2_500,
      );
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  }, 60_000);

  it('logged no request failures during this suite', () => {
    expect(logged).toEqual([]);
  });
});
