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

/** A command as its family knows it: its name, the words after it, and every word as written. */
export interface FamilyCommand {
  family: CommandFamily;
  /** The family's name for the command. */
  name: string;
  /** The words after the command. */
  args: readonly string[];
  /** Every word, as written. */
  words: readonly string[];
}

/** Where a command runs, for `outputs`. */
export interface OutputContext {
  /** The analyzer's kind of the command. */
  kind: string;
  cwd: string;
  /** The environment at the command (ENV, ARG defaults, assignments earlier in the RUN). */
  env: { get(key: string): string | undefined };
  /** The home directory of the user the command runs as. */
  home(): string;
  /** The install prefix an earlier configure step set (`./configure --prefix`, cmake's cache), or null. */
  prefix: string | null;
}

/** What a configure step (`./configure --prefix=/opt`, `cmake -DCMAKE_INSTALL_PREFIX=/opt`) tells the install steps after it. */
export interface ConfigureStep {
  /** The install prefix it sets, or null. */
  prefix: string | null;
  /** True when the build system caches the prefix for later RUNs too (cmake's cache); else it lasts the RUN. */
  cached: boolean;
  /** Directories it installs to besides the prefix (`--sysconfdir=/etc/app`); null leaves the earlier ones. */
  installPaths: readonly string[] | null;
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
  /** Per command name, the account it creates (the name is its last operand) and its options that take a value. */
  accounts?: Readonly<Record<string, { creates: 'user' | 'group'; valueOptions: readonly string[] }>>;
  /** A system package manager: its commands' subcommands, options and install line. */
  packages?: SystemPackages;
  /** A CMD or ENTRYPOINT (its words joined by spaces) that needs the family's toolchain in the container. */
  toolchainAtRuntime?: readonly RegExp[];
  /** What the command writes (`-o`, `--root`, an install prefix), from its options and the stage's environment; null: the analyzer's reading by kind. */
  outputs?(command: FamilyCommand, at: OutputContext): { paths: readonly string[]; unnamed: boolean } | null;
  /** A configure step's prefix and install directories, for the install steps after it; null = not one. */
  configure?(words: readonly string[]): ConfigureStep | null;
  /** True when the command installs what the configure steps before it set up (`make install`). */
  installsConfigured?(words: readonly string[]): boolean;
  /** Names whose unnamed outputs are intermediate when the same RUN installs the result somewhere named (`make && make install`). */
  compileSteps?: readonly string[];
  /** Programs whose purpose is building or testing: an image whose CMD or ENTRYPOINT runs one is a toolbox. */
  toolbox?: readonly string[];
  /** System packages that give the family's build tools, or headers to compile against (exact names or patterns). */
  buildPackages?: readonly (string | RegExp)[];
}
