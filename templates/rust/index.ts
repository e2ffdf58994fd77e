// Rust: `cargo build --release` (or `cargo install`) in the builder; the runtime stage holds the binary
// on the Debian slim image of the builder's release, with CA certificates and the runtime libraries of
// the crates that link system ones (openssl-sys -> libssl3, pq-sys -> libpq5, ...).
// https://doc.rust-lang.org/cargo/reference/cargo-targets.html#binaries  https://hub.docker.com/_/rust
import { RUST_SYS_CRATES, RUST_SELF_CONTAINED_SYS } from '../../src/knowledge/rust-crates.js';
import { distributionOf, parseImage, releaseInTag } from '../../src/images.js';
import { isFrozen } from '../../src/tags.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, CommandRewrite, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { entrypointArguments, filesChangeBetween, startCommand } from '../../src/runtime-contract.js';
import { optionValue, type RunCommand } from '../../src/analyze/run.js';
import { joinPath } from '../../src/shell.js';
import { CARGO_LEAVES_BUILD, cargoSubcommand, neutralCargoOption } from '../../src/commands/rust.js';
import { RUST_IMPLICIT_READS } from '../../src/knowledge/rust-crates.js';
import { leaveSources, RUST_SOURCES } from '../shared/runtime-files.js';

interface CargoStep {
  index: number;
  command: RunCommand;
  sub: 'build' | 'install';
}

/** `cargo build --release` and `cargo install` steps; also debug builds when the container starts a debug `cargo run`. */
function cargoSteps(input: PresetInput, run: ReturnType<typeof cargoRun> = cargoRun(input)): CargoStep[] {
  const out: CargoStep[] = [];
  const debugRun = run !== null && !('refused' in run) && run.profile === 'debug';
  for (const [index, run] of input.analysis.runs)
    for (const command of run.commands) {
      // a toolchain override (`cargo +nightly build`) is no subcommand
      const sub = cargoSubcommand(command.words.filter((w) => !w.startsWith('+')));
      if (sub === 'build' && (isRelease(command.words) || debugRun)) out.push({ index, command, sub });
      if (sub === 'install') out.push({ index, command, sub });
    }
  return out;
}

/** cargo subcommands that leave sources and the built binary as they are. */
const cargoOnly = (words: readonly string[]) => CARGO_LEAVES_BUILD.includes(cargoSubcommand(words) ?? '');
const isRelease = (words: readonly string[]) => words.includes('--release') || words.includes('-r');

/** Options (and the words they take) after `cargo <sub>`, up to `--`, that change what is built. */
function significantOptions(words: readonly string[]): string[] {
  const out: string[] = [];
  const rest = words.slice(words.findIndex((w, i) => i > 0 && !w.startsWith('-')) + 1);
  for (let i = 0; i < rest.length && rest[i] !== '--'; i++) {
    const neutral = neutralCargoOption(rest[i]!);
    if (!neutral) out.push(rest[i]!);
    else if (neutral === 'valued') i++;
  }
  return out;
}

/**
 * `cargo run` as the command the container starts: the profile and binary it runs, and its program
 * arguments; `refused` says why it cannot be replaced by the built binary; null when it is not cargo run.
 */
function cargoRun(input: PresetInput): { index: number; profile: 'release' | 'debug'; bin: string | null; args: string[]; cwd: string } | { refused: string; index: number } | null {
  const start = startCommand(input.model);
  const words = start?.words ?? [];
  if (!start || cargoSubcommand(words) !== 'run') return null;
  const index = start.ins.index;
  const dash = words.indexOf('--');
  const options = significantOptions(dash < 0 ? words : words.slice(0, dash));
  if (options.length) return { refused: `${options.join(' ')} changes what cargo run builds or runs`, index };
  const cmd = entrypointArguments(input.model, start.ins);
  if (cmd) return { refused: `CMD on line ${cmd.line} adds words to the ENTRYPOINT's cargo run`, index };
  const cwd = input.analysis.scopes.get(index)?.workdir ?? '/';
  const volume = input.model.instructions.find((i) => i.keyword === 'VOLUME' && i.paths.some((v) => /[/\w]/.test(v)) && i.paths.some((v) => cwd.startsWith(v.replace(/\/+$/, '') || '/')));
  if (volume) return { refused: `VOLUME on line ${volume.line} covers ${cwd}: cargo run rebuilds whatever sources are mounted there`, index };
  return { index, profile: isRelease(words.slice(0, dash < 0 ? words.length : dash)) ? 'release' : 'debug', bin: optionValue(dash < 0 ? words : words.slice(0, dash), '--bin'), args: dash < 0 ? [] : words.slice(dash + 1), cwd };
}

/** `[package] name` and `[[bin]] name`s of a Cargo.toml, and whether it is a workspace. */
function cargoToml(text: string): { package: string | null; bins: string[]; workspace: boolean } {
  let section = '';
  let pkg: string | null = null;
  const bins: string[] = [];
  let workspace = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      if (section === 'workspace') workspace = true;
      continue;
    }
    const m = /^name\s*=\s*"([^"]+)"/.exec(line);
    if (m && section === 'package') pkg = m[1]!;
    if (m && section === 'bin') bins.push(m[1]!);
  }
  return { package: pkg, bins, workspace };
}

/**
 * The Debian slim image of the builder's release, or null when the tag does not tell it: a tag that still moves
 * (`rust`, `rust:latest`, on trixie now; src/tags.ts) fixes none, whatever release the image table assumes for it.
 */
export function runtimeImage(builder: string): string | null {
  if (releaseInTag(builder) === null && isFrozen(builder) === false) return null;
  const distribution = distributionOf(builder);
  return distribution?.name === 'debian' && distribution.release ? `debian:${distribution.release}-slim` : null;
}

export default {
  id: 'rust',
  summary: 'cargo builds in the builder; the runtime stage holds the binary on the Debian slim image of the same release, with CA certificates and the libraries of -sys crates',
  detect(input) {
    if (parseImage(input.builderImage).name !== 'rust') return null;
    const steps = cargoSteps(input);
    return steps.length ? `\`cargo ${steps[0]!.sub}\` on line ${input.model.instructions[steps[0]!.index]!.line}` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const findings: Finding[] = [];
    const artifacts: Artifact[] = [];
    const built: { step: CargoStep; path: string; name: string }[] = [];
    const run = cargoRun(input);
    const steps = cargoSteps(input, run);
    const image = runtimeImage(input.builderImage);
    if (!image) declines.push({ id: 'rust-release-unknown', data: { image: input.builderImage } });
    const env = (i: number) => input.analysis.scopes.get(i)!.env;
    for (const step of steps) {
      const { words, cwd } = step.command;
      const line = input.model.instructions[step.index]!.line;
      if (optionValue(words, '--target') || optionValue(words, '--target-dir') || env(step.index).get('CARGO_TARGET_DIR') || step.command.assigns.CARGO_TARGET_DIR) {
        declines.push({ id: 'rust-output-unknown', data: { why: 'a --target, --target-dir or CARGO_TARGET_DIR moves the binary' }, line });
        continue;
      }
      // the binary's name: --bin, else the only [[bin]], else the package name (Cargo.toml in the context)
      let name = optionValue(words, '--bin');
      if (!name) {
        const dir = step.sub === 'install' ? (optionValue(words, '--path') ?? '.') : '.';
        const rel = joinPath(cwd, dir);
        const toml = input.context.read(`${dir.replace(/^\.\/?/, '').replace(/\/$/, '')}${dir === '.' || dir === './' ? '' : '/'}Cargo.toml`);
        if (toml === null) {
          declines.push({ id: 'rust-output-unknown', data: { why: `no Cargo.toml for ${rel} in the build context to name the binary` }, line });
          continue;
        }
        const t = cargoToml(toml);
        if (t.workspace && !t.package) {
          declines.push({ id: 'rust-output-unknown', data: { why: 'a workspace builds several binaries; name one with --bin' }, line });
          continue;
        }
        if (t.bins.length > 1) {
          declines.push({ id: 'rust-output-unknown', data: { why: `Cargo.toml has ${t.bins.length} [[bin]] targets; name one with --bin` }, line });
          continue;
        }
        name = t.bins[0] ?? t.package;
        if (!name) {
          declines.push({ id: 'rust-output-unknown', data: { why: 'Cargo.toml names no package' }, line });
          continue;
        }
      }
      // where `cargo install` puts binaries is the analyzer's to say (--root, CARGO_HOME, ~/.cargo)
      const bin = step.command.outputs[0];
      const path = step.sub === 'install' ? (bin ? `${bin}/${name}` : null) : joinPath(cwd, `target/${isRelease(words) ? 'release' : 'debug'}/${name}`);
      if (!path) {
        declines.push({ id: 'rust-output-unknown', data: { why: 'where cargo install puts the binary is not known' }, line });
        continue;
      }
      artifacts.push({ path, producer: step.index, why: { id: 'artifact-output', data: { path, command: `cargo ${step.sub}` }, line } });
      built.push({ step, path, name });
    }
    // `cargo run` right after a `cargo build` of the same profile and options runs that build's binary
    let command: CommandRewrite | undefined;
    if (run && 'refused' in run) declines.push({ id: 'command-rewrite-refused', data: { command: 'cargo run', why: run.refused }, line: input.model.instructions[run.index]!.line });
    else if (run) {
      const line = input.model.instructions[run.index]!.line;
      const matches = (step: CargoStep) => step.sub === 'build' && step.index < run.index && step.command.cwd === run.cwd && (isRelease(step.command.words) ? 'release' : 'debug') === run.profile && significantOptions(step.command.words).length === 0;
      const same = built.filter((b) => matches(b.step) && (run.bin === null || run.bin === b.name)).pop();
      // a matching build whose binary could not be named has declined above
      // cargo run builds from the files as they are at start: a COPY or a command after the build changes what it would run
      const changed = same ? filesChangeBetween(input.model, input.analysis, { index: same.step.index, command: input.analysis.runs.get(same.step.index)!.commands.indexOf(same.step.command) }, run.index, cargoOnly) : null;
      if (!same && steps.some((st) => matches(st) && !built.some((b) => b.step === st))) {
        /* said above */
      } else if (changed) declines.push({ id: 'command-rewrite-refused', data: { command: 'cargo run', why: `${changed.what} comes after the cargo build, and cargo run would build again from what it leaves` }, line });
      else if (!same) declines.push({ id: 'command-rewrite-refused', data: { command: 'cargo run', why: `no cargo build of the ${run.profile} profile without other options runs in ${run.cwd} before it, so cargo run would compile at start` }, line });
      else command = { index: run.index, words: [same.path, ...run.args], why: `cargo run runs ${same.path}, which \`cargo build\` on line ${input.model.instructions[same.step.index]!.line} made with the same profile and options; the built binary starts without the toolchain` };
    }
    // -sys crates that link system libraries, from Cargo.lock (or Cargo.toml when there is no lock)
    const lock = input.context.read('Cargo.lock');
    const locked = [...(lock ?? '').matchAll(/^name = "([^"]+)"/gm)].map((m) => m[1]!);
    const crates = lock !== null ? locked : [...(input.context.read('Cargo.toml') ?? '').matchAll(/^([\w-]+)\s*=/gm)].map((m) => m[1]!);
    const libs = ['ca-certificates'];
    for (const crate of new Set(crates)) {
      const needs = RUST_SYS_CRATES[crate];
      if (needs) {
        for (const l of needs) if (!libs.includes(l)) libs.push(l);
        continue;
      }
      if (crate.endsWith('-sys') && !RUST_SELF_CONTAINED_SYS.has(crate)) declines.push({ id: 'rust-sys-crate-unknown', data: { crate } });
    }
    if (lock === null) findings.push({ id: 'rust-crates-unchecked' });
    // the table names Debian 12 packages (libssl3 is libssl1.1 on bullseye)
    if (libs.length > 1 && image && image !== 'debian:bookworm-slim') declines.push({ id: 'rust-libs-release', data: { image, libs: libs.slice(1).join(' ') } });
    const replacements = new Map<number, PresetStep[]>();
    const first = steps[0];
    if (first) replacements.set(first.index, [{ kind: 'install', manager: 'apt', packages: libs }]);
    findings.push({ id: 'rust-runtime-libs', data: { libs: libs.join(' ') } });
    // the sources stay in the builder unless the program reads files of them at run time (what they name is copied)
    const implicit = Object.entries(RUST_IMPLICIT_READS).flatMap(([crate, paths]) => (locked.includes(crate) ? paths : []));
    // (no binary built, no cwd: no source copy is found and nothing is copied)
    const sources = leaveSources(input, { language: RUST_SOURCES, cwds: built.map((b) => b.step.command.cwd), producer: Math.max(...built.map((b) => b.step.index)), what: 'binary', keptId: 'rust-sources-kept', implicit });
    artifacts.push(...sources.artifacts);
    findings.push(...sources.findings);
    return {
      dropFromRuntime: sources.drop,
      unproven: sources.unproven,
      runtimeBase: { image: image ?? input.builderImage, why: `the Debian release of ${input.builderImage}, slim: a glibc binary needs no toolchain` },
      artifacts,
      runtimeReplacements: replacements,
      declines,
      findings,
      command,
    };
  },
} satisfies Preset;
