// A loopback npm registry mirror for builds that run `npm ci` (the dfsplit container image): images reach
// no registry, so the build runs with `--network host` against this server on 127.0.0.1, which forwards
// each request to the registry the host's npm is configured with (`npm config get registry`) and rewrites
// the tarball addresses in package documents to itself. Nothing is cached; nothing but loopback and the
// host's own registry is contacted.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NpmMirror {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** Requests served, for the test to assert the build went through the mirror. */
  requests: () => number;
  close: () => Promise<void>;
}

/** The registry the host's npm uses, with one trailing slash. */
function hostRegistry(): string {
  const url = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  return url.endsWith('/') ? url : `${url}/`;
}

export async function startNpmMirror(upstream = hostRegistry()): Promise<NpmMirror> {
  let served = 0;
  let self = '';
  const server = createServer((req, res) => {
    served++;
    const target = upstream + (req.url ?? '/').replace(/^\//, '');
    const headers: Record<string, string> = { accept: String(req.headers.accept ?? '*/*') };
    fetch(target, { headers })
      .then(async (r) => {
        const type = r.headers.get('content-type') ?? 'application/octet-stream';
        const body = Buffer.from(await r.arrayBuffer());
        const out = /json/.test(type) ? Buffer.from(body.toString('utf8').split(upstream).join(self)) : body;
        res.writeHead(r.status, { 'content-type': type, 'content-length': out.length });
        res.end(out);
      })
      .catch((e: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url: self, requests: () => served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
