// A container that starts a static file server on a directory the build made (`npm run build`, then `CMD
// ["http-server", "dist"]`: the image the Vue and React guides describe) runs nothing of the project but that
// directory: the sources, node_modules and the build's caches are the builder's. What experts write: the served
// directory alone copied from the builder, the server installed globally as the original does. That the build makes
// the directory where the command names it only a build shows (a COPY of a missing path fails it): `build` level
// (unproven-served-dir).
import { copyDestination, filePaths, type Analysis } from './analyze/index.js';
import { familyOf, installedNodePackages, isNeutral, registryInstall } from './commands/index.js';
import { STATIC_FILE_SERVERS } from './knowledge/node-packages.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { isInside, joinPath } from './paths.js';
import type { Artifact } from './preset.js';
import { startCommand } from './runtime-contract.js';

/** A global install of npm registry packages by name (`npm install -g http-server`, `yarn global add serve`; registryInstall), not of a path. */
function globalRegistryInstall(words: readonly string[]): boolean {
  return familyOf(words[0] ?? '')?.id === 'node' && registryInstall(words);
}

/** The directory a static file server the container starts serves, with the server's name and the command's line; null when the command is no such server, or what it serves cannot be told. */
export function servedDirectory(model: Model, analysis: Analysis): { dir: string; server: string; line: number } | null {
  const start = startCommand(model);
  // the server found on PATH (a global install), not one of the project's own node_modules
  const server = start?.words[0] ?? '';
  const known = Object.hasOwn(STATIC_FILE_SERVERS, server) ? STATIC_FILE_SERVERS[server] : undefined;
  if (!start || !known) return null;
  const positional: string[] = [];
  const words = start.words.slice(1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) positional.push(w);
    else if (known.valueOptions.includes(w)) i++;
    else if (known.flags.includes(w)) {
      if (words[i + 1] === 'true' || words[i + 1] === 'false') i++;
    } else if (!(w.includes('=') && known.valueOptions.includes(w.slice(0, w.indexOf('='))))) return null;
  }
  if (positional.length !== 1 || /[$*?~`]/.test(positional[0]!)) return null;
  const installed = [...analysis.runs.values()].some((r) => r.commands.some((c) => globalRegistryInstall(c.words) && installedNodePackages(c.words).includes(known.package)));
  if (!installed) return null;
  const workdir = analysis.scopes.get(start.ins.index)?.workdir ?? '/';
  return { dir: joinPath(workdir, positional[0]!), server, line: start.ins.line };
}

/**
 * The artifacts with the project directory that holds the served directory replaced by that directory alone, the
 * context copies into the project before the build (its inputs, which the runtime stage leaves out), and what a build
 * must prove; null when the container serves no such directory, or something else of the project may be
 * read at run time: another artifact inside the project, or a RUN the runtime stage repeats that works in it or names
 * a path of it outside the served directory.
 */
export function servedArtifacts(model: Model, analysis: Analysis, artifacts: readonly Artifact[]): { artifacts: Artifact[]; inputs: number[]; unproven: Finding[] } | null {
  const served = servedDirectory(model, analysis);
  if (!served) return null;
  const hosts = artifacts.filter((a) => !a.fromImage && !a.brings && (a.to ?? a.path) === a.path && a.path !== served.dir && isInside(served.dir, a.path));
  if (hosts.length !== 1) return null;
  const host = hosts[0]!;
  if (artifacts.some((a) => a !== host && (isInside(a.to ?? a.path, host.path) || isInside(host.path, a.to ?? a.path)))) return null;
  // (the project directory itself named, `mkdir -p /app`, reads nothing in it)
  const outside = (p: string) => p !== host.path && isInside(p, host.path) && !isInside(p, served.dir);
  for (const c of analysis.classifications) {
    if (c.phase === 'build' || model.instructions[c.index]?.keyword !== 'RUN') continue;
    for (const x of analysis.runs.get(c.index)?.commands ?? []) {
      // a global install of registry packages, a system package install or a command that only prints reads
      // nothing of the project it runs in
      if (globalRegistryInstall(x.words) || x.install || x.kind === 'package-maintenance' || (isNeutral(x.words[0] ?? '') && !x.writes.length)) continue;
      // a file command by the paths it names; any other by where it runs too (a script run in the project reads it)
      const files = filePaths(x);
      if (files ? files.some((p) => p.includes('$') || outside(p)) : isInside(x.cwd, host.path) || x.words.some((w) => w.includes('$') || (w.startsWith('/') && outside(w)))) return null;
    }
  }
  // the build's inputs copied from the context into the project (`COPY package*.json ./`, `COPY . .`) are the builder's
  const inputs = model.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.stage === 0 && i.from === null && i.index < host.producer && isInside(copyDestination(i, analysis.scopes.get(i.index) ?? '/') ?? '/', host.path)).map((i) => i.index);
  const artifact: Artifact = { path: served.dir, producer: host.producer, why: { id: 'artifact-served', data: { path: served.dir, server: served.server, project: host.path }, line: served.line } };
  return {
    artifacts: artifacts.map((a) => (a === host ? artifact : a)),
    inputs,
    unproven: [{ id: 'unproven-served-dir', data: { path: served.dir, server: served.server, project: host.path }, line: served.line }],
  };
}
