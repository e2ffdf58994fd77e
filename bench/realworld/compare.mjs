// The comparisons the harness makes between an original image and its conversion, in order; the
// first failing check names the result. Everything is differential: what the original itself lacks
// (a command that does not resolve in it either, a library it was already missing) is not held
// against the conversion.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Shell words that are not programs on PATH. */
const BUILTINS = new Set(['exec', 'cd', 'echo', 'set', 'export', 'test', '[', 'true', 'false', ':', 'source', '.', 'eval', 'trap', 'ulimit', 'umask', 'wait', 'read', 'printf', 'exit', 'if', 'then', 'else', 'fi', 'for', 'do', 'done', 'while', 'case', 'esac', 'unset', 'shift', 'return', 'local']);

/** The config fields that must be equal. */
export const CONFIG_FIELDS = ['Entrypoint', 'Cmd', 'User', 'WorkingDir', 'Env'];

export function inspect(docker, tag) {
  const r = docker(['image', 'inspect', '-f', '{{json .Config}}|{{.Size}}', tag]);
  if (r.status !== 0) throw new Error(`inspect ${tag}: ${r.stderr}`);
  // the size follows the last `|`: the configuration may hold one (a CMD with a pipe)
  const out = r.stdout.trim();
  const bar = out.lastIndexOf('|');
  return { config: JSON.parse(out.slice(0, bar)), size: Number(out.slice(bar + 1)) };
}

/** Variables that only describe a toolchain's own version or download (the images' metadata). */
const METADATA = /(_VERSION|_SHA256|_SHA512|_SHA1|_MD5|_DOWNLOAD_URL|_DOWNLOAD_SHA\d*|_URL)$|^(GPG_KEYS?|GPG_KEY_\w+|GOTOOLCHAIN)$/;

/**
 * Every variable of the original image, with its value, must be in the conversion (toolchain version
 * metadata aside); the conversion may only add what its own runtime base sets (distroless: SSL_CERT_FILE).
 */
export function compareEnv(a, b, runtimeBaseEnv) {
  const map = (list) => new Map(list.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const [x, y, base] = [map(a), map(b), new Set(runtimeBaseEnv)];
  const lost = [...x].filter(([k, v]) => !METADATA.test(k) && y.get(k) !== v).map(([k, v]) => `${k}=${v} -> ${y.has(k) ? y.get(k) : '(unset)'}`);
  const added = [...y].filter(([k, v]) => !x.has(k) && !METADATA.test(k) && !base.has(`${k}=${v}`)).map(([k, v]) => `+${k}=${v}`);
  return lost.length || added.length ? [...lost, ...added].join(', ').slice(0, 400) : null;
}

/** Extract an image's filesystem (never started) into `into`. */
export function extract(docker, env, tag, into) {
  mkdirSync(into, { recursive: true });
  const id = docker(['create', tag, '/x']).stdout.trim();
  try {
    const r = spawnSync('sh', ['-c', `/usr/bin/docker export "$1" | tar -x -C "$2" --exclude='dev/*' --no-same-owner 2>/dev/null; exit 0`, 'sh', id, into], { env });
    if (r.status !== 0) throw new Error(`export ${tag} failed`);
  } finally {
    docker(['rm', '-f', id]);
  }
  return into;
}

/** The programs a container starts: ENTRYPOINT/CMD's first word, and every command of a shell form. */
export function startedCommands(config, parseShell) {
  const list = [];
  const argv = [...(config.Entrypoint ?? []), ...(config.Entrypoint?.length ? [] : (config.Cmd ?? []))];
  const words = (arr) => {
    if (!arr?.length) return;
    if (/^(\/bin\/)?(ba)?sh$/.test(arr[0]) && arr[1] === '-c' && arr[2]) {
      list.push(arr[0]);
      try {
        for (const c of parseShell(arr[2]).commands) if (c.words[0] && !c.words[0].includes('$')) list.push(c.words[0]);
      } catch {
        // unparsable script: its first word only
      }
    } else list.push(arr[0]);
  };
  words(argv);
  if (config.Entrypoint?.length && config.Cmd?.length && /(^|\/)(tini|dumb-init|gosu|su-exec)$/.test(config.Entrypoint[0])) words(config.Cmd);
  const hc = config.Healthcheck?.Test;
  if (hc?.[0] === 'CMD') words(hc.slice(1));
  if (hc?.[0] === 'CMD-SHELL') words(['/bin/sh', '-c', hc[1]]);
  return [...new Set(list.filter((w) => !BUILTINS.has(w)))];
}

/** Resolve a command the way execvp would, inside an extracted root; null when not found. */
export function resolveCommand(root, command, config, resolveInRoot) {
  const env = Object.fromEntries((config.Env ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const candidates = command.includes('/') ? [posix.resolve(config.WorkingDir || '/', command)] : (env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':').map((d) => posix.join(d || '.', command));
  for (const c of candidates) {
    const host = resolveInRoot(root, c);
    if (host && statSync(host).isFile() && statSync(host).mode & 0o111) return c;
  }
  return null;
}

/** Relative paths of every file and link under `dir` (inside the root), or [] when it is missing. */
export function filesUnder(root, dir, resolveInRoot) {
  const host = resolveInRoot(root, dir);
  if (!host) return [];
  const out = [];
  const walk = (h, rel, depth) => {
    if (depth > 12 || out.length > 20000) return;
    let st;
    try {
      st = lstatSync(h);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of readdirSync(h)) walk(join(h, e), rel ? `${rel}/${e}` : e, depth + 1);
    else out.push(rel);
  };
  walk(host, '', 0);
  return out;
}

/** Absolute paths that ENTRYPOINT/CMD name as arguments (`java -jar /app/app.jar`, `python /srv/main.py`). */
export function namedPaths(config) {
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  const out = new Set();
  for (const a of argv)
    for (const m of a.matchAll(/(?:^|[\s=:'"])(\/[\w.@+-]+(?:\/[\w.@+-]+)*)/g)) {
      if (!/^\/(bin|sbin|usr\/bin|usr\/sbin|usr\/local\/bin|dev|proc|tmp|etc\/hosts|bin\/sh)(\/|$)/.test(m[1])) out.add(m[1]);
    }
  return [...out];
}
