// The contract a language preset fulfils. Presets are declarative objects under templates/<id>/
// (`export default { ... } satisfies Preset`), like knip's plugins; templates/_template/ is the one to copy.
import type { Analysis, Phase } from './analyze/index.js';
import type { Finding, MessageId } from './messages.js';
import type { Model } from './model.js';
import type { PackageManager } from './analyze/tables.js';
import type { BuildContext } from './context.js';

/** A path the runtime stage copies from the builder, and the instruction after which it exists. */
export interface Artifact {
  path: string;
  /** Where it lands in the runtime stage (defaults to `path`). */
  to?: string;
  /** Instruction index that produced it: the COPY --from goes right after that instruction's runtime part. */
  producer: number;
  why: Finding;
  /** Made by the preset's builder edits, not by the original file (the state model cannot see it). */
  byPreset?: boolean;
  /** A preset's copy of a directory a builder edit gathered (PresetStep `gathered`): what it brings lies at `to` in the builder too. */
  gathered?: true;
  /**
   * The builder's paths the copy brings, each to the same place, when they are not `path` itself: what the staged
   * installs wrote into their prefixes (src/staged-install.ts: `/staging` copied onto / brings /usr, /etc, ...).
   */
  brings?: readonly string[];
  /**
   * A file of the builder's base image or of a package the builder installs (CA certificates, time zones),
   * not made by any instruction: the check takes it as made, and the build fails if it is missing.
   */
  fromImage?: boolean;
}

/**
 * A step a preset adds to the runtime stage, as data; src/step-printer.ts is the one place that writes it
 * as a Dockerfile line, and the plan reads its fields (what a copy brings, what a RUN runs), never the text.
 */
export type PresetStep =
  /**
   * `COPY --from=<builder> [--chown=<chown>] <source> <dest>`: a file or directory the builder has. `gathered`: the
   * source is a directory a builder edit filled with exactly what to copy (the links npm made for a package's programs),
   * so a system directory as `dest` receives only that.
   */
  | { kind: 'copy'; source: string; dest: string; chown?: string; gathered?: true }
  /** `RUN <script>`. */
  | { kind: 'run'; script: string }
  /** `RUN <install>` of system packages, as the package manager's family writes it (src/commands/). */
  | { kind: 'install'; manager: PackageManager; packages: readonly string[]; tool?: string; recommends?: boolean }
  /** `ENV name=value ...`. */
  | { kind: 'env'; pairs: readonly (readonly [string, string])[] }
  | { kind: 'workdir'; path: string }
  | { kind: 'user'; user: string };

/**
 * A change a preset makes to the builder, as data: the builder is the original file byte for byte but for
 * these (src/step-printer.ts writes them; the test invariants read them from `convertDetailed`).
 */
export type BuilderEdit =
  /** `RUN <script>` on a line of its own, right after instruction `after`. */
  | { kind: 'run'; after: number; script: string }
  /** `<name>=<value> ` in front of the command that starts at offset `at` of RUN `index`'s script: set for that command only. */
  | { kind: 'assign'; index: number; at: number; name: string; value: string }
  /**
   * `<script> && ` in front of the command that starts at offset `at` of RUN `index`'s script: a command run
   * right before it, which the command then runs after as in the original (the plan's staged install,
   * src/staged-install.ts: the install once more into a DESTDIR, whose files the runtime stage copies).
   */
  | { kind: 'insert'; index: number; at: number; script: string }
  /** The FROM instruction `index` names `to` instead of `from` (the declared pin of a moving tag, src/pin.ts; not a preset's). */
  | { kind: 'image'; index: number; from: string; to: string };

/** A CMD or ENTRYPOINT the runtime stage replaces with the program the original's command builds and runs. */
export interface CommandRewrite {
  /** The CMD or ENTRYPOINT instruction (by index): the last of its kind, the one the container starts. */
  index: number;
  /** The program and its arguments; written in the original's form (exec or shell) when every word is plain. */
  words: string[];
  /** Why the two start the same program, for `explain`. */
  why: string;
}

/** The edit that adds `RUN <command>` to the builder right before instruction `index` (after the one before it). */
export function runBefore(index: number, command: string): BuilderEdit {
  return { kind: 'run', after: index - 1, script: command };
}

/** A preset's own classification of an instruction. */
export interface Override {
  phase: Phase;
  reason: MessageId;
  data: Record<string, string>;
}

/** What a preset decides for one Dockerfile. Everything is optional: unset means "as the generic split does". */
export interface PresetDecision {
  runtimeBase?: { image: string; why: string };
  /** Replaces the generic artifacts. */
  artifacts?: Artifact[];
  /** Steps that replace an instruction's runtime part (by instruction index), e.g. installing wheels. */
  runtimeReplacements?: ReadonlyMap<number, readonly PresetStep[]>;
  /** New phases for instructions the preset understands better than the generic analyzer. */
  overrides?: ReadonlyMap<number, Override>;
  /** Instructions (by index) the runtime stage leaves out, e.g. COPY of Go sources. */
  dropFromRuntime?: ReadonlySet<number>;
  /** The few builder lines a preset adds or changes. */
  builderEdits?: BuilderEdit[];
  /** Rewrite shell-form CMD/ENTRYPOINT to exec form (for runtimes without /bin/sh). */
  execForm?: boolean;
  /**
   * The one sanctioned change to what the container starts: a CMD or ENTRYPOINT that builds and runs
   * the program at start (`cargo run`, `mvn spring-boot:run`, `dotnet run`) starts the program the
   * builder made instead. The check holds the runtime stage to exactly this command.
   */
  command?: CommandRewrite;
  findings?: Finding[];
  declines?: Finding[];
  /** What only a build of both images can prove (the conversion is then `build` level, src/proof.ts). */
  unproven?: Finding[];
}

/** Everything a preset can read. */
export interface PresetInput {
  model: Model;
  analysis: Analysis;
  /** The builder's base image as written. */
  builderImage: string;
  context: BuildContext;
  /** The runtime base the user asked for with --runtime-base, if any. */
  requestedRuntimeBase: string | null;
  builderName: string;
  /**
   * The builder's tag as the file wrote it when the builder is pinned (src/pin.ts: `golang` written, `golang:trixie`
   * in builderImage), else null: what the pinned tag names today may not be what the written one named then.
   */
  pinnedFrom?: string | null;
}

/** A language preset. */
export interface Preset {
  id: string;
  summary: string;
  /** Returns why the preset applies (shown by `explain`), or null when it does not. */
  detect(input: PresetInput): string | null;
  decide(input: PresetInput): PresetDecision;
}
