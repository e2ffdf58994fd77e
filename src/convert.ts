// The pipeline: parse -> analyze -> plan -> transforms -> print -> check -> result.
import { analyze, copyDestination, type Analysis, type Classification } from './analyze/index.js';
import { joinPath } from './shell.js';
import { pathOperands } from './commands/index.js';
import { globalPackagePaths } from './global-copy.js';
import { localInstallPaths } from './local-copy.js';
import { NO_CONTEXT, type BuildContext } from './context.js';
import { InputError } from './errors.js';
import { describe, type Finding, type MessageId, type ReasonId } from './messages.js';
import type { Model } from './model.js';
import { parse } from './parse.js';
import { imageConfig } from './knowledge/image-config.js';
import { pythonOwnPaths, distributionOf } from './images.js';
import { distroPipWrites } from './knowledge/distro-python.js';
import { pipPythonMajor } from './commands/python.js';
import { buildRelease } from './tags.js';
import { makePlan, type Plan } from './plan.js';
import { pinBuilder } from './pin.js';
import type { Artifact, BuilderEdit, Preset } from './preset.js';
import { print, type Edit } from './print.js';
import { expandOnbuild, isInserted, onbuildFindings, originalLine, originalOffset, type Expansion } from './onbuild.js';
import { savingsOf, type ProofLevel, type Savings } from './proof.js';
import { check } from './check.js';
import { unifiedDiff } from './report/diff.js';
import { passes } from '../transforms/index.js';
import type { State } from '../transforms/state.js';
import { presets as allPresets } from '../templates/index.js';

/** Options for {@link convert}. */
export interface ConvertOptions {
  /** File name shown in diffs and errors. */
  path?: string;
  /** The build context beside the Dockerfile; without it presets stay conservative. */
  context?: BuildContext;
  /** Name of the builder stage (default `builder`). */
  builderName?: string;
  /** Force the runtime base image (e.g. `scratch`). */
  runtimeBase?: string;
  /** `auto` (default), `generic`, or a preset id such as `go`. */
  preset?: string;
  /** Presets to choose from (default: all of dfsplit's). */
  presets?: readonly Preset[];
  /**
   * The caller builds both images and compares them before it uses the result (`dfsplit --verify`,
   * `dfsplit verify`): a conversion only a build can prove comes back `changed` with proof `build`
   * instead of declined `needs-verify`.
   */
  verify?: boolean;
  /**
   * Pin a builder tag that still moves (`golang`, `gcc:13`) to the tag of the release it is built on now
   * (`golang:trixie`, `gcc:13-bookworm`) when that alone holds the conversion back (default true; src/pin.ts).
   * False keeps the FROM as written, and such a file is declined or left for a build to prove.
   */
  pinBuilder?: boolean;
}

/** A reason with its id, sentence and line. */
export interface Reason {
  id: ReasonId;
  message: string;
  line?: number;
}

/** A stage of the output. */
export interface StageReport {
  name: string | null;
  image: string;
  role: 'builder' | 'runtime' | 'original';
}

/** The result of converting one Dockerfile. */
export interface ConvertResult {
  status: 'changed' | 'unchanged' | 'declined' | 'error';
  /** The new text (the input itself unless `changed`). */
  output: string;
  /** Unified diff, empty unless `changed`. */
  diff: string;
  /** Why a file is unchanged, declined or in error. */
  reasons: Reason[];
  stages: StageReport[];
  /** Every instruction of the original with its phase and reason. */
  instructions: InstructionReport[];
  artifacts: { path: string; to: string; reason: string }[];
  /** Decisions dfsplit made, each with a reason. */
  findings: Reason[];
  /**
   * The runtime stage exactly as printed (empty unless `changed`): each instruction's text and the line
   * of the original it repeats, or null when dfsplit wrote it. `explain` shows this list, so it cannot
   * describe another runtime stage than the one in the output.
   */
  runtimeStage: { text: string; line: number | null }[];
  preset: { id: string; why: string } | null;
  /**
   * The one change to what the container starts that a preset may make (`cargo run` becomes the built
   * binary), or null: the original's CMD/ENTRYPOINT and the line that replaces it. `verify` compares
   * every other setting as equal and this one against `to`.
   */
  command: { keyword: string; line: number; from: string; to: string } | null;
  /**
   * How the conversion is proven (src/proof.ts): `static` when every fact it relies on is known from
   * data, `build` when only building and comparing both images proves it, with what is unproven. Null
   * unless `changed` or declined `needs-verify`.
   */
  proof: { level: ProofLevel; unproven: Reason[] } | null;
  /** What the runtime stage leaves behind in the builder (null unless `changed`). */
  saves: Savings | null;
  /**
   * The variables whose runtime base's own value the runtime stage keeps instead of the builder's (`env-runtime-own`:
   * JAVA_HOME on a JRE image), which the check and `verify` accept; absent when none.
   */
  runtimeOwnEnv?: string[];
}

export interface InstructionReport {
  line: number;
  keyword: string;
  text: string;
  phase: Classification['phase'];
  reason: MessageId;
  message: string;
}

/**
 * Convert a single-stage Dockerfile into a multi-stage one.
 * Never throws for bad input: a file that is not a usable Dockerfile comes back with status `error`.
 */
export function convert(text: string, options: ConvertOptions = {}): ConvertResult {
  return convertWith(text, options, null);
}

/**
 * {@link convert}, and the edits the preset made to the builder, as it declared them (empty unless the
 * result is `changed`): the builder of the output is the input with these edits and the stage's name,
 * which is what test/invariants.ts holds every conversion to.
 */
export function convertDetailed(text: string, options: ConvertOptions = {}): { result: ConvertResult; builderEdits: readonly BuilderEdit[] } {
  const details = { builderEdits: [] as readonly BuilderEdit[] };
  const result = convertWith(text, options, details);
  return { result, builderEdits: result.status === 'changed' ? details.builderEdits : [] };
}

/** The result that leaves `text` as it is, before any reason is given. */
function unchangedResult(text: string): ConvertResult {
  return { status: 'unchanged', output: text, diff: '', reasons: [], stages: [], instructions: [], artifacts: [], findings: [], preset: null, runtimeStage: [], command: null, proof: null, saves: null };
}

function convertWith(text: string, options: ConvertOptions, details: { builderEdits: readonly BuilderEdit[] } | null): ConvertResult {
  const empty = unchangedResult(text);
  let model: Model;
  try {
    model = parse(text);
  } catch (err) {
    if (err instanceof InputError) return { ...empty, status: 'error', reasons: [{ id: err.id, message: err.message, line: err.line }] };
    throw err;
  }
  if (model.stages.length > 1) return { ...empty, reasons: [{ id: 'multi-stage', message: describe({ id: 'multi-stage' }) }], stages: model.stages.map((s): StageReport => ({ name: s.name, image: s.image, role: 'original' })) };
  // `# dfsplit-ignore-file` in the comments before the first instruction: the file is left as it is
  if (/^[ \t]*#[ \t]*dfsplit-ignore-file[ \t]*\r?$/m.test(model.text.slice(0, model.instructions[0]?.start ?? 0))) return { ...empty, reasons: [{ id: 'pragma-ignore-file', message: describe({ id: 'pragma-ignore-file' }) }] };
  // a FROM of an onbuild variant (`golang:1.8-onbuild`): read with its triggers written out, kept when that reading
  // converts (a build proves it) or the file itself does not
  const expansion = expandOnbuild(model);
  if (expansion) {
    const read = convertModel(expansion.model, text, options, details, { expansion, original: model });
    if (read && (read.status === 'changed' || read.reasons.some((r) => r.id === 'needs-verify'))) return read;
    if (details) details.builderEdits = [];
  }
  return convertModel(model, text, options, details, null)!;
}

/**
 * {@link convertWith} of a parsed file. With `onbuild`, `model` is the file read with its onbuild image's
 * instructions written out (src/onbuild.ts): the output is printed from the original without them, and every line
 * of the result is the original's; null when that cannot be printed (an edit of an inserted instruction).
 */
function convertModel(model: Model, text: string, options: ConvertOptions, details: { builderEdits: readonly BuilderEdit[] } | null, onbuild: { expansion: Expansion; original: Model } | null): ConvertResult | null {
  const empty = unchangedResult(text);
  let analysis = analyze(model);
  if (analysis.error) return { ...empty, status: 'error', reasons: [reason(analysis.error)] };
  const context = options.context ?? NO_CONTEXT;
  const planOptions = { builderName: options.builderName ?? 'builder', runtimeBase: options.runtimeBase ?? null, preset: options.preset ?? 'auto', context };
  const replan = (m: Model, a: Analysis, pinnedFrom: string | null = null) => makePlan(m, a, { ...planOptions, pinnedFrom }, options.presets ?? allPresets);
  // the pinned builder (src/pin.ts) replaces the model and analysis the rest reads: its FROM names the pinned tag
  const unpinned = replan(model, analysis);
  const pinned = options.pinBuilder === false ? null : pinBuilder(model, unpinned, replan);
  const original = onbuild?.original ?? model;
  if (pinned) ({ model, analysis } = pinned);
  const plan = withOnbuild(pinned?.plan ?? unpinned, onbuild?.expansion ?? null);
  const byIndex = new Map(plan.classifications.map((c) => [c.index, c]));
  const instructions = model.instructions.map((ins): InstructionReport => {
    const c = byIndex.get(ins.index);
    const phase = c?.phase ?? 'build';
    const eol = ins.raw.indexOf('\n');
    return { line: ins.line, keyword: ins.keyword, text: (eol < 0 ? ins.raw : ins.raw.slice(0, eol)).trim(), phase: ins.stage < 0 ? 'both' : phase, reason: c?.reason ?? 'arg', message: c?.because ?? describe({ id: 'arg' }) };
  });
  const base = { ...empty, instructions, findings: plan.findings.map(reason), preset: plan.preset, stages: original.stages.map((s): StageReport => ({ name: s.name, image: s.image, role: 'original' })) };
  if (plan.outcome !== 'split') return { ...base, status: plan.outcome, reasons: plan.reasons.map(reason) };

  let state: State = { model, analysis, plan, builderEdits: [], runtime: [] };
  for (const pass of passes) state = pass.run(state);
  const output = print(model, state.builderEdits, state.runtime);
  // the onbuild image's instructions stay in it: the output is the original's text with the same edits
  const edits = onbuild ? originalEdits(onbuild.expansion, state.builderEdits, model.eol) : null;
  const builderEdits = onbuild ? originalBuilderEdits(onbuild.expansion, plan.decision.builderEdits ?? []) : (plan.decision.builderEdits ?? []);
  if (onbuild && (edits === null || builderEdits === null)) return null;
  const written = onbuild ? print(onbuild.original, edits!, state.runtime) : output;
  // the output is parsed once, here, for both the paths its builder makes and the check
  let outputModel: Model | undefined;
  try {
    outputModel = parse(output);
  } catch {
    /* the check reports it */
  }
  // files of the builder's image a preset copies (CA certificates for scratch) are made by no instruction: the build checks them
  const imageFiles = plan.artifacts.filter((a) => a.fromImage).map((a) => a.path);
  const ownEnv = plan.findings.flatMap((f) => (f.id === 'env-runtime-own' ? [String(f.data?.name)] : []));
  const failures = check({ original: model, output, builderName: plan.builderName, madePaths: outputModel ? [...madePaths(outputModel, model, analysis), ...imageFiles] : [], outputModel, command: plan.command, droppedEnv: plan.droppedEnv, ownEnv });
  if (failures.length) return { ...base, status: 'declined', reasons: failures.map(reason) };
  if (details) details.builderEdits = [...(plan.builderPin ? [{ kind: 'image' as const, index: plan.builder.from, ...plan.builderPin }] : []), ...builderEdits!];
  const proof = plan.proof && { level: plan.proof.level, unproven: plan.proof.unproven.map(reason) };
  // a conversion only a build proves is written only when the caller builds and compares (--verify)
  if (proof?.level === 'build' && !options.verify) {
    const unproven = proof.unproven.map((u) => `${u.line ? `line ${u.line}: ` : ''}${u.message}`).join('; ');
    return inOriginal({ ...base, status: 'declined', reasons: [reason({ id: 'needs-verify', data: { unproven, file: options.path ?? 'Dockerfile' } })], proof }, onbuild?.expansion ?? null);
  }
  return inOriginal(
    {
      ...base,
      status: 'changed',
      proof,
      saves: savingsOf(analysis, plan.builder.image, plan.runtimeBase, plan.runtimeSteps, plan.droppedEnv),
      ...(ownEnv.length ? { runtimeOwnEnv: ownEnv } : {}),
      output: written,
      diff: unifiedDiff(options.path ?? 'Dockerfile', text, written),
      stages: [
        { name: plan.builderName, image: plan.builder.image, role: 'builder' },
        { name: null, image: plan.runtimeBase, role: 'runtime' },
      ],
      artifacts: plan.artifacts.map((a: Artifact) => ({ path: a.path, to: a.to ?? a.path, reason: describe(a.why) })),
      runtimeStage: state.runtime.map((l) => ({ text: l.text, line: l.source === null ? null : model.instructions[l.source]!.line })),
      command: plan.command && { keyword: plan.command.keyword, line: model.instructions[plan.command.index]!.line, from: model.instructions[plan.command.index]!.args.trim(), to: plan.command.args },
    },
    onbuild?.expansion ?? null,
  );
}

/** The plan of a file read with its onbuild image written out: it says so, and only a build proves it. */
function withOnbuild(plan: Plan, e: Expansion | null): Plan {
  if (!e || plan.outcome !== 'split') return plan;
  const { finding, unproven } = onbuildFindings(e);
  return { ...plan, findings: [finding, ...plan.findings], proof: { level: 'build', unproven: [unproven, ...(plan.proof?.unproven ?? [])] } };
}

/**
 * The printer's edits of the expanded text as edits of the original, or null when one changes the inserted text. A
 * RUN added after an inserted instruction goes right after the FROM, where the triggers have all run (their later
 * COPYs bring the context's files again): those come first, last one first, so that each lands after the builder's
 * name and in order.
 */
function originalEdits(e: Expansion, edits: readonly Edit[], eol: string): Edit[] | null {
  const out: Edit[] = [];
  const moved: Edit[] = [];
  for (const edit of edits) {
    const at = originalOffset(e, edit.at);
    const end = originalOffset(e, edit.at + edit.remove);
    if (at !== null && end !== null && end - at === edit.remove) out.push({ ...edit, at });
    else if (edit.remove === 0 && edit.text.startsWith(`${eol}RUN `)) moved.unshift({ ...edit, at: e.fromEnd });
    else return null;
  }
  return [...moved, ...out];
}

/** The preset's builder edits by the original's instructions (a RUN after an inserted one: after the FROM), or null when one edits an inserted instruction. */
function originalBuilderEdits(e: Expansion, edits: readonly BuilderEdit[]): BuilderEdit[] | null {
  const { first, count } = e.inserted;
  const index = (i: number) => (isInserted(e.model, i) ? null : i >= first + count ? i - count : i);
  const out: BuilderEdit[] = [];
  for (const edit of edits) {
    if (edit.kind === 'run') {
      out.push({ ...edit, after: index(edit.after) ?? first - 1 });
      continue;
    }
    const i = index(edit.index);
    if (i === null) return null;
    out.push({ ...edit, index: i });
  }
  return out;
}

/** A result of the expanded reading with every line the original's (an inserted instruction's: the FROM's). */
function inOriginal(r: ConvertResult, e: Expansion | null): ConvertResult {
  if (!e) return r;
  const line = (n: number) => originalLine(e, n);
  const text = (m: string) => m.replace(/\b(line|lines) (\d+)\b/g, (_, w: string, n: string) => `${w} ${line(Number(n))}`);
  const fix = (x: Reason): Reason => ({ ...x, message: text(x.message), ...(x.line !== undefined ? { line: line(x.line) } : {}) });
  const inserted = (n: number) => n > e.fromLine && n <= e.fromLine + e.inserted.count;
  return {
    ...r,
    reasons: r.reasons.map(fix),
    findings: r.findings.map(fix),
    instructions: r.instructions.map((i) => ({ ...i, line: line(i.line), text: inserted(i.line) ? `(${e.inserted.image}) ${i.text}` : i.text, message: text(i.message) })),
    artifacts: r.artifacts.map((a) => ({ ...a, reason: text(a.reason) })),
    runtimeStage: r.runtimeStage.map((l) => ({ ...l, line: l.line === null ? null : line(l.line) })),
    command: r.command && { ...r.command, line: line(r.command.line) },
    proof: r.proof && { ...r.proof, unproven: r.proof.unproven.map(fix) },
    preset: r.preset && { ...r.preset, why: text(r.preset.why) },
  };
}

function reason(f: Finding): Reason {
  return { id: f.id, message: describe(f), ...(f.line !== undefined ? { line: f.line } : {}) };
}

/**
 * Paths the output's builder stage makes, read from the output (not from the plan): command outputs,
 * what file commands make (`touch`, `mkdir`), working directories of builds, COPY destinations and WORKDIRs. The check is incremental: when every
 * instruction of the output's builder is the original's, byte for byte (the FROM aside, which only
 * gains `AS builder`), the original's analysis is the builder's and is reused; a builder a preset
 * edited is analyzed again (and so is every builder when `originalAnalysis` is null).
 */
export function madePaths(out: Model, original: Model, originalAnalysis: Analysis | null): string[] {
  const first = out.stages[0]!;
  const builderOnly: Model = { ...out, instructions: out.instructions.filter((i) => i.stage <= 0), stages: [first] };
  const unedited = builderOnly.instructions.length === original.instructions.length && first.image === original.stages[0]?.image && builderOnly.instructions.every((ins, k) => (ins.keyword === 'FROM' ? original.instructions[k]!.keyword === 'FROM' : ins.raw === original.instructions[k]!.raw));
  const a = unedited && originalAnalysis ? originalAnalysis : analyze(builderOnly);
  const paths = new Set<string>();
  // pip as root with a Debian or Ubuntu image's own Python writes /usr/local/lib/pythonX.Y/dist-packages (the python-distro preset)
  const distro = distributionOf(first.image)?.name;
  const release = distro === 'debian' || distro === 'ubuntu' ? buildRelease(first.image) : null;
  for (const [index, run] of a.runs)
    for (const c of run.commands) {
      if (c.kind === 'pip' && ['root', '0', null].includes(a.scopes.get(index)?.user ?? null)) for (const p of distroPipWrites(release, pipPythonMajor(c.words))) paths.add(p);
      for (const o of c.outputs) paths.add(o);
      if (c.unnamedOutputs) paths.add(c.cwd);
      // what a file command makes (`touch /tmp/.tests-passed`, the python-tests preset's marker), as the state model reads it
      for (const p of pathOperands(c.words)?.makes ?? []) if (!p.includes('$')) paths.add(joinPath(c.cwd, p));
    }
  for (const ins of builderOnly.instructions) {
    const scope = a.scopes.get(ins.index);
    if (!scope) continue;
    if (ins.keyword === 'WORKDIR') paths.add(joinPath(scope.workdir, ins.path));
    const dest = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? copyDestination(ins, scope) : null;
    if (dest) paths.add(dest);
  }
  // files of the builder's base image a preset copies (the gcc image's C++ runtime), from the image table
  for (const p of [...(imageConfig(first.image)?.provides ?? []), ...pythonOwnPaths(first.image)]) paths.add(p);
  // the package directories of npm's global installs where npm's prefix is known, which the node family leaves unnamed (src/global-copy.ts)
  for (const p of globalPackagePaths(builderOnly, first.image, a)) paths.add(p);
  // the system prefix of pip, cpanm, R and gem installs on Debian and Ubuntu (src/local-copy.ts)
  for (const p of localInstallPaths(first.image, a)) paths.add(p);
  return [...paths];
}
