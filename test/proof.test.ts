// What the runtime stage may replay with no build to prove it (src/proof.ts `safeToReplay`), and the proof
// a conversion carries (issue 23, "proof levels").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../src/analyze/run.js';
import { convert } from '../src/convert.js';
import { safeToReplay } from '../src/proof.js';

const command = (script: string) => analyzeRun(script, { workdir: '/app', user: null, env: new Map(), removedLater: new Set() }).commands[0]!;
const copied = new Set(['/app/bin', '/usr/local/bin/hello']);

describe('safeToReplay', () => {
  it.each([
    ['useradd -u 1001 app', true],
    ['groupadd app', true],
    ['apt-get install -y curl', true],
    ['mkdir /data', true],
    ['mkdir -p /app/bin', true],
    ['mkdir /app/bin/x', false],
    ['ln -s /usr/local/bin/hello /usr/bin/hello', true],
    ['chmod +x /usr/local/bin/hello', true],
    ['chmod +x bin/run.sh', true],
    ['chmod +x /opt/run.sh', false],
    ['chown -R app /app/bin', true],
    ['rm -rf /var/lib/apt/lists/*', true],
    ['rm /var/lib/apt/lists/x', false],
    ['rm -rf /app', false],
    ['sed -i s/a/b/ /etc/x.conf', false],
    ['wget https://example.com/x.tgz', false],
    ['echo hello', true],
    // a link onto what the stage copied exists already (issue 23 item 2); -f replaces it
    ['ln -s /usr/local/bin/hello /app/bin/hello', false],
    ['ln -sf /usr/local/bin/hello /app/bin/hello', true],
    ['ln -s /usr/local/bin/hello', true],
    ['ln -s /opt/bin', false],
    // the link's directory must be there (a make install made /var/log/nginx in the builder only)
    ['ln -sf /dev/stdout /var/log/nginx/access.log', false],
    ['ln -sf /dev/stdout /var/log/access.log', true],
    ['ln -sf /dev/stdout /app/bin/access.log', true],
    // mkdir of a directory a copy made (the parent of a copied path)
    ['mkdir /app', false],
    ['mkdir -pv /app', true],
    // cd only into a directory the stage has (item 3)
    ['cd /app/bin', true],
    ['cd /build/src', false],
    ['cd /tmp', true],
    ['cd $SRC', false],
  ])('%s: %s', (script, safe) => {
    expect(safeToReplay(command(script), copied)).toBe(safe);
  });
  it('counts the directories the stage made before: cd into them, no second mkdir', () => {
    const made = new Set(['/build']);
    expect(safeToReplay(command('cd /build'), copied, made)).toBe(true);
    expect(safeToReplay(command('mkdir /build'), copied, made)).toBe(false);
    expect(safeToReplay(command('chown app /build'), copied, made)).toBe(true);
  });
});

describe('the proof of a conversion', () => {
  const sameBase = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y gcc libc6-dev && sed -i s/a/b/ /etc/x.conf\nCOPY hello.c /src/hello.c\nRUN gcc -o /usr/local/bin/hello /src/hello.c\nCMD ["hello"]\n';
  it('is build level, with what is unproven, for a replayed fragment on the same image', () => {
    const r = convert(sameBase, { verify: true });
    expect(r.status).toBe('changed');
    expect(r.proof?.level).toBe('build');
    expect(r.proof?.unproven.map((u) => [u.id, u.line])).toEqual([['unproven-replay', 2]]);
  });
  it('is declined needs-verify without --verify, naming what is unproven and how to prove it', () => {
    const r = convert(sameBase, { path: 'svc/Dockerfile' });
    expect(r.status).toBe('declined');
    expect(r.reasons.map((x) => x.id)).toEqual(['needs-verify']);
    expect(r.reasons[0]!.message).toContain('`sed -i s/a/b/`');
    expect(r.reasons[0]!.message).toContain('dfsplit --verify --write svc/Dockerfile');
    expect(r.output).toBe(sameBase);
  });
  it('is build level for a php, go or python preset that keeps the builder image (the review found 1 good of 25)', () => {
    const r = convert('FROM php:8.2-fpm\nRUN apt-get update && apt-get install -y libpq-dev \\\n && docker-php-ext-install pdo_pgsql\nCOPY . /var/www/html\nCMD ["php-fpm"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.proof?.unproven.map((u) => u.id)).toEqual(['unproven-same-base']);
  });
  it("is build level for the generic split on the builder's own image, even when every replay is safe (where the build installs is known only from a build)", () => {
    const text = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y gcc libc6-dev\nCOPY hello.c /src/hello.c\nRUN gcc -o /usr/local/bin/hello /src/hello.c\nCMD ["hello"]\n';
    expect(convert(text).reasons.map((r) => r.id)).toEqual(['needs-verify']);
    const verified = convert(text, { verify: true });
    expect(verified.status).toBe('changed');
    expect(verified.proof?.unproven.map((u) => u.id)).toEqual(['unproven-same-base-split']);
  });
  it('is build level on the slim variant too when a replayed mkdir or ln meets what the stage copied', () => {
    const hapi = (run: string) => convert(`FROM node:20\nRUN apt-get update && apt-get install -y bzip2\nRUN mkdir /hapi && cd /hapi && curl -L https://example.com/h.tar.bz2 | tar -xj\nRUN ${run}\nWORKDIR /hapi\nENTRYPOINT ["node", "h.js"]\n`, { verify: true });
    // a mkdir without -p of what the stage copied fails for certain: the state model declines it before any proof
    // (one a RUN repeated as written runs with other commands; alone it is left out, replay-copied-dropped)
    expect(hapi('mkdir /hapi/data && chown node /hapi/data').reasons.map((r) => [r.id, r.line])).toEqual([['replay-collides', 4]]);
    // a RUN whose whole effect lies in the copy is not repeated at all (replay-inside-copy)
    const inside = hapi('mkdir /hapi/data && touch /hapi/data/.keep');
    expect(inside.findings.map((f) => f.id)).toContain('replay-inside-copy');
    expect(inside.output).not.toMatch(/FROM node:20-slim[^]*touch/);
    const srv = (rest: string) => convert(`FROM node:20\nRUN apt-get update && apt-get install -y curl\nRUN curl -L https://example.com/a.tgz | tar -C /srv -xz && ln -s /srv/app/a-1.js /srv/app/a.js${rest}\nCMD ["node", "/srv/app/a.js"]\n`, { verify: true });
    // the archive is downloaded and unpacked into what the stage copies: unproven-download as well
    expect(srv(' && mkdir -p /var/log/app').proof?.unproven.map((u) => u.id)).toEqual(['unproven-download', 'unproven-collision']);
    expect(srv('').proof?.unproven.map((u) => u.id)).toEqual(['unproven-download']);
  });
  it('is build level when a repeated system-wide install puts packages into a directory the stage also copies (npm install -g, pip install over /usr/local)', () => {
    for (const name of ['replay-npm-global-over-copied-dir-needs-verify', 'replay-pip-over-copied-tree-needs-verify']) {
      const r = convert(readFileSync(fileURLToPath(new URL(`./fixtures/${name}/input.Dockerfile`, import.meta.url)), 'utf8'), { verify: true });
      // (the npm one also builds with make on node:20, whose buildpack-deps libraries node:20-slim lacks)
      expect(
        r.proof?.unproven.map((u) => [u.id, u.line]).filter(([id]) => id !== 'unproven-full-image-libs'),
        name,
      ).toEqual([['unproven-collision', 2]]);
    }
    // a system package install writes no such directory: apt-get after a copy of /usr/local stays static
    const apt = convert(
      'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN cd /src && make && make install PREFIX=/usr/local\nRUN apt-get update && apt-get install -y --no-install-recommends python3-requests && rm -rf /var/lib/apt/lists/*\nCMD ["/usr/local/bin/tool"]\n',
    );
    expect(apt.status).toBe('changed');
  });
  it('is build level when an archive unpacked into /opt is copied as the entries the file names (item 6 of issue 23: /opt itself is never copied)', () => {
    const read = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}/input.Dockerfile`, import.meta.url)), 'utf8');
    const named = convert(read('unpack-opt-named-entries'), { verify: true });
    // the mv's destination and the directory an ENV names, each from its own unpack: never /opt; the mv's
    // destination is there because the build would fail otherwise, the ENV's entry only a build shows
    expect(named.artifacts.map((a) => a.path)).toEqual(['/opt/kvlib-0.9', '/opt/kvstore']);
    expect(named.proof?.unproven.filter((u) => u.id === 'unproven-unpack-entries').map((u) => [u.line, u.message])).toEqual([[5, '`tar -xzf /tmp/kvstore.tar.gz` unpacks into /opt, and only /opt/kvlib-0.9 of it is copied, the entries the file names: whatever else the archive holds is known only from a build']]);
    expect(convert(read('unpack-opt-named-entries')).reasons.map((r) => r.id)).toEqual(['needs-verify']);
    // the directory a later build step runs in, holding the program the ENTRYPOINT starts
    const started = convert(read('unpack-opt-started-program'), { verify: true });
    expect(started.status).toBe('changed');
    expect(started.artifacts.map((a) => a.path)).toEqual(['/opt/plotter-1.7']);
    // an entry the file's own COPY puts there is not the archive's: what the archive unpacked is not named, so /opt stays declined
    const helper = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl wine && curl -fsSL https://example.org/tz-3.2.tgz | tar -xz -C /opt\nCOPY tz-helper.sh /opt/\nENTRYPOINT ["/opt/tz-helper.sh"]\n', { verify: true });
    expect(helper.reasons.map((r) => r.id)).toContain('copies-system-dir');
    // a make install into /opt is not an unpack: /opt is never narrowed to entries, the install is staged instead
    const install = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc make\nCOPY . /src\nRUN cd /src && make && make install PREFIX=/opt\nCMD ["/opt/bin/tool"]\n', { verify: true });
    expect(install.proof?.unproven.map((u) => u.id)).toEqual(['unproven-staged-install']);
    expect(install.artifacts.map((a) => a.path)).toEqual(['/staging']);
  });
  it('is static when what was unpacked into / or /tmp is copied only as the paths a mv or cp put in place (issue 24: never / or /tmp whole)', () => {
    const read = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}/input.Dockerfile`, import.meta.url)), 'utf8');
    // under /: the mv of a file into a directory every image has lands inside it by its own name, not /usr/local/bin whole
    const root = convert(read('unpack-root-moved-entries'));
    expect(root.status).toBe('changed');
    expect(root.proof?.level).toBe('static');
    expect(root.artifacts.map((a) => a.path)).toEqual(['/opt/relay', '/usr/local/bin/relayctl']);
    // in /tmp: scratch, the download and the rest of the archive stay behind; what cp carried out is copied
    const scratch = convert(read('unpack-tmp-scratch'));
    expect(scratch.proof?.level).toBe('static');
    expect(scratch.artifacts.map((a) => a.path)).toEqual(['/etc/agent', '/usr/local/bin/agent']);
    // an entry only the final WORKDIR names is copied whole: build level
    const named = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl python3\nWORKDIR /tmp\nRUN curl -fsSL https://example.org/app-1.0.tgz | tar -xz && rm -rf /var/lib/apt/lists/*\nWORKDIR /tmp/app-1.0\nCMD ["python3", "main.py"]\n', { verify: true });
    expect(named.artifacts.map((a) => a.path)).toEqual(['/tmp/app-1.0']);
    expect(named.proof?.unproven.map((u) => u.id)).toEqual(['unproven-unpack-entries']);
    // an archive unpacked into / on purpose (`-C /`) is laid out for it: / stays, declined
    expect(convert(read('unpack-root-laid-out')).reasons.map((r) => r.id)).toEqual(['copies-system-dir']);
    // files carried out of / into a system directory through a wildcard cannot be named: declined
    const glob = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSL https://example.org/docker.tgz | tar zx && mv /docker/* /usr/bin/\nCMD ["dockerd"]\n', { verify: true });
    expect(glob.reasons.map((r) => r.id)).toContain('copies-system-dir');
    // a command dfsplit cannot follow carries what was unpacked in /tmp elsewhere: /tmp stays, declined
    const rsync = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl rsync\nRUN curl -fsSL https://example.org/site.tgz | tar xz -C /tmp && rsync -a /tmp/site/ /var/www/html && cp /tmp/site/site.conf /etc/site.conf\nCMD ["cat", "/var/www/html/index.html"]\n', { verify: true });
    expect(rsync.reasons.map((r) => r.id)).toContain('copies-system-dir');
  });
  it('declines a container that installs language packages when it starts, on another image without the compilers (a generator-made bot is an application, not a toolbox)', () => {
    const text = readFileSync(fileURLToPath(new URL('./fixtures/node-generated-app-start-install-declined/input.Dockerfile', import.meta.url)), 'utf8');
    const r = convert(text, { verify: true });
    expect(r.status).toBe('declined');
    expect(r.reasons.map((u) => [u.id, u.line])).toEqual([['runtime-uses-toolchain', 8]]);
    // a command that only starts the package's script installs nothing: static
    const start = convert(text.replace('CMD npm install $BOT_SCRIPTS && bin/hubot -n $BOT_NAME', 'CMD npm start'), { verify: true });
    expect(start.status).toBe('changed');
    expect(start.proof?.unproven).toEqual([]);
    // the container runs the generator itself: its tools are its purpose
    expect(convert(text.replace('CMD npm install $BOT_SCRIPTS && bin/hubot -n $BOT_NAME', 'ENTRYPOINT ["yo"]')).reasons.map((x) => x.id)).toEqual(['toolbox-image']);
  });
  it('leaves in the builder the inputs a context COPY puts into /tmp for an install whose packages go elsewhere (scratch-input-dropped), and keeps one a later step names', () => {
    const text = 'FROM node:20\nCOPY package.json /tmp/package.json\nRUN cd /tmp && npm install\nRUN mkdir -p /usr/app && cp -a /tmp/node_modules /usr/app\nCOPY . /usr/app/\nWORKDIR /usr/app\nCMD ["node", "server.js"]\n';
    const r = convert(text);
    expect(r.findings.map((f) => f.id)).toContain('scratch-input-dropped');
    expect(r.output.split('FROM node:20-slim')[1]).not.toContain('/tmp/package.json');
    // the command reads it at run time: kept
    const read = convert(text.replace('CMD ["node", "server.js"]', 'CMD ["node", "server.js", "--manifest", "/tmp/package.json"]'));
    expect(read.output.split('FROM node:20-slim')[1]).toContain('COPY package.json /tmp/package.json');
  });
  it('is build level when the slim runtime installs Python packages from the network again (pipenv, a URL requirement)', () => {
    const pipenv = convert('FROM python:3.11\nRUN pip install pipenv\nWORKDIR /app\nCOPY Pipfile Pipfile.lock /app/\nRUN pipenv install --system --deploy\nCOPY . /app\nCMD ["python", "app.py"]\n', { verify: true });
    expect(pipenv.proof?.unproven.map((u) => [u.id, u.line])).toEqual([['unproven-refetch', 5]]);
    const url = convert('FROM python:3.11\nRUN pip install flask https://example.com/p/ext-1.0.tar.gz\nCMD ["flask", "run"]\n', { verify: true });
    expect(url.proof?.unproven.map((u) => u.id)).toEqual(['unproven-refetch']);
    expect(url.proof?.unproven[0]!.message).toContain('`https://example.com/p/ext-1.0.tar.gz`');
    const wheel = convert('FROM python:3.11\nRUN pip install --upgrade pip && pip install flask https://example.com/p/ext-1.0-py3-none-any.whl\nCMD ["flask", "run"]\n', { verify: true });
    expect(wheel.proof?.unproven).toEqual([]);
  });
  it("installs the git a replayed bower install runs, which the full node image has and its slim variant lacks (the node family's `calls`)", () => {
    const bower = 'FROM node:20\nRUN npm install -g bower\nWORKDIR /app\nCOPY package.json bower.json /app/\nRUN npm install\nRUN bower install --allow-root\nCOPY . /app\nCMD ["node", "server.js"]\n';
    const result = convert(bower, { verify: true });
    expect(result.proof?.unproven).toEqual([]);
    expect(result.output).toContain('FROM node:20-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git');
    expect(result.findings.filter((f) => f.id === 'tool-added').map((f) => f.message)).toEqual(['git: called by bower but not in the runtime base, so git is installed']);
    expect(convert(bower.replace('RUN bower install --allow-root\n', ''), { verify: true }).proof?.unproven).toEqual([]);
  });
  it('is build level for uWSGI on the slim variant: it links what its build finds on the full image', () => {
    const r = convert('FROM python:3.11\nRUN pip install Flask==3.0.0 uWSGI==2.0.23\nCOPY app /app\nCMD ["uwsgi", "--http", ":9090"]\n', { verify: true });
    expect(r.proof?.unproven.map((u) => u.id)).toEqual(['unproven-linked-libs']);
  });
  it('is build level for a requirement with extras the table does not know to be pure (item 8: psycopg2 through an extra)', () => {
    const text = (req: string) => `FROM python:2.7.18\nRUN pip install newrelic-plugin-agent\nRUN pip install ${req}\nCMD ["newrelic-plugin-agent", "-f"]\n`;
    const r = convert(text('newrelic-plugin-agent[postgresql]'), { verify: true });
    expect(r.proof?.unproven.map((u) => u.id)).toEqual(['unproven-extras']);
    expect(r.proof?.unproven[0]?.message).toContain('newrelic-plugin-agent[postgresql]');
    expect(convert(text("'celery[redis,sqs]==5.3.6'"), { verify: true }).proof).toEqual({ level: 'static', unproven: [] });
    expect(convert(text("'celery[redis,librabbitmq]'"), { verify: true }).proof?.unproven.map((u) => u.message)).toEqual([expect.stringContaining('celery[librabbitmq]')]);
  });
  it("is build level for a virtual environment of the distribution's python (item 8: apt's python-virtualenv, /usr/bin/python3)", () => {
    const venv = (run: string) => convert(`FROM python:3.11-bookworm\n${run}\nCMD ["/venv/bin/flask", "run"]\n`, { verify: true }).proof?.unproven.map((u) => u.id);
    expect(venv('RUN apt-get update && apt-get install -y virtualenv && virtualenv /venv && /venv/bin/pip install flask')).toEqual(['unproven-distro-venv']);
    expect(venv('RUN /usr/bin/python3 -m venv /venv && /venv/bin/pip install flask')).toEqual(['unproven-distro-venv']);
    expect(venv('RUN pip install virtualenv && virtualenv /venv && /venv/bin/pip install flask')).toEqual([]);
    expect(venv('RUN apt-get update && apt-get install -y virtualenv && virtualenv -p python3 /venv && /venv/bin/pip install flask')).toEqual([]);
    expect(venv('RUN python3 -m venv /venv && /venv/bin/pip install flask')).toEqual([]);
  });
  it('is static for an official image moved to its slim variant, and says what it saves', () => {
    const r = convert('FROM python:3.11\nRUN apt-get update && apt-get install -y gcc\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["a"]\n');
    expect(r.status).toBe('changed');
    expect(r.proof).toEqual({ level: 'static', unproven: [] });
    expect(r.saves).toEqual({ packages: ['gcc'], tools: ['gcc'], caches: [], image: { from: 'python:3.11', to: 'python:3.11-slim' }, env: [], size: { before: 1020, after: 130 } });
  });
});

// issue 24: C and C++ installed by a build system on debian/ubuntu (src/install-prefix.ts)
describe('the proof of a C/C++ install on a distribution image', () => {
  const ubuntu = (packages: string, build: string) => `FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y g++ make ${packages}\nWORKDIR /src\nCOPY . .\nRUN ${build}\nCMD ["/opt/app/bin/tool"]\n`;
  // each unproven fact's id, and the words of its message that name it
  const unproven = (text: string) => convert(text, { verify: true }).proof?.unproven.map((u) => [u.id, /installs (.*): what|package of (\S+)|keeps (\S+),/.exec(u.message)?.slice(1).find(Boolean)]);
  it('is static on the same ubuntu tag when the prefix is named and every -dev package has its runtime package', () => {
    expect(unproven(ubuntu('libssl-dev', './configure --prefix=/opt/app && make && make install'))).toEqual([]);
    expect(unproven(ubuntu('libssl-dev', 'make && make install PREFIX=/opt/app'))).toEqual([]);
  });
  it('is build level for a -dev package whose runtime package the table does not name', () => {
    expect(unproven(ubuntu('libboost-dev', './configure --prefix=/opt/app && make && make install'))).toEqual([['runtime-package-unknown', 'libboost-dev']]);
  });
  it("is build level when nothing names the prefix (a Makefile's own default), for a DESTDIR, or a configure path outside the prefix", () => {
    expect(unproven(ubuntu('libssl-dev', 'make && make install'))).toEqual([['unproven-install-prefix', 'where its Makefile chooses: no configure step or PREFIX= names the prefix']]);
    expect(unproven(ubuntu('libssl-dev', './configure --prefix=/opt/app && make && make install DESTDIR=/pkg'))).toEqual([['unproven-install-prefix', 'into a DESTDIR']]);
    expect(unproven(ubuntu('libssl-dev', './configure --prefix=/opt/app --with-config-file=/etc/tool.conf && make && make install'))).toEqual([['unproven-install-prefix', 'where its configure step also names /etc/tool.conf']]);
    expect(unproven(ubuntu('libssl-dev', 'cmake -B b -DCMAKE_INSTALL_PREFIX=/opt/app -DCMAKE_INSTALL_SYSCONFDIR=/etc && cmake --build b && cmake --install b'))).toEqual([['unproven-install-prefix', 'where its configure step also names /etc']]);
  });
  it('holds every install of the file to its prefix, not only the last one into the prefix copied', () => {
    const text = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y g++ make libssl-dev\nCOPY dep /usr/src/dep\nRUN cd /usr/src/dep && make && make install\nCOPY . /src\nRUN cd /src && ./configure && make && make install\nCMD ["tool"]\n';
    expect(convert(text, { verify: true }).proof?.unproven.map((u) => [u.id, u.line])).toEqual([['unproven-install-prefix', 4]]);
  });
  it('keeps the generic same-image proof for a floating tag (no release) and for artifacts that are not an install prefix', () => {
    expect(unproven(ubuntu('libssl-dev', './configure --prefix=/opt/app && make && make install').replace('ubuntu:22.04', 'ubuntu:latest'))).toEqual([['unproven-same-base-split', 'ubuntu:latest']]);
  });
});
