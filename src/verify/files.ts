// Files the converted image has that the original does not: a secret the original's build deletes
// (`/root/.netrc`, `/root/.ssh/id_rsa`) but the runtime stage copies again is one. The whole filesystem
// is compared, not only the working directory. A runtime base is a different image from the original's
// base, so its own files (distroless's `/var/lib/dpkg/status.d/...`, another distribution's
// `/etc/os-release` links) are not counted: only what neither the original nor that base has is.
import { parse } from '../parse.js';

/** Entries the engine makes in, or mounts into, every container: not the image's doing. */
const ENGINE = /^(?:proc|sys|dev)(?:\/|$)|^\.dockerenv$|^etc\/(?:hostname|hosts|resolv\.conf)$/;

/**
 * The files (not directories) listed in `converted` that neither `original` nor `base` lists, as absolute
 * paths, sorted. The lists are `tar -t` names of `docker export` (`etc/passwd`, `./root/.netrc`;
 * a directory ends with `/`).
 */
export function extraFiles(converted: readonly string[], original: readonly string[], base: readonly string[]): string[] {
  const norm = (name: string) => name.replace(/^(?:\.\/|\/)+/, '');
  // a file named by the time a command ran (npm's `/root/.npm/_logs/2026-12-07T17_56_05_271Z-debug-0.log`) is the
  // original's of the same name at another time: the runtime stage repeats the command later
  const known = new Set([...original, ...base].flatMap((n) => [norm(n), untimed(norm(n))]));
  const extra = new Set<string>();
  for (const raw of converted) {
    const name = norm(raw);
    if (!name || name.endsWith('/') || ENGINE.test(name) || known.has(name) || (untimed(name) !== name && known.has(untimed(name)))) continue;
    extra.add(`/${name}`);
  }
  return [...extra].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A name with the ISO 8601 times in it (`2026-12-07T17_56_05_271Z`, `:` written as `_` or kept) replaced by one placeholder. */
function untimed(name: string): string {
  return name.replace(/\d{4}-\d{2}-\d{2}T\d{2}[_:]\d{2}[_:]\d{2}(?:[_.]\d{1,9})?Z/g, '<time>');
}

/**
 * A Dockerfile that builds the converted file's runtime base as that file resolves it (global ARGs,
 * `--platform`, a stage it starts from): the text up to the end of its last FROM. Null when the text
 * does not parse.
 */
export function runtimeBaseDockerfile(converted: string): string | null {
  let model;
  try {
    model = parse(converted);
  } catch {
    return null;
  }
  const last = model.stages.at(-1);
  if (!last) return null;
  return `${model.bom ? '\uFEFF' : ''}${model.text.slice(0, model.instructions[last.from]!.end)}${model.eol}`;
}
