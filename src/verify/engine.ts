// Which Docker engine and builder verify uses. Every docker command goes through the docker CLI with
// the process's environment, so DOCKER_HOST (a remote engine, another daemon's socket) and
// DOCKER_CONTEXT choose the engine, for the check that one answers, the builds, the runs and the
// cleanup alike; nothing here names a socket. `--builder NAME` builds with a buildx builder instead
// (`docker buildx build --builder NAME --load`: the Kubernetes, remote and docker-container drivers),
// whose images are loaded into that same engine to be run and compared.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** How the images are built: the docker client (every later command uses it too), its arguments and environment. */
interface Builder {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export type Engine = { kind: 'ready'; builder: Builder } | { kind: 'no-engine' | 'no-buildx'; message: string };

/** A buildx builder's name as `docker buildx create --name` accepts it (never read as an option). */
const BUILDX_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const NO_ENGINE = 'no Docker engine answers';

/** Why `--builder NAME` cannot be used here, or null: the `docker` on PATH has buildx. */
export function buildxMissing(name: string): string | null {
  if (!BUILDX_NAME.test(name)) return `--builder ${name}: not a buildx builder name (letters, digits, '_', '.', '-')`;
  const r = spawnSync('docker', ['buildx', 'version'], { encoding: 'utf8' });
  return r.status === 0 ? null : `--builder ${name} needs docker buildx, and \`docker buildx version\` fails here; install the buildx plugin or drop --builder`;
}

/**
 * The engine (it must answer `docker info`) and the builder. With a buildx builder's name, the `docker`
 * first on PATH, whose buildx plugin knows the builder; otherwise chooseBuilder's.
 */
export function findEngine(buildx?: string): Engine {
  if (buildx !== undefined) {
    const missing = buildxMissing(buildx);
    if (missing) return { kind: 'no-buildx', message: missing };
  }
  const client = buildx !== undefined || !existsSync('/usr/bin/docker') ? 'docker' : '/usr/bin/docker';
  const info = spawnSync(client, ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.status !== 0 || !info.stdout.trim()) return { kind: 'no-engine', message: NO_ENGINE };
  if (buildx !== undefined) return { kind: 'ready', builder: { name: `BuildKit (buildx builder ${buildx})`, command: 'docker', args: ['buildx', 'build', '--builder', buildx, '--load', '--progress', 'plain'], env: { ...process.env } } };
  return { kind: 'ready', builder: chooseBuilder(info.stdout.trim()) };
}

/**
 * BuildKit when the engine offers it: it builds only the stages the final one depends on, as Docker
 * 23+ does by default, so a builder stage the runtime never copies from (and its tests) would show as
 * skipped. It needs a daemon of 18.09 or later and a client that drives it: Debian's client
 * (/usr/bin/docker, 18.09 to 22) does with DOCKER_BUILDKIT=1; a client of 23 or later needs buildx.
 * Otherwise the legacy builder, said so. Every later docker command uses the same client.
 */
function chooseBuilder(serverVersion: string): Builder {
  // --force-rm: the legacy builder's intermediate containers go even when a build fails or is stopped
  const legacy = (why: string) => ({ name: `legacy (${why}: a builder stage is built even when nothing is copied from it)`, command: 'docker', args: ['build', '--force-rm'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  if (versionBefore(serverVersion, 18, 9)) return legacy(`the engine ${serverVersion} predates BuildKit (18.09)`);
  const env = { ...process.env, DOCKER_BUILDKIT: '1' };
  for (const client of ['/usr/bin/docker', 'docker']) {
    if (client.startsWith('/') && !existsSync(client)) continue;
    const v = spawnSync(client, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' });
    if (v.error || !v.stdout.trim()) continue;
    const version = v.stdout.trim();
    if (versionBefore(version, 18, 9)) continue;
    if (versionBefore(version, 23, 0)) return { name: 'BuildKit', command: client, args: ['build', '--progress', 'plain'], env };
    if (spawnSync(client, ['buildx', 'version'], { encoding: 'utf8' }).status === 0) return { name: 'BuildKit (buildx)', command: client, args: ['buildx', 'build', '--load', '--progress', 'plain'], env };
  }
  return legacy('no BuildKit client found: neither /usr/bin/docker before 23 nor `docker buildx`');
}

/** Whether a Docker version (`20.10.24+dfsg1`, `18.09.7`, `27.3.1`) is older than major.minor; an unreadable one is not. */
export function versionBefore(version: string, major: number, minor: number): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a < major || (a === major && b < minor);
}
