// Plain data for one Dockerfile. Every instruction keeps its exact source slice so that
// untouched text prints back byte for byte (chainguard-dev/dfc keeps {Raw, Converted, Extra} per line).

/** A `--name=value` flag written before an instruction's arguments. */
export interface Flag {
  name: string;
  value: string;
}

/** An instruction's keyword, upper case. */
export type Keyword = Instruction['keyword'];

/** The instruction type of a keyword: `InstructionOf<'CMD'>` is a CommandInstruction. */
export type InstructionOf<K extends Keyword> = Instruction extends infer I ? (I extends { keyword: infer W } ? (K extends W ? I : never) : never) : never;

/** What every instruction has: its source position and text, read once by parse.ts. */
export interface InstructionBase {
  /** Index in `Model.instructions`. */
  index: number;
  /** 1-based line of the keyword. */
  line: number;
  /** 1-based last line (continuations and heredocs included). */
  endLine: number;
  /** Character offset of the first character of the instruction's first line. */
  start: number;
  /** Character offset just past the instruction's last line, its line ending excluded. */
  end: number;
  /** The source text from `start` to `end`. */
  raw: string;
  /**
   * Arguments after the flags, with continuations joined and in-continuation comments removed. The
   * printer and edits need this text; readers that want its meaning read the typed fields below.
   */
  args: string;
  /** Offset in the file of the character at index `i` of `args`, to map edits back to the source. */
  argsOffsetAt(i: number): number;
  flags: Flag[];
  /** Exec-form arguments when `args` is a valid JSON array of strings, else null. */
  json: string[] | null;
  /** True when the instruction carries a heredoc (`<<EOF`). */
  heredoc: boolean;
  /** Index of the stage it belongs to, -1 before the first FROM. */
  stage: number;
}

/** `FROM [--platform=p] image [AS name]`. */
interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  image: string;
  /** The stage name, lower case (Docker's stage names are case-insensitive), or null. */
  name: string | null;
  platform: string | null;
}

/** `COPY`/`ADD [flags] src... dest`, shell or exec form. */
export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  /** The words after the flags as written: the sources, then the destination. */
  words: string[];
  /** The sources as written (the destination left out). */
  sources: string[];
  /** The destination as written, '' when there is none. */
  destination: string;
  /** `--from`: the stage or image copied from, or null for the build context. */
  from: string | null;
}

/** `ENV A=1 B=2`, or legacy `ENV A 1`. */
interface EnvInstruction extends InstructionBase {
  keyword: 'ENV';
  /** Names and values, quotes removed, variables not expanded. */
  pairs: [string, string][];
}

/** `ARG name[=default] ...`. */
export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  /** Names and defaults (quotes around a default removed; null without one). */
  pairs: { name: string; value: string | null }[];
}

/** `RUN [--mount=...] script`, in shell, exec or heredoc form. */
interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  form: 'shell' | 'exec' | 'heredoc';
  /** What the shell runs: the shell form's text, the exec form's words joined, or the heredoc's body. */
  script: string;
  /** The values of the `--mount` flags. */
  mounts: string[];
}

/** `CMD`, `ENTRYPOINT` or `SHELL`, in shell or exec form. */
export interface CommandInstruction extends InstructionBase {
  keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL';
  form: 'shell' | 'exec';
  /** The shell form's text, trimmed (for the exec form, the JSON text). */
  command: string;
  /** The exec form's words, or the shell form's text split at blanks (quotes kept). */
  words: string[];
  /** The exec form's words, or the shell form's words when it needs no shell feature; else null. */
  plain: string[] | null;
}

/** `HEALTHCHECK [options] CMD ...` or `HEALTHCHECK NONE`. */
interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  /** `none` for NONE, `exec` when the command is written as a JSON array, else `shell`. */
  form: 'none' | 'exec' | 'shell';
  /** The command after `CMD` (exec form when it is a JSON array of strings), or null for NONE. */
  command: { text: string; json: string[] | null } | null;
}

/** `WORKDIR path`. */
interface WorkdirInstruction extends InstructionBase {
  keyword: 'WORKDIR';
  /** As written, trimmed, variables not expanded. */
  path: string;
}

/** `USER user[:group]`. */
interface UserInstruction extends InstructionBase {
  keyword: 'USER';
  /** As written, trimmed (`app`, `1000:1000`). */
  user: string;
}

/** `VOLUME` paths, shell or exec form. */
interface VolumeInstruction extends InstructionBase {
  keyword: 'VOLUME';
  /** The paths as written. */
  paths: string[];
}

/** The instructions whose arguments nothing reads apart from their text. */
interface OtherInstruction extends InstructionBase {
  keyword: 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ONBUILD' | 'STOPSIGNAL';
}

/** One instruction, its arguments read once by keyword (a discriminated union on `keyword`). */
export type Instruction = FromInstruction | CopyInstruction | EnvInstruction | ArgInstruction | RunInstruction | CommandInstruction | HealthcheckInstruction | WorkdirInstruction | UserInstruction | VolumeInstruction | OtherInstruction;

/** One `FROM` and the instructions after it. */
export interface Stage {
  index: number;
  /** Index of the FROM instruction. */
  from: number;
  image: string;
  name: string | null;
  platform: string | null;
  instructions: number[];
}

/** A parsed Dockerfile. */
export interface Model {
  /** The text without its byte order mark. */
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  escape: string;
  instructions: Instruction[];
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  globalArgs: number[];
  /**
   * Set when the model is a file read with its onbuild base image's instructions written out after its FROM
   * (src/onbuild.ts): the indices of those instructions, which the output cannot edit (they stay in the image).
   */
  onbuild?: { first: number; count: number; image: string };
}

export function flag(instruction: Instruction, name: string): string | undefined {
  return instruction.flags.find((f) => f.name === name)?.value;
}
