/**
 * Browser mode: the built renderer and `POST /rpc` to the same dispatcher the desktop app uses, on 127.0.0.1
 * only. Each run has a random token the page must send (it arrives in the printed URL's #fragment, which
 * browsers never send to servers or put in logs); the Host and Origin headers are checked so that no other
 * website can reach the data through the user's browser (DNS rebinding, cross-site requests).
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { fail } from '../../shared/ipc/result';
import type { Dispatcher } from '../backend/dispatcher';
import { resolveInsideRoot } from '../backend/safe-path';
import { buildContentSecurityPolicy } from '../main/security';

/** Largest request body accepted (a CSV import of 60 MB, JSON-escaped, fits). */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
};

export interface BrowserModeOptions {
  dispatcher: Dispatcher;
  rendererRoot: string;
  token: string;
  port?: number;
  log?: (message: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': buildContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startBrowserMode(options: BrowserModeOptions): Promise<RunningServer> {
  const { dispatcher, rendererRoot, token } = options;
  let allowedHosts: Set<string> = new Set();
  let ownOrigins: Set<string> = new Set();

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) {
      sendJson(res, 403, fail('FORBIDDEN', 'Calls from other websites are refused.'));
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameToken(auth.slice('Bearer '.length), token)) {
      sendJson(
        res,
        401,
        fail(
          'FORBIDDEN',
          'Open SROI Studio with the address printed by "npm run serve" (it carries this session\'s key).',
        ),
      );
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('VALIDATION', 'Send JSON.'));
      return;
    }
    const tooLarge = () => {
      // The rest of the body is not read, so this connection cannot carry another request.
      res.setHeader('connection', 'close');
      sendJson(res, 413, fail('VALIDATION', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
    const body = await readBody(req);
    if (body === null) return tooLarge();
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      sendJson(res, 400, fail('VALIDATION', 'The request is not valid JSON.'));
      return;
    }
    const { channel, input } = (typeof message === 'object' && message !== null ? message : {}) as {
      channel?: unknown;
      input?: unknown;
    };
    sendJson(res, 200, await dispatcher.dispatch(channel, input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolveInsideRoot(pathname, rendererRoot, join, sep);
    if (file === null) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    try {
      send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a page from evil.example resolved to 127.0.0.1 still sends its own Host header.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, 'text/plain; charset=utf-8', 'Wrong host');
      return;
    }
    const work =
      req.method === 'POST' && req.url === '/rpc'
        ? handleRpc(req, res)
        : req.method === 'GET' || req.method === 'HEAD'
          ? handleStatic(req, res)
          : Promise.resolve(send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed'));
    work.catch((error: unknown) => {
      options.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'The request failed.'));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      ownOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
