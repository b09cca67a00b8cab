// Serves a built folder as any static host would (a folder's page is its index.html), on
// 127.0.0.1 only: `node scripts/serve-dist.mjs [dir] [port]`. scripts/serve.sh uses it to serve
// the guide and the authoring page together; `trunk serve` would rebuild the guide alone into an
// emptied dist/, without the authoring page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.pgd': 'application/octet-stream',
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const wanted = decodeURIComponent(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
  const file = path.join(root, wanted);
  if (!file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch (error) {
    // A folder asked for without its final '/': send the browser to the folder, as static hosts do.
    if (error.code === 'EISDIR') { res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end(); return; }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
