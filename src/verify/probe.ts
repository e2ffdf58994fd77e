// Without a smoke command, verify starts both images as the user would (`docker run IMAGE`), waits, and
// compares whether each stays up; for a server it also connects to every exposed TCP port from inside
// the container's own network namespace (nsenter into the container's process, as root on the
// engine's host: nothing is published, no network is created) and compares what answers: refused, or
// the first line an HTTP request gets back.
import { readFileSync } from 'node:fs';
import type { Docker, VerifySession } from './session.js';

/** How long a server gets to come up before its ports are probed. */
const SETTLE_SECONDS = 3;

export async function compareStarts(images: { original: string; converted: string }, session: VerifySession, docker: Docker): Promise<{ same: boolean; message: string }> {
  const ids: string[] = [];
  for (const image of [images.original, images.converted]) ids.push((await docker(['run', '-d', '--network', 'none', ...session.containerOptions(), image])).stdout.trim());
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
    const states: string[] = [];
    for (const id of ids) states.push((await docker(['inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', id])).stdout.trim());
    if (states[0] !== states[1] || states[0] === '') return { same: false, message: `start: DIFFERENT (original: ${states[0]}, converted: ${states[1]})` };
    const up = states[0]!.startsWith('true');
    const started = `start: both ${up ? 'stay up' : `exit with ${states[0]!.split(' ')[1]}`}`;
    if (!up) return { same: true, message: started };
    const ports = await exposedTcpPorts(docker, images.original);
    if (!ports.length) return { same: true, message: started };
    const answers: (string[] | null)[] = [];
    for (const id of ids) answers.push(await probe(session, docker, id, ports));
    if (answers.some((a) => a === null)) return { same: true, message: `${started}; ports ${ports.join(', ')} not probed (needs nsenter and root on the engine's host)` };
    const diffs = ports.filter((_, i) => answers[0]![i] !== answers[1]![i]).map((p) => `port ${p}: ${answers[0]![ports.indexOf(p)]} vs ${answers[1]![ports.indexOf(p)]}`);
    if (diffs.length) return { same: false, message: `start: DIFFERENT answers on exposed ports\n${diffs.map((d) => `  ${d}`).join('\n')}` };
    return { same: true, message: `${started}; ports ${ports.map((p, i) => `${p} (${answers[0]![i]})`).join(', ')} answer alike` };
  } finally {
    await docker(['rm', '-f', ...ids.filter(Boolean)]);
  }
}

async function exposedTcpPorts(docker: Docker, image: string): Promise<number[]> {
  const raw = (await docker(['image', 'inspect', '-f', '{{json .Config.ExposedPorts}}', image])).stdout.trim();
  const ports = Object.keys((JSON.parse(raw || 'null') as Record<string, unknown> | null) ?? {});
  return ports
    .filter((p) => p.endsWith('/tcp'))
    .map((p) => Number(p.split('/')[0]))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
}

/**
 * Whether process `pid` of this machine is in the container `id`: its cgroup path names the container
 * (`/docker/<id>`, `/system.slice/docker-<id>.scope`, `<cgroup-parent>/<id>`). An engine elsewhere
 * (DOCKER_HOST of another machine) gives a pid of its own host, which here is some other process.
 */
export function pidInContainer(pid: string, id: string): boolean {
  try {
    return id.length >= 12 && readFileSync(`/proc/${pid}/cgroup`, 'utf8').includes(id);
  } catch {
    return false;
  }
}

/** Per port: `refused`, `open (no HTTP answer)` or the HTTP status line; null when probing is impossible here. */
async function probe(session: VerifySession, docker: Docker, id: string, ports: number[]): Promise<string[] | null> {
  const pid = (await docker(['inspect', '-f', '{{.State.Pid}}', id])).stdout.trim();
  // the full id: `docker run -d` prints it
  if (!/^[1-9]\d*$/.test(pid) || !pidInContainer(pid, id)) return null;
  const out: string[] = [];
  for (const port of ports) {
    const script = `exec 3<>/dev/tcp/127.0.0.1/${port} || { echo refused; exit 0; }; printf 'GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3; line=$(timeout 3 head -n 1 <&3 | tr -d '\\r'); echo "\${line:-open (no HTTP answer)}"`;
    const r = await session.run('nsenter', ['-t', pid, '-n', 'bash', '-c', script], { timeoutMs: 10_000 });
    if (r.status !== 0) return null;
    // the HTTP version and status code; the reason phrase and server banners may differ harmlessly
    out.push(r.stdout.trim().replace(/^(HTTP\/[\d.]+ \d{3}).*$/, '$1') || 'refused');
  }
  return out;
}
