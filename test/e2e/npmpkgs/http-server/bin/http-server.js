#!/usr/bin/env node
// The e2e suite's stand-in for http-server: `http-server [path] [-p port]` serves the files under path
// (default ./public if it exists, else ./) and reads nothing else; `--self-test` serves, requests / once,
// prints the status and the page's <title>, and exits.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
let port = 8080;
let selfTest = false;
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-p' || args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--self-test') selfTest = true;
  else positional.push(args[i]);
}
const root = path.resolve(positional[0] ?? (fs.existsSync('public') ? 'public' : '.'));
const server = http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(req.url.split('?')[0]).replace(/\/$/, '/index.html'));
  if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
server.listen(selfTest ? 0 : port, () => {
  if (!selfTest) return console.log(`serving ${root} on port ${port}`);
  http.get({ port: server.address().port, path: '/' }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      const title = /<title>([^<]*)<\/title>/.exec(body);
      console.log(`GET / ${res.statusCode} ${title ? title[1] : '(no title)'}`);
      server.close();
    });
  });
});
