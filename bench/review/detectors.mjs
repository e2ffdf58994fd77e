// The review's automatic detectors (issue 23, "Measure it as the reviewer did"): pure functions over one
// conversion, (input, result), each for an item of the failure catalogue. They read the output itself
// with dfsplit's own readers, not the plan: a second opinion on what dfsplit proved. `lib` holds those
// readers (from dist/ in bench/review/review.mjs, from src/ in the tests: test/shared.ts's `reviewLib`).
// A hit is { detector, text, detail }: the instruction concerned and what is wrong with it.
import { removed } from '../safety-scan.mjs';
import { CA_PATHS, RELEASE_PACKAGES, RELEASES, TOOL_PATHS, TRIVIAL_PACKAGES } from './facts.mjs';

/** Every detector: its id, the catalogue item it stands for, and what a hit means. */
export const DETECTORS = [
  { id: 'shell-syntax', item: 1, title: 'an emitted RUN does not parse with the shell parser', detect: shellSyntax },
  { id: 'copy-missing', item: 4, title: 'COPY --from of a path the builder moves, deletes or never makes', detect: copyMissing },
  { id: 'system-dir', item: 6, title: 'COPY --from of / or a whole system directory', detect: systemDirCopy },
  { id: 'wrong-packages', item: 7, title: "a package manager or package name foreign to the runtime image's distribution release", detect: wrongPackages },
  { id: 'ca-certificates', item: 8, title: 'a program moved off a full image onto one without CA certificates (heuristic: it may make no HTTPS call)', detect: caCertificates },
  { id: 'unknown-image-tool', item: 12, title: "COPY --from of a toolchain path of an image dfsplit's image table does not know", detect: unknownImageTool },
  { id: 'no-gain', item: 13, title: 'same image, and only cleanup, upgrades, git or make (or steps inside the copied tree) left out', detect: noGain },
];

/**
 * Every detector's hits for one conversion, by detector id (an empty list each unless `changed`). Of the
 * result, only `status` and `output` are read (a hand-written pair is `{ status: 'changed', output }`).
 */
export function detectAll(input, result, lib) {
  const out = Object.fromEntries(DETECTORS.map((d) => [d.id, []]));
  if (result.status !== 'changed') return out;
  const v = view(input, result, lib);
  for (const d of DETECTORS) out[d.id] = d.detect(v, lib).map((h) => ({ detector: d.id, ...h }));
  return out;
}

/** One detector's hits (for the tests). */
export function detectOne(id, input, result, lib) {
  return detectAll(input, result, lib)[id] ?? [];
}

/** What every detector reads, computed once: the original, the output, its builder and its runtime stage, each analyzed. */
function view(input, result, lib) {
  const original = lib.parse(input);
  const out = lib.parse(result.output);
  const first = out.stages[0];
  const builder = { ...out, instructions: out.instructions.filter((i) => i.stage <= 0), stages: [first] };
  const builderAnalysis = lib.analyze(builder);
  // the runtime stage (the last one), read as a Dockerfile of its own
  const runtime = lib.parse(result.output.slice(out.instructions[out.stages[out.stages.length - 1].from].start));
  const runtimeAnalysis = lib.analyze(runtime);
  const builderImage = first.image;
  const runtimeImage = runtime.stages[0].image;
  const names = new Set([first.name, '0'].filter((x) => x !== null));
  // the COPY --from instructions of the runtime stage that copy from the builder: their sources, absolute
  const fromBuilder = runtime.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.from !== null && names.has(i.from.toLowerCase())).map((ins) => ({ ins, sources: ins.sources.filter((s) => s !== '') }));
  return { input, result, original, out, builder, builderAnalysis, runtime, runtimeAnalysis, builderImage, runtimeImage, fromBuilder, events: builderEvents(builder, builderAnalysis, lib) };
}

const firstLine = (ins) => ins.raw.split('\n')[0].slice(0, 160);
const inside = (path, dir) => dir === '/' || path === dir || path.startsWith(`${dir}/`);
const glob = (p) => /[*?[]/.test(p);
/** `path` lies in `pattern`, a path whose last names may hold `*` (`/usr/local/lib/python*`). */
function under(path, pattern) {
  if (!glob(pattern)) return inside(path, pattern);
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
  return re.test(path);
}

/**
 * What the builder does to paths, in order: `make` (a command's outputs and writes, `mkdir`, a COPY's
 * destination, a WORKDIR), `remove` (`rm`), `move` (the sources of `mv`, which are gone after it).
 */
function builderEvents(builder, analysis, lib) {
  const events = [];
  for (const ins of builder.instructions) {
    const scope = analysis.scopes.get(ins.index);
    if (!scope) continue;
    if (ins.keyword === 'WORKDIR') events.push({ kind: 'make', path: lib.joinPath(scope.workdir, ins.path), ins });
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null) {
      const dest = lib.copyDestination(ins, scope.workdir);
      if (dest) events.push({ kind: 'make', path: dest, ins });
    }
    if (ins.keyword !== 'RUN') continue;
    const home = lib.homeOf(scope.user ?? null, scope.env);
    for (const c of analysis.runs.get(ins.index)?.commands ?? []) {
      for (const path of removed(c, lib, home)) events.push({ kind: 'remove', path, ins, command: c });
      if (c.words[0] === 'mv') {
        const operands = c.words.slice(1).filter((w) => !w.startsWith('-'));
        for (const w of operands.slice(0, -1)) if (!w.includes('$')) events.push({ kind: 'move', path: lib.joinPath(c.cwd, w), ins, command: c });
      }
      const made = [...c.outputs, ...c.writes, ...c.produced];
      if (c.words[0] === 'mkdir') for (const w of c.words.slice(1)) if (!w.startsWith('-')) made.push(lib.joinPath(c.cwd, w));
      // a copy's destination (`cp target/app.jar /app.jar`), the last operand as for mv
      if (c.words[0] === 'cp' || c.words[0] === 'mv') {
        const last = c.words
          .slice(1)
          .filter((w) => !w.startsWith('-'))
          .at(-1);
        if (last && !last.includes('$')) made.push(lib.joinPath(c.cwd, last));
      }
      if (c.unnamedOutputs) made.push(c.cwd);
      for (const path of made) events.push({ kind: 'make', path, ins, command: c });
    }
  }
  return events;
}

// 1 ---------------------------------------------------------------------------------------------------
/** Every shell-form or heredoc RUN of the output parses, unless the original has the same script and it fails there too. */
function shellSyntax(v, lib) {
  const broken = (ins) => ins.keyword === 'RUN' && ins.form !== 'exec' && lib.parseFull(ins.script).error;
  const originalBroken = new Set(v.original.instructions.filter(broken).map((i) => i.script));
  const hits = [];
  for (const ins of v.out.instructions) {
    if (!broken(ins) || originalBroken.has(ins.script)) continue;
    hits.push({ text: firstLine(ins), detail: `line ${ins.line}: ${lib.parseFull(ins.script).error}` });
  }
  return hits;
}

// 4 ---------------------------------------------------------------------------------------------------
/**
 * A `COPY --from` source the builder deletes (`rm`) or renames away (`mv`) after it last made it, one
 * with a quote left in it (an ENV value's quotes), or one no builder step makes at all outside the
 * toolchain paths of the image's layout (those are item 12's).
 */
function copyMissing(v, lib) {
  const hits = [];
  for (const { ins, sources } of v.fromBuilder)
    for (const src of sources) {
      if (/["']/.test(src)) {
        hits.push({ text: firstLine(ins), detail: `${src}: a quote is part of the path` });
        continue;
      }
      if (src.includes('$')) continue;
      const path = src.startsWith('/') ? src.replace(/\/+$/, '') || '/' : `/${src}`;
      if (glob(path)) continue;
      let lastMake = -1;
      v.events.forEach((e, k) => {
        if (e.kind === 'make' && (inside(path, e.path) || inside(e.path, path))) lastMake = k;
      });
      const gone = v.events.find((e, k) => k > lastMake && (e.kind === 'remove' || e.kind === 'move') && under(path, e.path));
      if (gone) {
        hits.push({ text: firstLine(ins), detail: `${path}: ${e2s(gone)} at line ${gone.ins.line}${lastMake >= 0 ? `, after it was made at line ${v.events[lastMake].ins.line}` : ''}` });
        continue;
      }
      // files the image table says every tag of the builder's image carries (the CA bundle, the time zones)
      if (lastMake < 0 && imageCarries(path, v.builderImage, lib)) continue;
      if (lastMake < 0 && !TOOL_PATHS.some((t) => under(path, t) || inside(t, path))) hits.push({ text: firstLine(ins), detail: `${path}: no builder step makes it` });
    }
  return hits;
}
/** True when the image table says every tag of `image` carries `path` (the CA certificate bundle, the time zone database, golang Alpine's nsswitch.conf, the Go toolchain's zoneinfo.zip, Debian's /usr/local/bin). */
function imageCarries(path, image, lib) {
  if (path === '/etc/ssl/certs/ca-certificates.crt') return lib.hasCaCertificates(image) === true;
  if (path === '/usr/share/zoneinfo') return lib.hasZoneinfo(image) === true;
  // Debian's base-files makes /usr/local/bin, share and etc on every Debian and Ubuntu image (pip of the distribution's
  // Python writes its scripts and data files there). Written here, not asked of dfsplit: a detector checks dfsplit
  if (['/usr/local/bin', '/usr/local/share', '/usr/local/etc'].includes(path)) return ['debian', 'ubuntu'].includes(lib.distributionOf(image)?.name ?? '');
  // the Go toolchain of every golang image (GOROOT /usr/local/go) ships its time zone database
  if (path === '/usr/local/go/lib/time/zoneinfo.zip') return lib.parseImage(image).name.replace(/^library\//, '') === 'golang';
  // the golang image's Alpine tags write it (`hosts: files dns`) on the Alpine releases before it had one
  // (a tag that names no Alpine release, `golang:1.9-alpine`: the release the tag table says it was last built on)
  if (path === '/etc/nsswitch.conf') return lib.hasNsswitchConf(image, releaseOf(image, lib)?.release ?? lib.buildRelease(image)?.release ?? null) === true;
  return false;
}
const e2s = (e) => (e.kind === 'remove' ? `deleted by \`${e.command.words.join(' ')}\`` : `moved away by \`${e.command.words.join(' ')}\``);

// 6 ---------------------------------------------------------------------------------------------------
/** A `COPY --from` (of the builder or any image) of the root or a whole system directory. */
function systemDirCopy(v, lib) {
  const hits = [];
  for (const ins of v.runtime.instructions) {
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from === null) continue;
    for (const src of ins.sources) {
      const path = lib.joinPath('/', src);
      const dir = path === '/' ? '/' : path.replace(/\/+$/, '');
      if (lib.systemDir(dir)) hits.push({ text: firstLine(ins), detail: `${dir} copied whole` });
    }
  }
  return hits;
}

// 7 ---------------------------------------------------------------------------------------------------
/** The distribution and release of an image, as far as its name, its tag and dfsplit's image table say. */
export function releaseOf(image, lib) {
  const ref = lib.parseImage(image);
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const dist = lib.distributionOf(image);
  const alpine = /(?:^|-)alpine(3\.\d+)(?:-|$)/.exec(tag) ?? (ref.name === 'alpine' ? /^(3\.\d+)/.exec(tag) : null);
  if (alpine) return { name: 'alpine', release: alpine[1].replace(/^alpine/, '') };
  if (dist?.name === 'alpine' || /(?:^|-)alpine(?:-|$)/.test(tag)) return { name: 'alpine', release: null };
  for (const [name, { order, numbers }] of Object.entries(RELEASES)) {
    const word = tag.split(/[-_]/).find((w) => order.includes(w) || Object.hasOwn(numbers, w));
    if (word && (name !== 'debian' || ref.name !== 'ubuntu')) return { name, release: order.includes(word) ? word : numbers[word] };
    if (ref.name === name) {
      const n = /^(\d+(?:\.\d+)?)/.exec(tag)?.[1];
      const r = n && (order.includes(n) ? n : numbers[n.split('.')[0]]);
      return { name, release: r ?? null };
    }
  }
  return dist ? { name: dist.name, release: dist.release } : null;
}

/** Release `a` comes before `b` in `name`'s order (Alpine: by number). */
function before(name, a, b) {
  if (name === 'alpine') {
    const [x, y] = [a, b].map((r) => r.split('.').map(Number));
    return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  }
  const order = RELEASES[name]?.order ?? [];
  return order.indexOf(a) < order.indexOf(b);
}

/** The runtime stage runs another distribution's package manager, or installs a name its release does not have. */
function wrongPackages(v, lib) {
  const hits = [];
  const manager = lib.packageManagerOf(v.runtimeImage);
  const rel = releaseOf(v.runtimeImage, lib);
  for (const ins of v.runtime.instructions) {
    if (ins.keyword !== 'RUN') continue;
    for (const c of v.runtimeAnalysis.runs.get(ins.index)?.commands ?? []) {
      const own = lib.packageCommand(c.words[0] ?? '')?.packages.manager;
      if (own && manager && own !== manager) hits.push({ text: firstLine(ins), detail: `${c.words[0]} on ${v.runtimeImage}, whose package manager is ${manager}` });
      if (!rel?.release || !c.install) continue;
      for (const p of c.install.packages) {
        const range = RELEASE_PACKAGES[p]?.[rel.name];
        if (!range) continue;
        const [from, to] = range;
        if (before(rel.name, rel.release, from) || (to !== null && before(rel.name, to, rel.release))) hits.push({ text: firstLine(ins), detail: `${p} does not exist in ${rel.name} ${rel.release} (${from} to ${to ?? 'now'})` });
      }
    }
  }
  return hits;
}

// 8 ---------------------------------------------------------------------------------------------------
/** Whether a stage installs the ca-certificates package, or copies certificates from somewhere. */
function bringsCertificates(model, analysis) {
  for (const ins of model.instructions) {
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== null && ins.sources.some((s) => CA_PATHS.some((p) => inside(s, p) || inside(p, s)))) return true;
    if (ins.keyword === 'RUN' && (analysis.runs.get(ins.index)?.commands ?? []).some((c) => c.install?.packages.includes('ca-certificates'))) return true;
  }
  return false;
}

/**
 * A program copied from a builder that has CA certificates (a buildpack-based official image, or one whose
 * build installs them) onto scratch or a bare Debian or Ubuntu image, which have none, and the runtime
 * stage neither installs nor copies them. Alpine's and distroless's base images bring their own bundle.
 */
function caCertificates(v, lib) {
  if (v.builderImage === v.runtimeImage || v.fromBuilder.length === 0) return [];
  const rel = releaseOf(v.runtimeImage, lib);
  const bare = lib.isEmptyImage(v.runtimeImage) || (lib.isDistributionImage(v.runtimeImage) && rel?.name !== 'alpine');
  if (!bare) return [];
  const builderHas = lib.builtOnBuildpackDeps(v.builderImage) || bringsCertificates(v.builder, v.builderAnalysis);
  if (!builderHas || bringsCertificates(v.runtime, v.runtimeAnalysis)) return [];
  const https = /https:\/\//.test(v.runtime.instructions.map((i) => i.raw).join('\n')) ? ' (the runtime stage names an https:// URL)' : '';
  return [{ text: `FROM ${v.runtimeImage}`, detail: `${v.builderImage} has CA certificates, ${v.runtimeImage} has none and the runtime stage adds none${https}` }];
}

// 12 --------------------------------------------------------------------------------------------------
/** True when a row of dfsplit's image table names the image's repository (rules on tags alone do not count). */
export function knownImage(image, lib) {
  const ref = lib.parseImage(image);
  const tag = ref.tag ?? 'latest';
  return lib.IMAGES.some((row) => {
    const r = row.repository;
    if (r === null || (typeof r === 'string' ? r !== ref.name : !r.test(ref.name))) return false;
    if (row.registry !== undefined && row.registry !== ref.registry) return false;
    return !row.tag || row.tag.test(tag);
  });
}

/** A `COPY --from` of a toolchain path that no builder step makes, from a builder image the table does not know. */
function unknownImageTool(v, lib) {
  if (knownImage(v.builderImage, lib)) return [];
  const hits = [];
  for (const { ins, sources } of v.fromBuilder)
    for (const src of sources) {
      const path = lib.joinPath('/', src);
      const tool = TOOL_PATHS.find((t) => under(path, t));
      if (!tool) continue;
      if (v.events.some((e) => e.kind === 'make' && inside(path, e.path))) continue;
      hits.push({ text: firstLine(ins), detail: `${path} (${tool}) assumed of ${v.builderImage}, not in the image table` });
    }
  return hits;
}

// 13 --------------------------------------------------------------------------------------------------
/**
 * The builder and the runtime stage use the same image, and what the runtime stage leaves out is only
 * cleanup, package-list maintenance (update, upgrade, clean) and the packages git and make: the
 * conversion saves nothing worth a second stage.
 */
function noGain(v, lib) {
  if (v.builderImage !== v.runtimeImage) return [];
  const originalAnalysis = v.builderAnalysis;
  const replayed = new Set();
  const keptPackages = new Set();
  for (const run of v.runtimeAnalysis.runs.values())
    for (const c of run.commands) {
      replayed.add(c.words.join(' '));
      for (const p of c.install?.packages ?? []) keptPackages.add(p);
    }
  const runtimeRaws = new Set(v.runtime.instructions.map((i) => i.raw));
  // what lies inside a path the runtime stage copies from the builder is not left out
  const copied = v.fromBuilder.flatMap(({ sources }) => sources.map((s) => lib.joinPath('/', s)));
  const kept = (path) => copied.some((c) => inside(path, c));
  const gains = [];
  for (const ins of v.builder.instructions) {
    const scope = originalAnalysis.scopes.get(ins.index);
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null && !runtimeRaws.has(ins.raw) && !kept(lib.copyDestination(ins, scope?.workdir ?? '/') ?? '/')) gains.push(firstLine(ins));
    if (ins.keyword !== 'RUN') continue;
    for (const c of originalAnalysis.runs.get(ins.index)?.commands ?? []) {
      if (c.kind === 'cleanup' || c.kind === 'package-maintenance') continue;
      if (c.install) {
        const dropped = c.install.packages.filter((p) => !keptPackages.has(p) && !TRIVIAL_PACKAGES.includes(p));
        if (dropped.length) gains.push(`packages ${dropped.join(' ')}`);
        continue;
      }
      // a step that works inside a copied tree and writes nothing known elsewhere (`npm install` in the copied app) left nothing out
      if (kept(c.cwd) && [...c.outputs, ...c.produced, ...c.writes].every(kept)) continue;
      if (!replayed.has(c.words.join(' '))) gains.push(c.words.join(' ').slice(0, 80));
    }
  }
  if (gains.length) return [];
  return [{ text: `FROM ${v.runtimeImage}`, detail: 'builder and runtime are the same image, and only cleanup, upgrades, git, make or steps inside the copied tree are left out' }];
}
