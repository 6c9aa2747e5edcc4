/**
 * Serves test/e2e/pages on 127.0.0.1 at a random free port. Unknown paths under /late/ get the SPA page (its router).
 * `/shared/pages/<folder>/<file>.html` serves the saved real pages of ../shared/data/pages (never copied into the
 * repo), with a CSP that blocks their own scripts and remote resources, so the tests stay offline and any request
 * left is the extension's. Pages named `hostile-*.html` get a strict CSP (scripts and styles by nonce only).
 * Every request is logged, so a test can check what was asked of the server.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', 'pages');
/** ../shared/data/pages beside the repo (or SHARED_DATA/pages). */
export const SHARED_PAGES = join(process.env.SHARED_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data'), 'pages');
export const sharedPagesPresent = (): boolean => existsSync(join(SHARED_PAGES, 'positive'));

/** The nonce the hostile pages' own script and style carry. */
export const HOSTILE_NONCE = 'e2e-hostile-nonce';
const HOSTILE_CSP = `default-src 'none'; script-src 'nonce-${HOSTILE_NONCE}'; style-src 'nonce-${HOSTILE_NONCE}'; img-src 'self'; connect-src 'none'; frame-src 'none'`;
const SAVED_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PageServer {
  url(path: string): string;
  /** The same page under another hostname (localhost), e.g. for the per-site switch. */
  otherHostUrl(path: string): string;
  /** Paths requested so far, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

function resolveFile(path: string): { file: string; csp?: string } | null {
  if (path.startsWith('/late/')) return { file: join(PAGES, 'late-article.html') };
  const clean = normalize(path).replace(/^[/\\]+/, '');
  if (clean.includes('..') || !clean.endsWith('.html')) return null;
  if (clean.startsWith('shared/pages/')) return { file: join(SHARED_PAGES, clean.slice('shared/pages/'.length)), csp: SAVED_PAGE_CSP };
  const name = clean.split(/[/\\]/).pop() ?? '';
  return { file: join(PAGES, clean), csp: name.startsWith('hostile-') ? HOSTILE_CSP : undefined };
}

export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    if (path === '/favicon.ico') {
      // The browser asks for the tab icon itself; an empty answer keeps a 404 out of the page's console.
      response.writeHead(204).end();
      return;
    }
    const target = resolveFile(path);
    if (!target) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (target.csp) headers['content-security-policy'] = target.csp;
    readFile(target.file).then(
      (body) => response.writeHead(200, headers).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    otherHostUrl: (path) => `http://localhost:${port}${path}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
