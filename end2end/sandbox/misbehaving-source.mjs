// A federation node that misbehaves on purpose, for the tests of the app's federation client.
// Each path prefix is one way a real PVOG-compatible node can fail:
//
//   /hang/…       accepts the request and never answers
//   /status500/…  HTTP 500 with an HTML error page
//   /malformed/…  HTTP 200 with a body that is not JSON
//   /huge/…       HTTP 200 with 20 MB of (valid-looking) JSON, streamed without Content-Length
//   /inject/…     valid PVOG JSON whose texts carry <script>, onerror and javascript: payloads
//   /healthz      200, so the test runner knows it is up
//
// A node that is down is simply a closed port. Listens on 127.0.0.1 only.
//
//   node sandbox/misbehaving-source.mjs [port]     (default 18098)
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? process.env.MISBEHAVING_PORT ?? 18098);

/** Payloads that must never execute or survive sanitising. */
export const INJECTION = {
  name: 'Zulassung <img src=x onerror="window.__pwned=1">eines Fahrzeugs',
  kurzinfo:
    '<p>Hinweis<script>window.__pwned=2</script></p><img src=x onerror="window.__pwned=3">' +
    '<a href="javascript:window.__pwned=4">Mehr</a><p onclick="window.__pwned=5">Injected text</p>',
};

function send(res, status, type, body) {
  res.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function injectedDescriptions(url) {
  const params = new URL(url, 'http://x').searchParams;
  const key = (params.get('leikaIds') ?? '').split(',')[0];
  return {
    content: [
      {
        id: 'EVIL.LB.1',
        name: INJECTION.name,
        leikakeys: [key],
        // Federal level: less local than the mirror's description, so it must not win
        // for keys the mirror knows, and its texts must be harmless where it does.
        ars: ['000000000000'],
        details: [{ code: '24', text: INJECTION.kurzinfo }],
      },
    ],
    totalElements: 1,
    totalPages: 1,
    number: 0,
    size: 1,
  };
}

const server = createServer((req, res) => {
  const path = req.url ?? '/';
  if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '');
  if (path === '/healthz') return send(res, 200, 'text/plain', 'ok');
  if (path.startsWith('/hang/')) return; // never answer
  if (path.startsWith('/status500/')) {
    return send(res, 500, 'text/html', '<html><body><h1>Internal Server Error</h1></body></html>');
  }
  if (path.startsWith('/malformed/')) {
    return send(res, 200, 'application/json', '{"content": [ {"id": "broken", ');
  }
  if (path.startsWith('/huge/')) {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    const chunk = '"' + 'x'.repeat(64 * 1024 - 3) + '",';
    let sent = 0;
    res.write('{"content":[');
    const pump = () => {
      while (sent < 20 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end('"end"]}');
    };
    res.on('error', () => {});
    return pump();
  }
  if (path.startsWith('/inject/')) {
    if (path.includes('/v2/locations')) {
      return send(res, 200, 'application/json', JSON.stringify([
        { ars: '097790194194', name: 'Nördlingen<script>window.__pwned=6</script>', zip: '86720' },
      ]));
    }
    return send(res, 200, 'application/json', JSON.stringify(injectedDescriptions(path)));
  }
  send(res, 404, 'application/json', '{}');
});

server.listen(port, '127.0.0.1', () => {
  console.log(`misbehaving federation source on http://127.0.0.1:${port}/`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
