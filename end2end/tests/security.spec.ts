// Security headers of HTML responses (ARCHITECTURE.md, "Gateway, security, sessions"): a strict
// CSP with a fresh nonce per response that every inline script carries, no 'unsafe-inline' for
// scripts, and no caching of a page (a cached page would reuse its nonce).
import { test, expect } from './fixtures';
import { MISSING, SHELL_SERVICE } from './support/routes';

/** CSP directives by name, each with its source list. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The opening tags of all scripts that the browser would execute. */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => {
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
      return type === undefined || type === 'module' || type === 'text/javascript';
    });
}

function nonceOf(tag: string): string | undefined {
  return /\snonce\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
}

const PATHS = [
  { path: '/suche', status: 200 },
  { path: '/en/', status: 200 },
  { path: SHELL_SERVICE, status: 200 },
  { path: MISSING, status: 404 },
];

for (const { path, status } of PATHS) {
  test(`${path}: CSP with a fresh nonce on every inline script, no caching`, async ({ request }) => {
    const first = await request.get(path, { maxRedirects: 0 });
    expect(first.status()).toBe(status);
    const headers = first.headers();

    const csp = headers['content-security-policy'];
    expect(csp, 'Content-Security-Policy header').toBeTruthy();
    const directives = parseCsp(csp);
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `script-src (or default-src) in ${csp}`).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonces = scriptSrc!.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice("'nonce-".length, -1));
    expect(nonces, `exactly one nonce in script-src: ${csp}`).toHaveLength(1);
    const nonce = nonces[0];
    expect(nonce.length, 'nonce length (at least 128 bits, base64)').toBeGreaterThanOrEqual(22);
    expect(directives.get('object-src'), `object-src in ${csp}`).toEqual(["'none'"]);
    expect(directives.has('frame-ancestors'), `frame-ancestors in ${csp}`).toBe(true);
    expect(directives.has('base-uri'), `base-uri in ${csp}`).toBe(true);

    const html = await first.text();
    expect(html).not.toContain('__TRUNK NONCE__');
    const scripts = executableScripts(html);
    expect(scripts.length, 'the page has its loader script').toBeGreaterThan(0);
    for (const tag of scripts) expect(nonceOf(tag), tag).toBe(nonce);

    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control'] ?? '', 'Cache-Control of a page').toMatch(/no-cache|no-store/);
    expect(headers['etag'], 'a page has no ETag (never a 304 with a stale nonce)').toBeUndefined();
    expect(headers['last-modified'], 'a page has no Last-Modified').toBeUndefined();

    const second = await request.get(path, { maxRedirects: 0 });
    const again = parseCsp(second.headers()['content-security-policy'] ?? '');
    const secondNonce = (again.get('script-src') ?? again.get('default-src') ?? [])
      .find((s) => s.startsWith("'nonce-"));
    expect(secondNonce, 'the nonce is fresh for every response').toBeDefined();
    expect(secondNonce).not.toBe(`'nonce-${nonce}'`);
  });
}
