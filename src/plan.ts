// The plan: which preset applies, what crosses from builder to runtime, the runtime base, the packages
// it installs, and every reason to decline. Transforms only carry the plan out.
import type { Analysis, Classification } from './analyze/index.js';
import { packagesLeftBehind } from './analyze/left-behind.js';
import { TOOL_PACKAGES } from './analyze/tables.js';
import { bringsGemsBeyondBundler, runsGem } from './commands/ruby.js';
import { familyOf, givesCompiler, programsCalledBy, isBuildToolPackage, isReplayedInstall, packageManager, toolchainAtRuntime, compilesNothing } from './commands/index.js';
import { addedFileArtifacts, carriedOffArtifacts, downloadArtifacts, genericArtifacts, mergeArtifacts, withoutScratch } from './artifacts.js';
import type { BuildContext } from './context.js';
import { builtOnBuildpackDeps, hasShell, isHeadlessJava, isWindowsImage, libcOf, packageManagerOf, slimVariant } from './images.js';
import { describe, type Finding } from './messages.js';
import type { Model, Stage } from './model.js';
import type { Artifact, CommandRewrite, Preset, PresetDecision, PresetInput } from './preset.js';
import { imageConfig } from './knowledge/image-config.js';
import { BUILDPACK_PACKAGES } from './knowledge/images.js';
import { GUI_PACKAGES } from './knowledge/java.js';
import { COMPILES_AT_RUN_TIME } from './knowledge/cpp.js';
import { packageName } from './analyze/packages.js';
import { systemDir } from './knowledge/secrets.js';
import { dropBuildEnv } from './build-env.js';
import { withoutIdleSteps } from './runtime-idle.js';
import { helperPrograms, imageCompiler, startInstall, imageFilesToCopy, programsToInstall, restoreConfig, runtimeCommandWords, startedPrograms, scriptPrograms, startScripts, toolboxReason, toolsLost, type Started } from './runtime-contract.js';
import { programsCodeRuns } from './code-programs.js';
import { runtimeSteps, withoutCoveredCopies, type RuntimeStep } from './runtime-stage.js';
import { printedStage, type ExtraPackages } from './plan-runtime.js';
import { deletedByBuilder, proveRuntimeStage } from './state-model.js';
import { nativeNodeLibraries, runtimePackageProof } from './runtime-libraries.js';
import { proofOf, type Proof } from './proof.js';
import { isPublished, TAG_TABLE_DATE } from './tags.js';
import { plainWords } from './shell-words.js';
import { stageInstalls, type StagedInstalls } from './staged-install.js';
import { copyGlobalInstalls } from './global-copy.js';
import { servedArtifacts } from './static-serve.js';
import { copyLocalInstalls } from './local-copy.js';
import { isInside } from './paths.js';

/** Options that steer a conversion. */
export interface PlanOptions {
  /** Name of the builder stage (default `builder`). */
  builderName: string;
  /** Force a runtime base image. */
  runtimeBase: string | null;
  /** `auto` (default), `generic` (no preset) or a preset id. */
  preset: string;
  context: BuildContext;
  /** The builder's tag as the file wrote it when src/pin.ts pinned it (`golang` for `golang:trixie`), else null. */
  pinnedFrom?: string | null;
}

export interface Plan {
  /** `split` when a runtime stage will be written. */
  outcome: 'split' | 'unchanged' | 'declined';
  reasons: Finding[];
  findings: Finding[];
  preset: { id: string; why: string } | null;
  builderName: string;
  /** True when the original FROM already had a name (it is reused). */
  builderNamed: boolean;
  builder: Stage;
  runtimeBase: string;
  artifacts: Artifact[];
  classifications: Classification[];
  decision: PresetDecision;
  /** The runtime stage after its FROM as printed (src/plan-runtime.ts), proven by the state model: the carry pass prints it. */
  runtimeSteps: RuntimeStep[];
  /** Variables of the original's runtime that only build tools read, left in the builder (src/build-env.ts); the check accepts their absence. */
  droppedEnv: string[];
  /** The preset's sanctioned CMD/ENTRYPOINT rewrite as printed (the check holds the output to it), or null. */
  command: RewrittenCommand | null;
  /** How the split is proven (src/proof.ts); null unless `split`. */
  proof: Proof | null;
  /** The builder's moving tag and the tag its FROM names instead (src/pin.ts), or null. */
  builderPin: { from: string; to: string } | null;
}

/** A CMD or ENTRYPOINT of the original and the line the runtime stage writes in its place. */
interface RewrittenCommand {
  index: number;
  keyword: string;
  /** The arguments written after the keyword (what the check and the JSON result compare). */
  args: string;
  text: string;
  finding: Finding;
}

/** Decide how to split `model`. */
export function makePlan(model: Model, analysis: Analysis, options: PlanOptions, presets: readonly Preset[]): Plan {
  const builder = model.stages[0]!;
  const base: Plan = {
    outcome: 'unchanged',
    reasons: [],
    findings: [],
    preset: null,
    builderName: builder.name ?? options.builderName,
    builderNamed: builder.name !== null,
    builder,
    runtimeBase: builder.image,
    artifacts: [],
    classifications: analysis.classifications,
    decision: {},
    runtimeSteps: [],
    droppedEnv: [],
    command: null,
    proof: null,
    builderPin: null,
  };
  if (model.stages.length > 1) return { ...base, reasons: [{ id: 'multi-stage' }] };
  // the last instruction still continuing (its last line ends with the escape character, maybe
  // followed by blank or comment lines that Docker skips inside a continuation)
  const lastLine = (model.instructions[model.instructions.length - 1]?.raw.split(/\r?\n/) ?? []).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#')).pop() ?? '';
  if (lastLine.trimEnd().endsWith(model.escape) && !lastLine.trimStart().startsWith('#')) {
    // Docker would join the next instruction we write into this one
    return { ...base, outcome: 'declined', reasons: [{ id: 'trailing-continuation', line: model.instructions[model.instructions.length - 1]?.endLine }] };
  }
  if (isWindowsImage(builder.image)) return { ...base, outcome: 'declined', reasons: [{ id: 'windows-image', line: lineOf(model, builder.from) }] };
  const input: PresetInput = { model, analysis, builderImage: builder.image, context: options.context, requestedRuntimeBase: options.runtimeBase, builderName: base.builderName, pinnedFrom: options.pinnedFrom ?? null };
  const chosen = choosePreset(options.preset, presets, input);
  if ('decline' in chosen) return { ...base, outcome: 'declined', reasons: [chosen.decline] };
  const preset = chosen.preset;
  // npm's global installs the only build, on a full node tag whose slim variant has no compiler: copied from the
  // builder (src/global-copy.ts), the split that saves the full image's build tools
  const onFullImage = !analysis.hasBuildStep && !preset && !options.runtimeBase ? copyGlobalInstalls(model, analysis, builder.image, {}, true) : null;
  if (!analysis.hasBuildStep && !preset && !onFullImage) return { ...base, reasons: [{ id: 'nothing-to-split' }] };
  const toolchain = runtimeToolchain(model, analysis);
  // an image with no application of its own (CI, toolbox, base images) needs its tools
  const toolbox = toolchain.length ? null : toolboxReason(model, analysis, options.context);
  if (toolbox) return { ...base, reasons: [toolbox] };
  const decided: PresetDecision = preset ? preset.preset.decide(input) : {};
  // npm's global installs after the build tools: copied from the builder, not repeated without them (src/global-copy.ts)
  const globals = options.runtimeBase ? null : (onFullImage ?? copyGlobalInstalls(model, analysis, builder.image, decided));
  // pip, cpanm, R and apt's gem after the build tools on Debian and Ubuntu: the builder's /usr/local copied (src/local-copy.ts)
  const local = options.runtimeBase || preset ? null : copyLocalInstalls(model, analysis, builder.image, globals?.decision ?? decided);
  const decision: PresetDecision = local?.decision ?? globals?.decision ?? decided;
  // the toolchain the container runs at start may leave only when the preset starts the built program instead
  const rewritten = decision.command ? model.instructions[decision.command.index]! : null;
  const declines: Finding[] = toolchain.filter((f) => f.line !== rewritten?.line);
  // a program that compiles code with the system C compiler when it runs (varnishd and its VCL): a build cannot show it,
  // since it compiles only once it is given the code (review toolbox-2026-12-07t1: two varnish images whose
  // conversions dropped gcc)
  const compiler = compilesAtRunTime(model, analysis);
  if (compiler) declines.push({ id: 'runtime-uses-toolchain', data: { command: `${compiler.program}, which compiles code with the C compiler when it runs` }, line: compiler.line });
  // a compile into the interpreter's own directories has no artifact, unless the preset's override
  // says what to copy (the php preset: the extension directory and conf.d)
  for (const [index, run] of analysis.runs) {
    const c = run.commands.find((x) => x.kind === 'system-compile');
    if (c && !decision.overrides?.has(index)) declines.push({ id: 'system-compile', data: { command: c.words.slice(0, 2).join(' ') }, line: lineOf(model, index) });
  }
  declines.push(...(decision.declines ?? []));

  const findings: Finding[] = [...(decision.findings ?? [])];
  if (!options.context.known) findings.push({ id: 'no-context' });
  for (const [index, run] of analysis.runs)
    for (const c of run.commands) {
      const line = lineOf(model, index);
      for (const pair of c.install?.implied ?? []) findings.push({ id: 'dev-runtime', data: { dev: pair.dev, runtime: pair.runtime.join(' ') }, line });
      for (const dev of c.install?.keptDev ?? []) findings.push({ id: 'dev-unknown-kept', data: { dev }, line });
    }

  const runtimeBase = options.runtimeBase ?? decision.runtimeBase?.image ?? slimVariant(builder.image) ?? builder.image;
  declines.push(...replayNeedsBuildTools(model, analysis, decision, builder.image, runtimeBase));
  findings.unshift(runtimeBaseFinding(runtimeBase, builder.image, options.runtimeBase, decision));
  const fromLibc = libcOf(builder.image);
  const toLibc = libcOf(runtimeBase);
  if ((fromLibc === 'glibc' && toLibc === 'musl') || (fromLibc === 'musl' && toLibc === 'glibc')) {
    declines.push({ id: 'libc-mismatch', data: { from: builder.image, to: runtimeBase, fromLibc, toLibc } });
  }
  // a graphical program installs X11 libraries: a headless Java runtime (openjdk's -slim) cannot run it
  if (isHeadlessJava(runtimeBase) && !isHeadlessJava(builder.image)) {
    const gui = [...new Set([...analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.packages.filter((p) => GUI_PACKAGES.test(p)) ?? [])))];
    if (gui.length) declines.push({ id: 'headless-runtime', data: { image: runtimeBase, packages: gui.join(' ') } });
  }
  // a preset's project directory in /tmp whose packages a later cp carries into the app (the node idiom)
  let artifacts = decision.artifacts && withoutScratch(analysis, decision.artifacts);
  // what the builder keeps of a download (run-download) is copied beside a preset's own artifacts too: a preset
  // names its ecosystem's products, not what the file downloads for run time (tini, an agent's jar)
  const added = addedFileArtifacts(model, analysis);
  if (artifacts) {
    const fetched = [...downloadArtifacts(analysis), ...carriedOffArtifacts(analysis), ...added];
    const gone = deletedByBuilder(
      model,
      analysis,
      fetched.map((a) => a.path),
    );
    const kept = fetched.filter((a) => !gone.has(a.path));
    if (kept.length) artifacts = mergeArtifacts([...artifacts, ...kept]);
  }
  let deleted: Artifact[] = [];
  let staged: StagedInstalls | null = null;
  if (!artifacts) {
    const skip = new Set(decision.runtimeReplacements?.keys() ?? []);
    // an archive unpacked into /opt, /tmp or /: the entries the file names, not the directory (src/unpacked.ts)
    let generic = genericArtifacts(analysis, skip, undefined, model);
    // a make install into a system prefix is staged into a DESTDIR of its own, copied instead (src/staged-install.ts)
    if (generic.artifacts.some((a) => systemDir(a.path))) staged = stageInstalls(model, analysis, (a) => genericArtifacts(a, skip, undefined, model));
    if (staged) generic = staged;
    declines.push(...generic.declines);
    // what the build deletes again (`rm -rf /boost` after building with it) the original image does not hold: no
    // artifact, when others remain (when none does, the products were carried off, `cp` then `rm`, or are unknown)
    const gone = deletedByBuilder(
      model,
      analysis,
      generic.artifacts.map((a) => a.path),
    );
    const kept = generic.artifacts.filter((a) => !gone.has(a.path));
    deleted = kept.length ? generic.artifacts.filter((a) => gone.has(a.path)) : [];
    artifacts = kept.length ? kept : generic.artifacts;
    // the files an ADD downloads for the container to start (tini), beside what the build made
    const addedGone = deletedByBuilder(
      model,
      analysis,
      added.map((a) => a.path),
    );
    const addedKept = added.filter((a) => !addedGone.has(a.path) && !artifacts!.some((x) => isInside(a.path, x.to ?? x.path)));
    if (addedKept.length) artifacts = mergeArtifacts([...artifacts, ...addedKept]);
    findings.push(...deleted.map((a): Finding => ({ id: 'artifact-deleted', data: { path: a.path }, line: a.why.line })));
  }
  // what the copy of /usr/local brings already (a `make install` after the first install it replaces) is not copied again
  if (local) artifacts = artifacts.filter((a) => a.producer < local.at || !local.paths.some((p) => isInside(a.to ?? a.path, p)));
  // CA certificates and time zones the builder's image had and the runtime base may lack (item 8 of issue 23)
  const imageFiles = imageFilesToCopy(model, analysis, builder.image, runtimeBase, Math.max(...artifacts.map((a) => a.producer), builder.from), [...(decision.runtimeReplacements?.values() ?? [])].flat());
  if (artifacts.length && imageFiles.length) artifacts = [...artifacts, ...imageFiles.filter((f) => !artifacts!.some((a) => a.path === f.path))];
  // a static file server started on a directory the build made needs that directory alone (src/static-serve.ts)
  const served = servedArtifacts(model, analysis, artifacts);
  if (served) artifacts = served.artifacts;
  findings.push(...artifacts.map((a) => a.why));
  // on the same image, a split only pays off by leaving build-only packages or test tools behind (or, when the container
  // serves the build's output, the project's sources and dependencies)
  const leftBehind = served ? 'some' : packagesLeftBehind(analysis);
  // when the original already removes them, no split is worth writing, whatever it could not place:
  // unchanged, not declined
  if (!preset && runtimeBase === builder.image && !options.runtimeBase && (leftBehind === 'removed-in-layer' || (leftBehind === 'none' && declines.length === 0))) {
    return { ...base, reasons: [leftBehind === 'none' ? { id: 'nothing-to-leave-behind', data: { image: runtimeBase } } : { id: 'build-deps-removed-in-layer', data: { image: runtimeBase } }] };
  }
  // a builder nothing is copied from is skipped by BuildKit, tests and all: no split is worth writing
  const presetCopies = [...(decision.runtimeReplacements ?? [])].flatMap(([index, steps]) => steps.flatMap((s) => (s.kind === 'copy' ? [{ path: s.source, to: s.gathered ? s.source : s.dest, index }] : [])));
  // (nor is a builder only downloads are copied from: downloaded files alone are no product of a build)
  const downloaded = new Set(analysis.classifications.flatMap((c) => (c.reason === 'run-download' || c.reason === 'add-url' ? [c.index] : [])));
  if (artifacts.every((a) => downloaded.has(a.producer) || a.fromImage) && presetCopies.length === 0 && declines.length === 0) return { ...base, reasons: [{ id: 'no-artifact' }] };
  // a tag dfsplit derived (a slim variant, a preset's JRE or Debian slim image) must be one the official image
  // has published: `node:9-stretch-slim` never was. The original's own image, and --runtime-base, are the user's.
  if (!options.runtimeBase && runtimeBase !== builder.image && isPublished(runtimeBase) === false) {
    declines.push({ id: 'runtime-tag-unpublished', data: { image: runtimeBase, builder: builder.image, how: decision.runtimeBase ? 'runtime image chosen by the preset' : 'slim variant', date: TAG_TABLE_DATE } });
  }
  // a split is worth writing: the runtime packages it installs are named for the runtime base's release
  const packageProof = runtimePackageProof(model, analysis, builder.image, runtimeBase, decision);
  declines.push(...packageProof.declines);
  // a whole system directory of the builder (`tar x` or `unzip` run in /, a `make install PREFIX=/usr` that could not be staged) would
  // bring its compilers, package database and home directories, credentials included, over the runtime
  // base's own: never copied (src/knowledge/secrets.ts)
  // (a staged install's directory lands on /: it holds only what the installs wrote)
  const copied = [...artifacts.map((a) => ({ path: a.path, to: a.why.id === 'artifact-staged' ? a.path : (a.to ?? a.path), why: describe(a.why), line: a.why.line })), ...presetCopies.map((c) => ({ path: c.path, to: c.to, why: 'the preset copies it', line: lineOf(model, c.index) }))];
  for (const c of copied) if (systemDir(c.path) || systemDir(c.to)) declines.push({ id: 'copies-system-dir', data: { path: systemDir(c.path) ? c.path : c.to, why: c.why }, line: c.line });
  // (the project's inputs a served build leaves in the builder are sources of the build, as a compiler's are)
  const classifications = applyOverrides(analysis, served?.inputs.length ? { ...decision, dropFromRuntime: new Set([...(decision.dropFromRuntime ?? []), ...served.inputs]) } : decision);
  // the system libraries of native npm packages installed by name, which the builder's full image had
  const native = nativeNodeLibraries(analysis, builder.image, runtimeBase, decision);
  findings.push(...native.findings);
  let extraPackages = withPackages(toolsForRuntime(model, analysis, runtimeBase, builder.image, findings), runtimeBase, native.packages);
  const restore = restoreConfig(model, builder.image, runtimeBase);
  declines.push(...restore.declines);
  const command = decision.command ? rewriteCommand(model, decision.command, hasShell(runtimeBase)) : null;
  if (command) findings.push(command.finding);
  const stage = runtimeSteps({ model, analysis, classifications, artifacts, decision, builderName: base.builderName, restore: restore.steps, command });
  declines.push(...stage.declines);
  findings.push(...stage.findings);
  const idle = withoutIdleSteps(analysis, model, stage.steps, base.builderName);
  const active = { ...idle, steps: withoutCoveredCopies(idle.steps) };
  findings.push(...active.findings);
  // the programs the image's own code runs (packages that shell out, scripts made executable, the sources'
  // literal commands) and those the stage's replayed commands call (bower: git): what the runtime base lacks
  // and the builder had is installed when its package is known, else the state model declines (it holds the
  // code's programs as started programs)
  const helpers = helperPrograms(analysis, model);
  const code = codeNeeds({ model, analysis, builderImage: builder.image, runtimeBase, context: options.context, decision, extra: extraPackages, steps: active.steps, helpers });
  findings.push(...code.findings);
  declines.push(...code.declines);
  extraPackages = withPackages(extraPackages, runtimeBase, code.packages);
  // what the container starts, and what the image's own code runs besides (packages that shell out, scripts made executable)
  const started = [...startedPrograms(model, command && { index: command.index, words: decision.command!.words }), ...helpers, ...code.started];
  const buildEnv = dropBuildEnv({ model, analysis, steps: active.steps, runtime: restore.runtime ?? imageConfig(runtimeBase), started, rewritten: command?.index ?? null });
  // a variable of the builder's image left in the builder is not restored after all
  findings.push(...restore.findings.filter((f) => !buildEnv.dropped.some((name) => f.data?.field === `ENV ${name}`)), ...buildEnv.findings);
  const printed = printedStage({ model, builder, steps: buildEnv.steps, extraPackages, runtimeBase, shell: hasShell(runtimeBase) });
  // a container that installs language packages when it starts, on another image than the builder's whose compilers
  // stay behind: what it installs then may compile, and neither the file nor a build shows it (review
  // moved-2026-12-07n: a test image's `bundle update` at start on ruby:2.6-slim)
  const start = runtimeBase !== builder.image ? startInstall(model, analysis) : null;
  const compilersLeft = [...analysis.runs.values()].some((r) => r.commands.some((c) => c.install?.build.some(isBuildToolPackage) ?? false)) || (imageCompiler(builder.image) !== undefined && imageCompiler(runtimeBase) === undefined);
  if (start && compilersLeft) declines.push({ id: 'runtime-uses-toolchain', data: { command: `${start.keyword} runs ${start.command} when the container starts, which may compile what it installs with the compilers the builder keeps` }, line: start.line });
  if (!declines.length) {
    declines.push(
      ...proveRuntimeStage({
        model,
        analysis,
        steps: printed.steps,
        builderBase: restore.builder ?? imageConfig(builder.image),
        runtimeBase: restore.runtime ?? imageConfig(runtimeBase),
        sameBase: runtimeBase === builder.image,
        started,
      }),
    );
    // a command that needs the /bin/sh the runtime base lacks is a reason of its own only for a stage the
    // state model proves: what the stage cannot do comes first
    if (!declines.length) {
      declines.push(...printed.declines);
      findings.push(...printed.findings);
    }
  }
  // a file whose only build is npm's global install on a full node tag was never a candidate otherwise: what holds the
  // copy back leaves it as it was, with nothing to split (its development images, nodemon and bower, decline so)
  if (declines.length && onFullImage) return { ...base, reasons: [{ id: 'nothing-to-split' }] };
  if (declines.length) return { ...base, outcome: 'declined', reasons: dedupe(declines), findings, preset: preset && { id: preset.preset.id, why: preset.why }, classifications };
  return {
    ...base,
    outcome: 'split',
    findings,
    preset: preset && { id: preset.preset.id, why: preset.why },
    runtimeBase,
    artifacts,
    classifications,
    decision: staged ? { ...decision, builderEdits: [...(decision.builderEdits ?? []), ...staged.edits] } : decision,
    runtimeSteps: printed.steps,
    droppedEnv: buildEnv.dropped,
    command,
    proof: proofOf({
      model,
      analysis,
      preset: preset?.preset.id ?? null,
      builderImage: builder.image,
      runtimeBase,
      artifacts,
      deleted,
      steps: printed.steps,
      presetUnproven: [...packageProof.unproven, ...native.unproven, ...code.unproven, ...(staged?.unproven ?? []), ...(globals?.unproven ?? []), ...(local?.unproven ?? []), ...(served?.unproven ?? [])],
      genericArtifacts: decision.artifacts === undefined,
    }),
  };
}

/**
 * The line that replaces the rewritten CMD or ENTRYPOINT: its keyword, in the original's form (shell
 * form only when every word needs no quoting and the runtime base has /bin/sh), else exec form.
 */
function rewriteCommand(model: Model, rewrite: CommandRewrite, shell: boolean): RewrittenCommand {
  const ins = model.instructions[rewrite.index]!;
  const plain = rewrite.words.length > 0 && plainWords(rewrite.words.join(' '))?.length === rewrite.words.length;
  const args = !ins.json && shell && plain ? rewrite.words.join(' ') : JSON.stringify(rewrite.words).replace(/","/g, '", "');
  const text = `${ins.keyword} ${args}`;
  const from = ins.json ? ins.json.join(' ') : ins.args.trim();
  return { index: rewrite.index, keyword: ins.keyword, args, text, finding: { id: 'command-rewritten', data: { keyword: ins.keyword, from, to: args, why: rewrite.why }, line: ins.line } };
}

function choosePreset(name: string, presets: readonly Preset[], input: PresetInput): { preset: { preset: Preset; why: string } | null } | { decline: Finding } {
  if (name === 'generic') return { preset: null };
  if (name === 'auto') {
    for (const p of presets) {
      const why = p.detect(input);
      if (why) return { preset: { preset: p, why } };
    }
    return { preset: null };
  }
  const p = presets.find((x) => x.id === name);
  if (!p) return { decline: { id: 'unknown-preset', data: { name } } };
  const why = p.detect(input);
  if (!why) return { decline: { id: 'preset-not-applicable', data: { name, why: 'the Dockerfile does not match it' } } };
  return { preset: { preset: p, why } };
}

function runtimeBaseFinding(image: string, builder: string, requested: string | null, decision: PresetDecision): Finding {
  if (requested) return { id: 'runtime-base-user', data: { image } };
  if (decision.runtimeBase) return { id: 'runtime-base-preset', data: { image, why: decision.runtimeBase.why } };
  if (image !== builder) return { id: 'runtime-base-slim', data: { image, builder } };
  return { id: 'runtime-base-same', data: { image } };
}

function applyOverrides(analysis: Analysis, decision: PresetDecision): Classification[] {
  return analysis.classifications.map((c) => {
    const o = decision.overrides?.get(c.index);
    if (o) return { ...c, ...o, because: describe({ id: o.reason, data: o.data }) };
    if (decision.dropFromRuntime?.has(c.index) && c.phase !== 'build') return { ...c, phase: 'build' as const, reason: 'copy-context-source' as const, data: {}, because: describe({ id: 'copy-context-source' }) };
    return c;
  });
}

/** A container that runs `go run` or `npm run dev` needs the toolchain: nothing can be left behind. */
function runtimeToolchain(model: Model, analysis: Analysis): Finding[] {
  const out: Finding[] = [];
  for (const ins of model.instructions) {
    if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
    const text = ins.json ? ins.json.join(' ') : ins.command;
    const hit = toolchainAtRuntime.find((re) => re.test(text));
    if (hit) out.push({ id: 'runtime-uses-toolchain', data: { command: text }, line: ins.line });
  }
  void analysis;
  return out;
}

/**
 * A program the file builds or runs that compiles code with the system C compiler when it runs (knowledge/cpp.ts), and
 * the line naming it first, when the file installs a C compiler (which a split would leave behind); else null.
 */
function compilesAtRunTime(model: Model, analysis: Analysis): { program: string; line: number } | null {
  const commands = [...analysis.runs.values()].flatMap((r) => r.commands);
  if (!commands.some((c) => c.install?.packages.some((p) => givesCompiler(packageName(p))))) return null;
  for (const ins of model.instructions) {
    const words = ins.keyword === 'RUN' ? (analysis.runs.get(ins.index)?.commands.flatMap((c) => c.words) ?? []) : ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT' ? ins.words : [];
    const tokens = words.flatMap((w) => w.split(/[/=:]/));
    const program = [...COMPILES_AT_RUN_TIME].find(([, names]) => tokens.some((t) => names.test(t)))?.[0];
    if (program) return { program, line: ins.line };
  }
  return null;
}

/**
 * What the runtime stage installs for the programs the image's own code runs (helper-programs.ts: packages
 * that shell out, scripts made executable; code-programs.ts: the literal commands of the context's sources)
 * and the programs the stage's replayed commands call (bower: git, their family's `calls`) that the builder had
 * and the runtime base lacks (programsToInstall), and the sources' programs the state model must find
 * (`started`: those the runtime base lacks, installed or not). `helpers`: helperPrograms, as the state model holds them.
 */
function codeNeeds(input: { model: Model; analysis: Analysis; builderImage: string; runtimeBase: string; context: BuildContext; decision: PresetDecision; extra: ExtraPackages | null; steps: readonly RuntimeStep[]; helpers: readonly Started[] }): {
  packages: string[];
  findings: Finding[];
  started: Started[];
  declines: Finding[];
  unproven: Finding[];
} {
  const { model, analysis, builderImage, runtimeBase, context, decision, extra } = input;
  const runs = [...analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => (c.install ? [c.install] : [])));
  const installed = new Set([...runs.flatMap((i) => i.runtime), ...(extra?.packages ?? [])]);
  for (const steps of decision.runtimeReplacements?.values() ?? []) for (const s of steps) if (s.kind === 'install') for (const p of s.packages) installed.add(p);
  const buildInstalled = new Set(runs.flatMap((i) => [...i.runtime, ...i.build]));
  const firstLine = model.stages[0]?.instructions.length ? model.instructions[model.stages[0].instructions[0]!]!.line : 1;
  const sources = programsCodeRuns(context).map((p) => ({ programs: [p.program], by: p.by }));
  // the programs of the start scripts dfsplit can read: each command's program, first sighting
  const scripts = startScripts(model, analysis, context);
  for (const s of scripts) for (const program of s.text === null ? [] : scriptPrograms(s.text)) if (!sources.some((x) => x.programs[0] === program)) sources.push({ programs: [program], by: s.path });
  // a start script it cannot read, on a runtime base without tools the builder had: what it runs is unknown
  const lacks = toolsLost(builderImage, runtimeBase);
  const unproven: Finding[] = lacks.length ? scripts.flatMap((s) => (s.text === null ? [{ id: 'unproven-start-script' as const, data: { path: s.path, why: s.why ?? '', from: builderImage, to: runtimeBase, tools: lacks.slice(0, 4).join(', ') }, line: s.line }] : [])) : [];
  const helpers = input.helpers.map((h) => ({ programs: [h.word, ...(h.helper?.also ?? [])], by: h.keyword, line: h.line }));
  const calls = input.steps.flatMap((s) =>
    s.commands.flatMap((c) => {
      const programs = programsCalledBy(c.words[0] ?? '');
      return programs.length && s.source !== null ? [{ programs, by: c.words[0]!, line: model.instructions[s.source]!.line }] : [];
    }),
  );
  const result = programsToInstall([...helpers, ...sources, ...calls], builderImage, runtimeBase, installed, buildInstalled);
  // a replayed command's program that no package is known for: the replay would fail (command-missing)
  const declines = result.declines.filter((d) => calls.some((c) => c.by === d.data?.keyword));
  const started = result.missing.filter((n) => sources.includes(n as (typeof sources)[number])).map((n) => ({ word: n.programs[0]!, line: firstLine, keyword: n.by, helper: { also: n.programs.slice(1) } }));
  return { packages: result.packages, findings: result.findings, started, declines, unproven };
}

/**
 * Tools a HEALTHCHECK, CMD or ENTRYPOINT calls must exist at runtime. When the original installed
 * them as build-only packages, or got them from a bigger base image, the runtime stage installs them.
 */
function toolsForRuntime(model: Model, analysis: Analysis, runtimeBase: string, builderImage: string, findings: Finding[]): ExtraPackages | null {
  const manager = packageManagerOf(runtimeBase);
  if (!manager || !hasShell(runtimeBase)) return null;
  const installed = new Set<string>();
  let tool = packageManager(manager).defaultTool;
  for (const run of analysis.runs.values())
    for (const c of run.commands)
      if (c.install) {
        for (const p of c.install.runtime) installed.add(p);
        tool = c.install.tool;
      }
  const wanted: string[] = [];
  for (const ins of model.instructions) {
    if (ins.keyword !== 'HEALTHCHECK' && ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
    const command = ins.keyword === 'HEALTHCHECK' ? ins.command : { text: ins.command, json: ins.json };
    if (!command) continue;
    for (const word of runtimeCommandWords(command.text, command.json)) {
      const pkg = TOOL_PACKAGES[word.split('/').pop() ?? '']?.[manager];
      if (!pkg || installed.has(pkg) || wanted.includes(pkg)) continue;
      const fromBase = runtimeBase !== builderImage && builtOnBuildpackDeps(builderImage) && BUILDPACK_PACKAGES.includes(pkg);
      if (!fromBase && !buildOnlyInstalled(analysis, pkg)) continue;
      if (word === 'bash' && manager === 'apt') continue; // every Debian image has bash
      wanted.push(pkg);
      findings.push({ id: 'tool-added', data: { tool: word, keyword: ins.keyword, package: pkg }, line: ins.line });
    }
  }
  return wanted.length ? { manager, tool, packages: wanted } : null;
}

/** The extra install with `packages` added (in the runtime base's package manager, which has them: nativeNodeLibraries). */
function withPackages(extra: ExtraPackages | null, runtimeBase: string, packages: readonly string[]): ExtraPackages | null {
  const manager = packageManagerOf(runtimeBase);
  if (!packages.length || !manager) return extra;
  const base = extra ?? { manager, tool: packageManager(manager).defaultTool, packages: [] };
  return { ...base, packages: [...base.packages, ...packages.filter((p) => !base.packages.includes(p))] };
}

/**
 * A package install repeated in the runtime stage after compilers were installed may have needed them
 * (native npm modules, gems with C extensions): without them it would fail or differ, so dfsplit declines.
 */
function replayNeedsBuildTools(model: Model, analysis: Analysis, decision: PresetDecision, builderImage: string, runtimeBase: string): Finding[] {
  // the compiler of the builder's image itself (ruby's and python's full tags), when the runtime base has none
  const builderCompiler = imageCompiler(builderImage);
  const ownCompiler = builderCompiler && !imageCompiler(runtimeBase) ? `${builderCompiler} (of ${builderImage}, which ${runtimeBase} lacks)` : null;
  let compilers: string | null = null;
  for (const [index, run] of [...analysis.runs].sort((a, b) => a[0] - b[0])) {
    // a RUN the preset keeps in the builder (its output copied) is not repeated
    if (decision.runtimeReplacements?.has(index) || decision.overrides?.get(index)?.phase === 'build') continue;
    for (const c of run.commands) {
      const found = c.install?.build.find(isBuildToolPackage);
      if (found) compilers ??= found;
      if (compilesNothing(c.words)) continue;
      // the image's own compiler counts for gems and Python packages (C extensions built with it); npm's
      // native addons are the node preset's to judge
      // (Bundler alone is pure Ruby: `gem install bundler` needs no compiler)
      const pureTooling = runsGem(c.words) && !bringsGemsBeyondBundler(c.words);
      const tool = compilers ?? (familyOf(c.words[0] ?? '')?.id === 'node' || pureTooling ? null : ownCompiler);
      if (tool && isReplayedInstall(c)) {
        return [{ id: 'replay-needs-build-tools', data: { command: c.words.slice(0, 3).join(' '), tool }, line: lineOf(model, index) }];
      }
    }
  }
  return [];
}

function buildOnlyInstalled(analysis: Analysis, pkg: string): boolean {
  for (const run of analysis.runs.values()) for (const c of run.commands) if (c.install?.build.includes(pkg)) return true;
  return false;
}

function lineOf(model: Model, index: number): number {
  return model.instructions[index]?.line ?? 1;
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.id}:${f.line ?? ''}:${JSON.stringify(f.data ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
