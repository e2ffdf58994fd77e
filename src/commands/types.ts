// What dfsplit knows about one family of shell commands (npm/yarn/pnpm, apt/dpkg, pip, ...), as data first
// and small functions where data cannot say it. The analyzer, the plan and the state model ask these
// answers through the registry (index.ts) and do not restate them.

/** What a command is for, as the analyzer classifies it (see `CommandKind` in src/analyze/run.ts). */
export type RuleKind = 'build' | 'test' | 'fetch' | 'setup' | 'cleanup' | 'toolchain-run';

/** How a command word is classified. `sub` narrows by the first non-option argument ('' = none). */
export interface SubcommandRule {
  kind: RuleKind;
  sub?: readonly string[];
}

export interface CommandFamily {
  /** The file's name under src/commands/ and its test's under test/commands/. */
  id: string;
  /** Every command name the family answers for (exact words, as a script's first word). */
  names: readonly string[];
  /**
   * Per command name, the kind of each subcommand: the first rule whose `sub` lists the first
   * non-option argument (or that has no `sub`) decides; none is `unknown`.
   */
  subcommands?: Readonly<Record<string, readonly SubcommandRule[]>>;
  /** A kind that data cannot give (an option that changes it, a script name): asked before `subcommands`; null = no answer. */
  kindOf?(words: readonly string[]): RuleKind | null;
  /** Names whose system-wide installs (kind `setup`) the runtime stage replays: a fresh stage runs them again. */
  replayed?: readonly string[];
  /** Names that install from lists dfsplit cannot read (a lockfile, a manifest): the state model trusts what they bring. */
  languageInstallers?: readonly string[];
  /** Programs a system package gives besides one named like the package (the family's tools among them). */
  provides?: Readonly<Record<string, readonly string[]>>;
  /** A CMD or ENTRYPOINT (its words joined by spaces) that needs the family's toolchain in the container. */
  toolchainAtRuntime?: readonly RegExp[];
}
