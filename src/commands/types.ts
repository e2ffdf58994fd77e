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

/** A system package manager, as images and installs name it (apt-get and apt are both `apt`). */
export type PackageManager = 'apt' | 'apk' | 'yum';

/** The subcommands of one system package-manager command. */
export interface PackageSubcommands {
  /** Subcommands that install the packages named after them; every other one maintains the system (update, clean, upgrade, remove). */
  install: readonly string[];
  /** Subcommands that remove the packages named after them. */
  removes: readonly string[];
}

/** What a family that is a system package manager knows. */
export interface SystemPackages {
  manager: PackageManager;
  /** Per command name, its subcommands. */
  commands: Readonly<Record<string, PackageSubcommands>>;
  /** Options that take the next word as their value (so it is no subcommand and no package). */
  valueOptions: readonly string[];
  /** Options whose value names a group of packages removed together later (`apk add --virtual .deps`). */
  virtualOptions?: readonly string[];
  /** Options that turn off recommended (weak) dependencies. */
  noRecommends?: readonly string[];
  /** The subcommand that downloads the package lists an install needs (the state model tracks them). */
  refreshesLists?: string;
  /** The command a fresh stage runs to install `packages` (with `tool`, the command the original used). */
  installLine(tool: string, packages: readonly string[], recommends: boolean): string;
  /** The command a runtime stage uses when the original installed nothing. */
  defaultTool: string;
}

/** What a command writes that dfsplit can name: absolute paths, or `unnamed` when it writes somewhere it cannot tell. */
export interface Outputs {
  paths: readonly string[];
  unnamed: boolean;
}

/**
 * What a file command does with the paths it names (its operands, past the options that take a value),
 * as the state model replays it: which it makes, which it deletes, which must exist before it runs.
 */
export interface PathUse {
  /** `each` operand (mkdir, touch) or the `last` one, the destination (cp, mv, ln, install). */
  makes?: 'each' | 'last';
  /** Deletes each operand (rm). */
  removes?: 'each';
  /** Needs the `first` operand (cd), `each` (source), all `after-first` (chmod's mode, chown's owner come first) or all `but-last` (the sources of cp, mv). */
  needs?: 'first' | 'each' | 'after-first' | 'but-last';
  /** The first operand names an owner (`chown app:app /srv`): that user must exist. */
  owner?: boolean;
  /** It changes the shell's working directory (cd): the directory it starts in need not be known. */
  changesDirectory?: boolean;
  /** Options that take the next word as their value (so it is no operand). */
  valueOptions?: readonly string[];
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
  /** Names the runtime stage may replay with no build to prove it (src/proof.ts `safeToReplay`): what they do does not depend on what the builder left. */
  replaySafe?: readonly string[];
  /** Names that install from lists dfsplit cannot read (a lockfile, a manifest): the state model trusts what they bring. */
  languageInstallers?: readonly string[];
  /** Programs a system package gives besides one named like the package (the family's tools among them). */
  provides?: Readonly<Record<string, readonly string[]>>;
  /** Per command name, the account it creates (the name is its last operand) and its options that take a value. */
  accounts?: Readonly<Record<string, { creates: 'user' | 'group'; valueOptions: readonly string[] }>>;
  /** A system package manager: its commands' subcommands, options and install line. */
  packages?: SystemPackages;
  /** A CMD or ENTRYPOINT (its words joined by spaces) that needs the family's toolchain in the container. */
  toolchainAtRuntime?: readonly RegExp[];
  /** Names that copy or unpack files: inside a RUN that builds, what they write is an artifact (kind `file-move`); elsewhere they set the system up. */
  movesFiles?: readonly string[];
  /** What a command of the family writes when it fetches (kind `fetch`) or moves files (kind `file-move`); `at` makes a path absolute against the command's working directory. */
  outputs?(words: readonly string[], at: (path: string) => string): Outputs;
  /** Per command name, what it does with the paths it names (the state model). */
  paths?: Readonly<Record<string, PathUse>>;
  /** Names that run the command after them (`sudo make`, `gosu app make`): how many words the prefix is, options aside (`gosu app`: 2). */
  prefixes?: Readonly<Record<string, number>>;
  /** Prefixes an image's ENTRYPOINT runs the CMD through (`gosu app`): the program a container starts is the one after them. */
  wrapsEntrypoint?: readonly string[];
  /** Shell builtins that change only the shell they run in: no program is looked up on PATH for them. */
  shellOnly?: readonly string[];
  /** Names with no effect on the image unless they write a file (by redirection): a runtime stage does not repeat them. */
  neutral?: readonly string[];
  /** System packages of the family's tools that programs often call at runtime too: installing only them is no reason to split. */
  usedAtRuntime?: readonly string[];
}
