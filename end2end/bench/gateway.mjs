// What every benchmark needs: a gateway of its own, serving the release build on a free
// loopback port (BENCH_GATEWAY_PORT to choose one), stopped by the caller.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the gateway binary `bin` on the build in `dist` (both relative to the repository root
 * or absolute) with extra `env`, and waits until it answers. Exits the process with a hint
 * when there is no release build. Returns the child process and the origin.
 */
export async function startGateway(bench, { bin = 'target/native/gateway', dist = 'dist', env = {} } = {}) {
  bin = resolve(ROOT, bin);
  dist = resolve(ROOT, dist);
  if (!existsSync(bin) || !existsSync(`${dist}/pages/index.html`)) {
    console.error(`${bench} bench: no release build (run \`make build\` first)`);
    process.exit(1);
  }
  const port = Number(process.env.BENCH_GATEWAY_PORT ?? (await freePort()));
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(bin, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      LEBENSLAGEN_LISTEN: `127.0.0.1:${port}`,
      LEBENSLAGEN_DIST: dist,
      LEBENSLAGEN_PUBLIC_ORIGIN: origin,
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = null;
  child.on('exit', (code) => (exited = code));
  for (let i = 0; i < 100 && exited === null; i++) {
    try {
      await fetch(`${origin}/suche`);
      return { child, origin };
    } catch {
      await sleep(100);
    }
  }
  child.kill();
  throw new Error(`the gateway did not answer on ${origin}${exited === null ? '' : ` (it exited with ${exited})`}`);
}
