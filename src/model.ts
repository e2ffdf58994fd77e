// Plain data for one Dockerfile. Every instruction keeps its exact source slice so that
// untouched text prints back byte for byte (chainguard-dev/dfc keeps {Raw, Converted, Extra} per line).

/** A `--name=value` flag written before an instruction's arguments. */
export interface Flag {
  name: string;
  value: string;
}

/** One instruction with its source position and the pieces later passes read. */
export interface Instruction {
  /** Index in `Model.instructions`. */
  index: number;
  /** Upper-case keyword, e.g. `RUN`. */
  keyword: string;
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
  /** Arguments after the flags, with continuations joined and in-continuation comments removed. */
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
}

export function flag(instruction: Instruction, name: string): string | undefined {
  return instruction.flags.find((f) => f.name === name)?.value;
}
