// Before anything is emitted, the output is parsed again and the invariants are proven. Each check
// names what it protects; a failed check declines the file, nothing is written.
import { analyze, copyDestination, type Analysis } from './analyze/index.js';
import { homeOf, stripPrefix } from './analyze/run.js';
import { buildEnvReaders, packageCommand, pathOperands } from './commands/index.js';
import { secretLike, systemDir } from './knowledge/secrets.js';
import { hasShell, packageManagerOf } from './images.js';
import { imageConfig, inheritsSameConfig, METADATA_ENV } from './knowledge/image-config.js';
import { RUNTIME_LOCATION_ENV } from './knowledge/java.js';
import type { Finding, MessageId } from './messages.js';
import type { CopyInstruction, Instruction, Model } from './model.js';
import { flag } from './model.js';
import { parse } from './parse.js';
import { joinPath, PathIndex } from './paths.js';
import { under } from './state-model.js';
import { plainWords } from './shell-words.js';
import { parseFull, parseShell } from './shell.js';

/** What the check needs besides the two texts. */
export interface CheckInput {
  original: Model;
  output: string;
  builderName: string;
  /** Paths the builder makes (outputs, COPY destinations, working directories). */
  madePaths: readonly string[];
  /** The output already parsed (by whoever found `madePaths` in it); parsed here when absent. */
  outputModel?: Model;
  /** A preset's sanctioned CMD/ENTRYPOINT rewrite: the runtime stage must start exactly this instead. */
  command?: { keyword: string; args: string } | null;
  /** Variables the plan left in the builder because only build tools read them (src/build-env.ts): their absence is intended. */
  droppedEnv?: readonly string[];
  /** Variables whose runtime base's own value the runtime stage keeps (`env-runtime-own`: JAVA_HOME on a JRE). */
  ownEnv?: readonly string[];
}

/** Returns the failed checks (empty when the output is sound). */
export function check(input: CheckInput): Finding[] {
  let out: Model;
  try {
    out = input.outputModel ?? parse(input.output);
  } catch (err) {
    return [fail('check-output-unparsable', { error: (err as Error).message })];
  }
  const failures: Finding[] = [];
  if (out.stages.length !== input.original.stages.length + 1) {
    return [fail('check-stage-count', { count: String(out.stages.length), expected: String(input.original.stages.length + 1) })];
  }
  const last = out.stages[out.stages.length - 1]!;
  const origStage = input.original.stages[input.original.stages.length - 1]!;
  const finalIns = (m: Model, idx: number[]) => idx.map((i) => m.instructions[i]!);
  const before = finalIns(input.original, origStage.instructions);
  const after = finalIns(out, last.instructions);
  // same runtime contract: what the container runs, as whom, where, with which settings, counting what
  // each stage inherits from its base image when the two bases differ in family or the table gives their tags different
  // environments (the slim variant of
  // an official image has the same configuration as the full one)
  const crossFamily = !inheritsSameConfig(origStage.image, last.image);
  const inheritedA = crossFamily ? imageConfig(origStage.image) : null;
  const inheritedB = crossFamily ? imageConfig(last.image) : null;
  if (inheritedA && inheritedB && !lastOf(after, 'USER') && (inheritedA.user || 'root') !== (inheritedB.user || 'root')) failures.push(fail('check-user-differs', { from: `${inheritedA.user || 'root'} (inherited)`, to: `${inheritedB.user || 'root'} (inherited)` }));
  for (const k of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'USER']) {
    const a = lastOf(before, k);
    const b = lastOf(after, k);
    if (input.command?.keyword === k) {
      const expected = input.command.args;
      if (b?.args.trim() !== expected) failures.push(fail('check-rewrite-differs', { keyword: k, expected, actual: b?.args.trim() ?? '(none)' }));
      continue;
    }
    if (sameCommand(a, b)) continue;
    const id = k === 'USER' ? 'check-user-differs' : k === 'CMD' || k === 'ENTRYPOINT' ? 'check-command-differs' : 'check-setting-differs';
    failures.push(fail(id, { keyword: k, from: a?.args.trim() ?? '(none)', to: b?.args.trim() ?? '(none)' }));
  }
  const wa = workdirOf(before, inheritedA?.workdir ?? '/', inheritedA?.env);
  const wb = workdirOf(after, inheritedB?.workdir ?? '/', inheritedB?.env);
  if (wa !== wb) failures.push(fail('check-workdir-differs', { from: wa, to: wb }));
  for (const k of ['EXPOSE', 'VOLUME', 'LABEL', 'MAINTAINER']) {
    const a = setOf(before, k);
    const b = setOf(after, k);
    if (a !== b) failures.push(fail('check-setting-differs', { keyword: k, from: a.split('\n').join(', ') || '(none)', to: b.split('\n').join(', ') || '(none)' }));
  }
  // every variable of the original, with its value; the runtime base may add its own (distroless: SSL_CERT_FILE)
  const envA = envOf(before, inheritedA?.env ?? {});
  const envB = envOf(after, inheritedB?.env ?? {});
  const written = envOf(after, {});
  // a build tool's variable the plan left in the builder (src/build-env.ts) is meant to be gone, and only such a one
  // and a variable naming where the image installed its runtime keeps the runtime base's own value (env-runtime-own)
  const own = (k: string) => input.ownEnv?.includes(k) === true && RUNTIME_LOCATION_ENV.has(k) && !written.has(k) && envB.get(k) === inheritedB?.env[k];
  const lost = [...envA].filter(([k, v]) => envB.get(k) !== v && !(envB.get(k) === undefined && input.droppedEnv?.includes(k) && buildEnvReaders(k)) && !own(k));
  const added = [...envB].filter(([k]) => !envA.has(k) && written.has(k));
  if (lost.length || added.length) failures.push(fail('check-env-differs', { vars: [...lost, ...added].map(([k]) => `${k}=${envA.get(k) ?? '(none)'} vs ${envB.get(k) ?? '(none)'}`).join(', ') }));
  // every COPY --from names an earlier stage and copies something that stage made
  const names = new Set(out.stages.slice(0, -1).flatMap((s) => [s.name, String(s.index)]));
  const made = new PathIndex(input.madePaths);
  for (const ins of after) {
    const from = flag(ins, 'from');
    if (from === undefined || ins.keyword !== 'COPY') continue;
    if (from.toLowerCase() !== input.builderName.toLowerCase() || !names.has(from.toLowerCase())) {
      if (!names.has(from.toLowerCase()) && !input.original.instructions.some((i) => flag(i, 'from') === from)) failures.push(fail('check-copy-from-unknown', { from }));
      continue;
    }
    const src = ins.words[0] ?? '';
    if (!made.covers(src) && !made.holdsWithin(src)) failures.push(fail('check-copy-not-made', { from, path: src }));
  }
  failures.push(...unsafeCopies(input.original, after));
  // global ARGs used in a stage are declared in it
  const globals = new Set(out.globalArgs.flatMap((i) => argNames(out.instructions[i]!)));
  // the builder is the user's own stage; only the stage dfsplit writes is held to this
  for (const stage of [last]) {
    const declared = new Set<string>();
    for (const i of stage.instructions) {
      const ins = out.instructions[i]!;
      for (const name of argNames(ins)) declared.add(name);
      if (ins.keyword === 'FROM') continue;
      for (const m of ins.args.matchAll(/\$\{?(\w+)/g)) {
        if (globals.has(m[1]!) && !declared.has(m[1]!)) failures.push(fail('check-arg-undeclared', { name: m[1]!, stage: String(stage.index) }));
      }
    }
  }
  // no shell form on a base without /bin/sh
  if (!hasShell(last.image)) {
    for (const ins of after) {
      if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(ins.keyword) || ins.json) continue;
      if (ins.keyword === 'HEALTHCHECK' && ins.form !== 'shell') continue;
      failures.push(fail('check-shell-form', { keyword: ins.keyword, image: last.image }));
    }
  }
  // every RUN dfsplit writes parses as a shell script: fragments re-joined with the wrong separators
  // (`chmod +x a; && mkdir b`) are a bug, never an output. The original's own RUNs are left to the shell
  const originalRuns = new Set(before.filter((i) => i.keyword === 'RUN').map((i) => i.raw));
  for (const ins of after) {
    if (ins.keyword !== 'RUN' || ins.form !== 'shell' || originalRuns.has(ins.raw)) continue;
    const error = parseFull(ins.script).error;
    if (error) failures.push({ ...fail('check-run-unparsable', { error }), line: ins.line });
  }
  failures.push(...foreignPackageManager(after, last.image));
  return failures;
}

/**
 * The runtime stage installs with its base's own package manager: no apt-get on an Alpine image, no apk on
 * Debian (the plan names packages for the runtime base's distribution; this is its backstop).
 */
function foreignPackageManager(after: Instruction[], image: string): Finding[] {
  const manager = packageManagerOf(image);
  if (!manager) return [];
  const out: Finding[] = [];
  for (const ins of after) {
    if (ins.keyword !== 'RUN') continue;
    for (const c of parseShell(ins.script).commands) {
      // read through a prefix (`sudo apt-get`), as the analyzer reads it
      const tool = stripPrefix(c.words)[0];
      const theirs = packageCommand(tool ?? '')?.packages.manager;
      if (theirs && theirs !== manager) out.push(fail('check-package-manager-differs', { tool: tool!, image, manager }));
    }
  }
  return out;
}

/**
 * The plan and the state model keep these from being written; this is their backstop. The runtime stage
 * copies no whole system directory of the builder, and repeats no COPY of a credential-like file
 * (src/knowledge/secrets.ts) that the original deletes later with a command the runtime stage does not
 * repeat: the original image would not hold it, the converted one would.
 */
function unsafeCopies(original: Model, after: Instruction[]): Finding[] {
  const out: Finding[] = [];
  let analysis: Analysis | null = null;
  const repeated = after.flatMap((i) => (i.keyword === 'RUN' ? [i.script] : []));
  let cursor = -1;
  for (const ins of after) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const words = ins.sources;
    const from = ins.from;
    if (from !== null) {
      const src = joinPath('/', words[0] ?? '');
      if (systemDir(src)) out.push({ id: 'copies-system-dir', data: { path: src, why: `COPY --from=${from}` } });
      continue;
    }
    // the original COPY it repeats (the same text, in the same order)
    const orig = original.instructions.find((i): i is CopyInstruction => i.index > cursor && i.stage === 0 && i.raw === ins.raw && (i.keyword === 'COPY' || i.keyword === 'ADD'));
    if (!orig) continue;
    cursor = orig.index;
    if (![...words, copyDestination(ins, '/') ?? ''].some((w) => secretLike(w))) continue;
    analysis ??= analyze(original);
    const dest = copyDestination(orig, analysis.scopes.get(orig.index) ?? '/');
    if (dest === null) continue;
    const landed = [dest, ...words.map((w) => joinPath(dest, w.split('/').filter(Boolean).pop() ?? '.'))].filter((p) => secretLike(p));
    for (const [index, run] of analysis.runs) {
      if (index < orig.index) continue;
      const scope = analysis.scopes.get(index);
      const home = homeOf(scope?.user ?? null, scope?.env ?? new Map(), scope?.home);
      for (const c of run.commands) {
        for (const operand of pathOperands(c.words)?.removes ?? []) {
          if (repeated.some((r) => r.includes(operand))) continue;
          const path = joinPath(c.cwd, operand.replace(/^~(?=\/|$)/, home));
          const hit = landed.find((p) => under(p, path));
          if (hit) out.push({ id: 'runtime-copies-secret', data: { path: hit, pattern: secretLike(hit)!, what: `\`${ins.keyword} ${ins.args.trim()}\`` }, line: original.instructions[index]!.line });
        }
      }
    }
  }
  return out;
}

/** The ids of the check's own failures (src/messages.ts has their sentences). */
type CheckId = Extract<MessageId, `check-${string}`>;

function fail(id: CheckId, data: Record<string, string>): Finding {
  return { id, data };
}

function lastOf(list: Instruction[], keyword: string): Instruction | undefined {
  return list.filter((i) => i.keyword === keyword).pop();
}

/** Shell form `a b` and the exec form `["a", "b"]` the exec-form pass writes are the same command. */
function sameCommand(a: Instruction | undefined, b: Instruction | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.args.trim() === b.args.trim()) return true;
  const wa = a.json ?? plainWords(a.args);
  const wb = b.json ?? plainWords(b.args);
  return wa !== null && wb !== null && JSON.stringify(wa) === JSON.stringify(wb) && (a.json === null) !== (b.json === null);
}

/** The names an ARG declares (none for another instruction). */
function argNames(ins: Instruction): string[] {
  return ins.keyword === 'ARG' ? ins.pairs.map((p) => p.name) : [];
}

/**
 * The working directory the stage ends in, from the inherited one and its WORKDIRs, whose variables expand with the
 * environment at that point as BuildKit does (`WORKDIR ${GOPATH}/src/x` on golang: /go/src/x), the inherited one
 * (`env`, when the base's configuration is known) and the stage's ENVs; a variable neither sets stays as written.
 */
function workdirOf(list: Instruction[], inherited: string, env: Readonly<Record<string, string>> = {}): string {
  let wd = inherited;
  const vars = new Map(Object.entries(env));
  for (const i of list) {
    if (i.keyword === 'ENV') for (const [k, v] of i.pairs) vars.set(k, v);
    if (i.keyword !== 'WORKDIR') continue;
    const path = i.path.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a?: string, b?: string) => vars.get((a ?? b)!) ?? all);
    wd = path.startsWith('/') ? path : `${wd.replace(/\/$/, '')}/${path}`;
  }
  return wd;
}

function setOf(list: Instruction[], keyword: string): string {
  return list
    .filter((i) => i.keyword === keyword)
    .map((i) => i.args.trim())
    .sort()
    .join('\n');
}

function envOf(list: Instruction[], inherited: Readonly<Record<string, string>>): Map<string, string> {
  const env = new Map<string, string>(Object.entries(inherited).filter(([k]) => !METADATA_ENV.test(k)));
  for (const i of list) if (i.keyword === 'ENV') for (const [k, v] of i.pairs) env.set(k, v);
  return env;
}
