/**
 * Serves every fixture page on localhost with an index page:  npm run fixtures [-- --port 8080]
 * The live Disqus page's iframe is pointed at the local copy of the Disqus document.
 */
import { createServer } from 'node:http';
import { loadFixtures } from '../seeds/fixtures';
import { esc } from '../seeds/html';

const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag !== -1 ? process.argv[portFlag + 1] : process.env.PORT ?? 8080);
const fixtures = loadFixtures();
const routes = new Map<string, () => string>();
for (const f of fixtures) {
  const frame = f.frame;
  routes.set(`/${f.name}.html`, frame ? () => f.html().replace(esc(frame.url), `/${f.name}.frame.html`) : f.html);
  if (frame) routes.set(`/${f.name}.frame.html`, frame.html);
}

const index = () => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Comment Annotator fixtures</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2em auto}td,th{padding:4px 10px;text-align:left}</style></head><body>
<h1>Comment Annotator fixture pages</h1>
<p>Offline pages built from <code>seeds/</code> in each site's real markup. Authors named "Reader N", ids and times are invented.
The extension runs on them under their real addresses (see <code>npm run demo</code>); here they are plain pages.</p>
<table><tr><th>page</th><th>what it is</th><th>real address</th></tr>
${fixtures.map((f) => `<tr><td><a href="/${f.name}.html">${f.name}</a></td><td>${esc(f.description)}</td><td><code>${esc(f.url)}</code></td></tr>`).join('\n')}
</table></body></html>`;

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const page = path === '/' ? index : routes.get(path);
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture at ${path}; see /`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
}).listen(port, '127.0.0.1', () => {
  console.log(`Fixture pages on http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
});
