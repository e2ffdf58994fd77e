// What dfsplit knows about one family of shell commands (npm/yarn/pnpm, apt/dpkg, pip, ...), as data first
// and small functions where data cannot say it. The analyzer, the plan and the state model ask these
// answers through the registry (index.ts) and do not restate them.

/** What a command is for, as the analyzer classifies it (see `CommandKind` in src/analyze/run.ts). */
export type RuleKind = 'build' | 'test' | 'fetch' | 'setup' | 'cleanup' | 'toolchain-run' | 'generate' | 'pip' | 'package-maintenance' | 'system-compile';

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
  /**
   * Packages that only depend on others (`build-essential`: gcc, g++, make, libc6-dev), and how a removal takes those
   * with it: an option of the removal (`--auto-remove`) or a subcommand run after it (`autoremove`). Without either,
   * removing the package alone leaves what it brought installed (a file's `apt-get purge build-essential` keeps gcc).
   */
  metaPackages?: { names: readonly string[]; autoRemoveOptions: readonly string[]; autoRemoveSub: string };
  /**
   * Options with a value that choose where packages come from (`apt-get install -t bookworm-backports`, `apk add --repository URL`):
   * an install written again for the runtime stage keeps them, else it may not find the packages or pick other versions.
   */
  sourceOptions?: readonly string[];
  /** The command a fresh stage runs to install `packages` (with `tool`, the command the original used, and the original's source options as words). */
  installLine(tool: string, packages: readonly string[], recommends: boolean, options: readonly string[]): string;
  /** The command a runtime stage uses when the original installed nothing. */
  defaultTool: string;
}

/** Variables only some build tools read, and those tools (command names as the families spell them). */
interface BuildEnv {
  variables: readonly string[];
  readers: readonly string[];
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
  /** What it makes are directories (mkdir). */
  directories?: boolean;
  /** It copies or moves its sources to its last operand (cp, mv; not ln or install): the java preset follows a built jar through it. */
  copies?: boolean;
  /** Deletes each operand (rm). */
  removes?: 'each';
  /** Takes all operands `but-last` away from where they were (mv's sources). */
  moves?: 'but-last';
  /** Fails when the path it makes exists already, unless one of these options is given (mkdir without -p). */
  existingFailsWithout?: readonly string[];
  /** Needs the `first` operand (cd), `each` (source), all `after-first` (chmod's mode, chown's owner come first) or all `but-last` (the sources of cp, mv). */
  needs?: 'first' | 'each' | 'after-first' | 'but-last';
  /** With `needs`: needs nothing when one of these options is given (`rm -f` of a path that is not there succeeds). */
  needsNothingWith?: readonly string[];
  /** The first operand names an owner (`chown app:app /srv`): that user must exist. */
  owner?: boolean;
  /** It changes the shell's working directory (cd): the directory it starts in need not be known. */
  changesDirectory?: boolean;
  /** Options that take the next word as their value (so it is no operand). */
  valueOptions?: readonly string[];
  /** Options whose value is the directory every operand goes into (`cp -t /usr/bin a b`): then no operand is the destination. */
  targetOptions?: readonly string[];
  /** The row holds only when an option beginning so is given (`sed -i`, `-i.bak`: only then does sed need its files as it edits them in place). */
  onlyWith?: string;
  /**
   * How the runtime stage may replay it with no build to prove it (src/proof.ts `safeToReplay`): it
   * `creates-dir` (safe with -p or for a fresh directory), `removes` (forced, nothing copied), `links`
   * (forced or a fresh link in a directory the stage has) or `changes-mode` (of files the stage copied or made).
   */
  replay?: FileReplay;
}

/** How a file command is replayed in a runtime stage (see `PathUse.replay`). */
export type FileReplay = 'creates-dir' | 'removes' | 'links' | 'changes-mode';

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
  /** Per command name, the options that take the next word as their value (`mvn -f other/pom.xml package`): that word is no subcommand. */
  subcommandValueOptions?: Readonly<Record<string, readonly string[]>>;
  /** A kind that data cannot give (an option that changes it, a script name): asked before `subcommands`; null = no answer. */
  kindOf?(words: readonly string[]): RuleKind | null;
  /** Names whose system-wide installs (kind `setup`, or `pip` for pip) the runtime stage replays: a fresh stage runs them again. */
  replayed?: readonly string[];
  /** Names the runtime stage may replay with no build to prove it (src/proof.ts `safeToReplay`): what they do does not depend on what the builder left. */
  replaySafe?: readonly string[];
  /** Names that install from lists dfsplit cannot read (a lockfile, a manifest): the state model trusts what they bring. */
  languageInstallers?: readonly string[];
  /** Programs a system package gives besides one named like the package (the family's tools among them). */
  provides?: Readonly<Record<string, readonly string[]>>;
  /** Per command name, the account it creates (the name is its last operand) and its options that take a value. */
  accounts?: Readonly<Record<string, { creates: 'user' | 'group'; valueOptions: readonly string[]; homeOptions?: readonly string[] }>>;
  /** A system package manager: its commands' subcommands, options and install line. */
  packages?: SystemPackages;
  /** A CMD or ENTRYPOINT (its words joined by spaces) that needs the family's toolchain in the container. */
  toolchainAtRuntime?: readonly RegExp[];
  /** Names that copy or unpack files: inside a RUN that builds, what they write is an artifact (kind `file-move`); elsewhere they set the system up. */
  movesFiles?: readonly string[];
  /** Per command name, what it does with the paths it names (the state model). */
  paths?: Readonly<Record<string, PathUse>>;
  /**
   * Commands whose effect does not depend on the directory they run in, by what their operands are: `names` (an
   * account, a module, a service: `addgroup -S www`, `a2enmod rewrite`) or `paths` (`ldconfig /usr/local/lib`). A
   * runtime stage need not enter the builder's directory before them when no operand is a relative path.
   */
  anyDirectory?: Readonly<Record<string, 'names' | 'paths'>>;
  /**
   * Helper scripts of the family's images that run one of its commands (`go-wrapper install` of the golang images
   * before 1.10 runs `go install -v`): the words such a script's words stand for, or null for a subcommand the family
   * does not read as another. The analyzer reads the command as those words; its text is printed as written.
   */
  helpers?: Readonly<Record<string, (args: readonly string[]) => readonly string[] | null>>;
  /** Names that run the command after them (`sudo make`, `gosu app make`): how many words the prefix is, options aside (`gosu app`: 2). */
  prefixes?: Readonly<Record<string, number>>;
  /** Prefixes an image's ENTRYPOINT runs the CMD through (`gosu app`): the program a container starts is the one after them. */
  wrapsEntrypoint?: readonly string[];
  /** Process supervisors an ENTRYPOINT runs the program through as their arguments (`tini --`, `dumb-init`): the program a container starts is the one after them. */
  supervisors?: readonly string[];
  /** Shell builtins that change only the shell they run in: no program is looked up on PATH for them. */
  shellOnly?: readonly string[];
  /** Names with no effect on the image unless they write a file (by redirection): a runtime stage does not repeat them. */
  neutral?: readonly string[];
  /** System packages of the family's tools that programs often call at runtime too: installing only them is no reason to split. */
  usedAtRuntime?: readonly string[];
  /**
   * Programs, by file name (`gradlew` for `./gradlew`), whose build fills a cache of downloaded dependencies in the home
   * directory (`mvn`: `.m2`, Gradle's `.gradle`): a split leaves that cache in the builder, a gain even on the same image
   * (src/analyze/left-behind.ts).
   */
  dependencyCaches?: Readonly<Record<string, string>>;
  /**
   * Programs that may sit in a RUN that fetches a build tool's installer and puts it in place (download it,
   * check its sum, run it with the interpreter, move it, make it executable): none of them makes the RUN
   * needed at runtime (the php preset keeps such a RUN of Composer's installer in the builder).
   */
  installerCompanions?: readonly string[];
  /** Programs whose purpose is building or testing: an image whose CMD or ENTRYPOINT runs one is a toolbox. */
  toolbox?: readonly string[];
  /**
   * A fetch that checks sources out into a directory it names (`git clone`), or works on such a checkout
   * (`git checkout v1`): 'checkout' or 'on-checkout'; null: not one. A RUN of only these is build state, its
   * directory copied as an artifact (src/analyze/index.ts), not a download the runtime stage repeats.
   */
  checksOut?(words: readonly string[]): 'checkout' | 'on-checkout' | null;
  /** Programs whose install (a package that gives one, or one registered or linked by hand) marks a build environment when the image copies nothing of its own in: a JDK's javac. */
  buildEnvironment?: readonly string[];
  /**
   * Where an install of packages into the project in the working directory puts them (`npm install`, `yarn add
   * x`: `node_modules`, relative to it), with the packages it names (none for the project's own dependencies);
   * null for any other command. An install run in / (no WORKDIR) writes nothing else the image keeps that its
   * outputs could be told from, so that directory is its artifact (src/artifacts.ts).
   */
  projectInstall?(words: readonly string[]): { dir: string; named: readonly string[] } | null;
  /** Where the family's system-wide installs that the runtime stage repeats put packages on the official images (`*` within one name): a stage that also copies such a directory gets them twice, in an order only a build proves. */
  installsInto?: readonly string[];
  /**
   * True when a system-wide install the runtime stage repeats writes somewhere else than the interpreter's own system
   * prefix (`pip install --user`, `cpanm -l DIR`, `gem install -i DIR`, R's `lib=`): src/local-copy.ts copies that
   * prefix, /usr/local on Debian and Ubuntu, only when none does.
   */
  installsElsewhere?(words: readonly string[]): boolean;
  /**
   * Environment variables that configure only the family's build tools (`CARGO_HOME`, read by cargo and
   * rustup), with the programs that read them: a runtime stage where none of `readers` can run does not
   * need them, and leaves them in the builder (src/build-env.ts). A trailing `*` names a prefix (`PIP_*`).
   */
  buildEnv?: readonly BuildEnv[];
  /** Names whose kind is the same whatever their arguments, read by the exact name only (`/opt/conda/bin/conda` is not `conda`). */
  kinds?: Readonly<Record<string, RuleKind>>;
  /** Names also written with a version (`pip3.11` is `pip`): the name answers for itself followed by digits and dots. */
  versioned?: readonly string[];
  /** An interpreter that runs the family's commands as modules (`python3 -m pip` is `pip`) or scripts (`python setup.py`): module or script -> the name it is. */
  modules?: { interpreter: RegExp; names: Readonly<Record<string, string>>; scripts?: Readonly<Record<string, string>> };
  /** What the command writes (a download's file, a move's destination, pip --target), from its options and the stage's environment; null: the analyzer's reading by kind. */
  outputs?(command: FamilyCommand, at: OutputContext): Outputs | null;
  /** Paths the command reads (its requirement files, a local project), as written; the state model proves they exist. null: no answer. */
  reads?(command: FamilyCommand): readonly string[] | null;
  /** An install that only upgrades the family's own tooling (pip itself, `gem update --system`): it compiles nothing. */
  toolingOnly?(command: FamilyCommand): boolean;
  /** An install that builds nothing from source whatever it installs (conda's prebuilt packages): it needs no compiler. */
  compilesNothing?(command: FamilyCommand): boolean;
  /** A configure step's prefix and install directories, for the install steps after it; null = not one. */
  configure?(words: readonly string[]): ConfigureStep | null;
  /** True when the command installs what the configure steps before it set up (`make install`). */
  installsConfigured?(words: readonly string[]): boolean;
  /** Names whose unnamed outputs are intermediate when the same RUN installs the result somewhere named (`make && make install`). */
  compileSteps?: readonly string[];
  /** System packages that give the family's build tools, or headers to compile against (exact names or patterns). */
  buildPackages?: readonly (string | RegExp)[];
  /** Build-tool packages whose absence alone saves next to nothing (`make`): leaving only these behind is no reason to split. */
  lightPackages?: readonly string[];
  /** Interpreters of the family's language (`python`, `sh`; also with a version, `python3.11`): with a script file they generate files in a build, and with none they read an installer from standard input. */
  interpreters?: readonly string[];
  /** File name endings of the family's scripts (`py`): a script the image makes executable runs through one of `interpreters` (its `#!` line names one). */
  scriptExtensions?: readonly string[];
  /** The registry names of the packages an install names (`pip install ReviewBoard==6`: reviewboard, lower case, `_` as `-`); null: not an install of named packages. */
  installedPackages?(command: FamilyCommand): readonly string[] | null;
  /**
   * Packages of the family's registry that run system programs at run time (`reviewboard`: patch), by registry
   * name: a slim runtime base lacks what the full image had from buildpack-deps (issue 23 item 8). Sources:
   * each package's documentation of its system requirements.
   */
  runtimePrograms?: Readonly<Record<string, readonly string[]>>;
  /**
   * Programs a command runs besides itself, by command name (bower resolves its packages with git: ENOGIT
   * without it, unless every package is already in a bower_components it finds): a replay of the command on a
   * runtime base without them needs them installed.
   */
  calls?: Readonly<Record<string, readonly string[]>>;
  /** The files a command makes executable (`chmod +x a.py`, `chmod 755 a.py`); null: none. */
  madeExecutable?(words: readonly string[]): readonly string[] | null;
}

/** A command as its family knows it: `pip3 install x` and `python3 -m pip install x` are `pip` with the arguments `install x`. */
export interface FamilyCommand {
  family: CommandFamily;
  /** The family's name for the command. */
  name: string;
  /** The words after the command (after the module for `python -m pip`). */
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
