// The dfsplit command line as a function: run(argv, io) reads the flags and commands and answers with
// the exit code, writing only to io's streams and reading paths from io.cwd. src/cli.ts calls it with the
// process's own; the tests call it in-process (test/shared.ts). Keep this module light: the parsers,
// presets, diff and Docker code load from ./cli-run.js when a command runs, so `--version` and `--help`
// start about as fast as node itself (issue 12; `npm run bench` measures the cold start and each import).
import { lstatSync } from 'node:fs';
import type { Argv, ArgumentsCamelCase, InferredOptionTypes, Options } from 'yargs';
import type { Flags, OptionFlags } from './cli-run.js';
import type { CliIO } from './cli-io.js';
import { InputError } from './errors.js';
import { PRESET_IDS } from './preset-ids.js';
import { VERSION } from './version.js';
import { FORMATS, type Format } from './report/formats.js';
import { HELP } from './help-text.js';
import { parseFailOn, type FailOnStatus } from './fail-on.js';

const PRESET_CHOICES = ['auto', 'generic', ...PRESET_IDS];

const runner = () => import('./cli-run.js');

const common = {
  'builder-name': { type: 'string', describe: 'name of the builder stage (default: builder)' },
  'runtime-base': { type: 'string', describe: 'runtime base image (e.g. scratch, debian:bookworm-slim)' },
  'pin-builder': {
    type: 'boolean',
    describe: 'pin a builder tag that still moves (golang, gcc:13) to the tag of the release it is built on now (golang:trixie, gcc:13-bookworm) when only that keeps the runtime from naming the same release, shown in the diff and explain (default: on); --no-pin-builder keeps the FROM as written',
  },
  preset: { type: 'string', choices: PRESET_CHOICES, describe: 'language preset, or auto / generic (default: auto)' },
  context: { type: 'string', describe: "build context directory (default: the Dockerfile's directory)" },
  json: { type: 'boolean', default: false, describe: 'print a machine-readable report' },
} as const;

// the flags that resolve each file's options, and --no-color: the main command, explain and verify take them alike
const color = { color: { type: 'boolean', describe: 'colour the diff (default: on a TTY); --no-color to disable' } } as const;
const configuration = {
  config: { type: 'string', describe: 'configuration file to use (default: dfsplit.config.{json,js,mjs}, .dfsplitrc[.json] or a "dfsplit" key in package.json, found from each file upward to the repository root); --no-config to use none' },
  'js-config': { type: 'boolean', default: true, describe: 'load JavaScript configuration files, which run code; --no-js-config (or DFSPLIT_NO_JS_CONFIG=1) refuses them (exit 2)' },
} as const;

/** A mistake on the command line that yargs finds (an unknown flag, a bad choice): one line, exit 2. */
class FlagError extends Error {}

/** --config, --no-config and --no-js-config (or DFSPLIT_NO_JS_CONFIG) as the option resolver takes them. */
function configFlags(argv: { config?: string | boolean | undefined; jsConfig: boolean }, env: CliIO['env']): { config: string | false | undefined; jsConfig: boolean } {
  const noJs = !argv.jsConfig || !['', '0', undefined].includes(env.DFSPLIT_NO_JS_CONFIG);
  return { config: argv.config as string | false | undefined, jsConfig: !noJs };
}

/**
 * The line printed for a bug outside convert() (which reports its own per file): one line and exit 2,
 * never node's exit 1 with a stack, since 1 means only that `--check` found changes. DFSPLIT_DEBUG=1
 * adds the stack.
 */
export function crashText(err: unknown, env: CliIO['env']): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
  const line = `dfsplit: internal error: ${message} (please report; run with DFSPLIT_DEBUG=1 for the stack)\n`;
  return env.DFSPLIT_DEBUG ? `${line}${err instanceof Error ? err.stack : String(err)}\n` : line;
}

/** The exit code of a command's promise; a usage or input error is one line, anything else a crash. */
async function settle(command: Promise<number>, io: CliIO): Promise<number> {
  try {
    return await command;
  } catch (err) {
    if (err instanceof FlagError || err instanceof (await runner()).UsageError) {
      io.stderr.write(`dfsplit: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr.write(`dfsplit: ${err.format()}\n`);
      return 2;
    }
    io.stderr.write(crashText(err, io.env));
    return 2;
  }
}

/**
 * The values an option was given on the command line, as typed: yargs reads numbers as JavaScript does
 * (`''` is 0, `1e9` and `0x10` are whole numbers), and a whole number of worker threads is digits only.
 */
function rawValues(args: readonly string[], option: string): string[] {
  const end = args.indexOf('--');
  const out: string[] = [];
  for (const [i, a] of (end < 0 ? args : args.slice(0, end)).entries()) {
    if (a === option && i + 1 < args.length) out.push(args[i + 1]!);
    else if (a.startsWith(`${option}=`)) out.push(a.slice(option.length + 1));
  }
  return out;
}

// yargs drops a bare `-` from positionals; carry it through as a sentinel and map it back. Paths after
// `--` come in argv['--'] (yargs' populate--), whatever they look like.
const STDIN = '\u0000stdin';
const fromArgv = (paths: readonly string[], rest: unknown = []) => [...paths, ...(rest as string[])].map((p) => (p === STDIN ? '-' : p));

/**
 * An argument before `--` that begins with `-` and names a file or directory in `cwd`: `dfsplit *` in a
 * directory holding a file called `--write` would otherwise write. Refused, whether it parses as an
 * option or not; after `--` or as `./--write` it is a path.
 */
function flagLikePath(args: readonly string[], cwd: string): string | undefined {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).find((a) => {
    if (a.length < 2 || !a.startsWith('-')) return false;
    try {
      lstatSync(`${cwd}/${a}`);
      return true;
    } catch {
      return false;
    }
  });
}

/** Run dfsplit with the arguments after the program's name; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // `--version` and `--help` alone are answered without loading yargs (most of their start-up time): the
  // help is yargs' own text at 80 columns, kept in src/help-text.ts (`npx tsx test/tools/gen-help.ts`
  // writes it; test/cli.test.ts fails when it differs from what yargs prints)
  const wide = !io.stdout.isTTY || (io.stdout.columns ?? 80) >= 80;
  if (argv.length === 1 && argv[0] === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && wide && !io.env.DFSPLIT_YARGS_HELP) {
    io.stdout.write(HELP);
    return 0;
  }
  const dashed = flagLikePath(argv, io.cwd);
  if (dashed !== undefined) {
    io.stderr.write(`dfsplit: ${dashed}: a file or directory here is named like an option (a shell glob such as \`dfsplit *\`?); refused: put paths after -- (dfsplit -- *) or start them with ./ (dfsplit ./*)\n`);
    return 2;
  }
  return settle(parse(argv, io), io);
}

/** The options of `explain`. */
const explainOptions = { ...common, ...color, ...configuration } as const;

/** The options of `verify`. */
const verifyOptions = {
  ...common,
  ...color,
  ...configuration,
  smoke: { type: 'string', describe: 'arguments to run in both images, e.g. --smoke "--version"' },
  'build-network': { type: 'string', describe: 'docker build --network value (e.g. none, host)' },
  builder: { type: 'string', describe: 'build with this buildx builder (docker buildx build --builder NAME --load)' },
} as const;

/** The options of the main command, in the order its help lists them. */
const mainOptions = {
  ...common,
  write: { type: 'boolean', default: false, describe: 'edit files in place (atomically)' },
  interactive: { type: 'boolean', alias: 'i', default: false, describe: 'on a terminal: show each file that would change (diff, reasons, proof, savings) and ask: y write it, n skip, e explain, q quit, ? help' },
  check: { type: 'boolean', default: false, describe: 'exit 1 if any file would change (see --fail-on)' },
  'fail-on': { type: 'string', describe: 'with --check: the statuses that fail the run, comma-separated: changed, declined (exit 1), error (exit 2) (default: changed,error)' },
  stdout: { type: 'boolean', default: false, describe: 'print the converted Dockerfile (one input)' },
  ...color,
  verify: { type: 'boolean', default: false, describe: 'build and compare each conversion with its original (Docker engine) before showing or writing it' },
  'build-network': { type: 'string', describe: 'with --verify: docker build --network value (e.g. none, host)' },
  builder: { type: 'string', describe: 'with --verify: build with this buildx builder (docker buildx build --builder NAME --load); the engine is DOCKER_HOST / DOCKER_CONTEXT' },
  ...configuration,
  format: { type: 'string', choices: FORMATS, describe: 'output: text (diffs and status lines, the default), json, ndjson, github, sarif, markdown' },
  quiet: { type: 'boolean', default: false, describe: 'print only errors' },
  verbose: { type: 'boolean', default: false, describe: 'also list unchanged files' },
  jobs: { type: 'number', default: 0, describe: 'worker threads for a tree (0: one per core but one from 15,000 files on; 1: none; at most twice the cores, up to 64); with --verify instead the verifications run at once (0: one)' },
  ignore: { type: 'boolean', default: true, describe: 'honour .gitignore and .dfsplitignore while walking; --no-ignore walks everything but .git' },
  'ignore-path': { type: 'string', array: true, default: [] as string[], describe: 'ignore files to use instead of .gitignore and .dfsplitignore (relative to the current directory)' },
  'ignore-pattern': { type: 'string', array: true, default: [] as string[], describe: 'more patterns to ignore (gitignore syntax, relative to the current directory)' },
} as const;

/** The values yargs read for a command's options and positionals. */
type Read<O extends Record<string, Options>, P> = ArgumentsCamelCase<InferredOptionTypes<O>> & P;

/** A command as yargs' handler records it, to run once yargs is done. */
type Command = () => Promise<number>;

/** The flags that resolve each file's options, as the main command, explain and verify take them. */
function optionFlags(argv: Read<typeof common & typeof configuration, object>, env: CliIO['env']): OptionFlags {
  return { builderName: argv.builderName, runtimeBase: argv.runtimeBase, pinBuilder: argv.pinBuilder, preset: argv.preset, context: argv.context, ...configFlags(argv, env) };
}

function explainCommand(argv: Read<typeof explainOptions, { paths: string[] }>, io: CliIO): Command {
  return async () => (await runner()).explain(fromArgv(argv.paths, argv['--']), { ...optionFlags(argv, io.env), json: argv.json }, io);
}

function verifyCommand(argv: Read<typeof verifyOptions, { file: string }>, io: CliIO): Command {
  return async () => (await runner()).verifyCommand(fromArgv([], argv['--']).concat(argv.file)[0]!, { ...optionFlags(argv, io.env), smoke: argv.smoke, buildNetwork: argv.buildNetwork, builder: argv.builder }, io);
}

/** The main command, or the refusal of a --jobs that is not a whole number of threads as typed. */
function mainCommand(argv: Read<typeof mainOptions, { paths: string[] }>, given: readonly string[], io: CliIO): Command {
  if (!Number.isInteger(argv.jobs) || argv.jobs < 0 || !rawValues(given, '--jobs').every((v) => /^\d+$/.test(v))) {
    return () => Promise.reject(new FlagError('--jobs takes a whole number of worker threads, 0 or more (0: automatic)'));
  }
  const failOn = argv.failOn === undefined ? undefined : parseFailOn([argv.failOn].flat());
  if (typeof failOn === 'string') return () => Promise.reject(new FlagError(failOn));
  return async () => (await runner()).main(mainFlags(argv, io.env, failOn), io);
}

function mainFlags(argv: Read<typeof mainOptions, { paths: string[] }>, env: CliIO['env'], failOn: FailOnStatus[] | undefined): Flags {
  return {
    ...optionFlags(argv, env),
    paths: fromArgv(argv.paths, argv['--']),
    write: argv.write,
    interactive: argv.interactive,
    check: argv.check,
    failOn,
    stdout: argv.stdout,
    json: argv.json,
    color: argv.color,
    verify: argv.verify,
    buildNetwork: argv.buildNetwork,
    builder: argv.builder,
    jobs: argv.jobs,
    format: argv.format as Format | undefined,
    quiet: argv.quiet,
    verbose: argv.verbose,
    ignore: { enabled: argv.ignore, paths: argv.ignorePath, patterns: argv.ignorePattern },
  };
}

/** What yargs' parse chose: a command to run once it is done, or that yargs answered and exited itself. */
interface Choice {
  command: Command | null;
  exited: boolean;
}

/** dfsplit's commands and options, told to yargs; each handler records its command in `choice`. */
function commandLine(y: Argv, given: readonly string[], io: CliIO, choice: Choice) {
  return y
    .parserConfiguration({ 'populate--': true })
    .scriptName('dfsplit')
    .detectLocale(false)
    .usage('$0 [paths..]  Propose a multi-stage version of single-stage Dockerfiles (a diff by default)')
    .command(
      'explain [paths..]',
      'show, per instruction, whether it is build-time, runtime or both, and why (files, directories, globs, - for stdin)',
      (y) => y.positional('paths', { type: 'string', array: true, default: [] as string[] }).options(explainOptions),
      (argv) => {
        choice.command = explainCommand(argv, io);
      },
    )
    .command(
      'verify [file]',
      'build the original and the converted image with your Docker engine, run both and compare',
      (y) => y.positional('file', { type: 'string', default: 'Dockerfile' }).options(verifyOptions),
      (argv) => {
        choice.command = verifyCommand(argv, io);
      },
    )
    .command(
      '$0 [paths..]',
      'convert Dockerfiles (files, directories, globs, - for stdin)',
      (y) => y.positional('paths', { type: 'string', array: true, default: [] as string[] }).options(mainOptions),
      (argv) => {
        // after `dfsplit completion`, yargs (told not to end the process) goes on to the default command
        if (choice.exited) return;
        choice.command = mainCommand(argv, given, io);
      },
    )
    .completion('completion', 'print a shell completion script (bash/zsh): dfsplit completion >> ~/.bashrc')
    .strict()
    .fail((msg, err) => {
      if (err) throw err;
      throw new FlagError(msg);
    })
    .help()
    .alias('h', 'help')
    .version(VERSION);
}

/**
 * yargs' own answers kept inside the run: it ends them (help, version, completion) with exit(0), recorded
 * here, never the process's; and the completion script, printed before yargs goes on to the default
 * command (which starts its output afresh), is written out at once instead.
 */
function answerInPlace(y: Argv, yargs: typeof import('yargs').default, io: CliIO, choice: Choice): void {
  const exit = y.exit.bind(y);
  y.exit = (code: number, err: Error) => {
    choice.exited = true;
    exit(code, err);
  };
  y.showCompletionScript = () => {
    io.stdout.write(`${completionScript(yargs)}\n`);
    return y;
  };
}

/**
 * The command yargs reads from `argv`, run to its exit code. yargs prints what it answers itself (help,
 * version, the completion script) into a string handed to the parse callback, written to io.stdout here;
 * a command's handler only records what to run, which starts once yargs is done.
 */
async function parse(given: readonly string[], io: CliIO): Promise<number> {
  const { default: yargs } = await import('yargs');
  const choice: Choice = { command: null, exited: false };
  const args = given.map((a) => (a === '-' ? STDIN : a));
  const y = commandLine(yargs(args), given, io, choice);
  answerInPlace(y, yargs, io, choice);
  let output = '';
  await y.parseAsync(args, {}, (_err, _argv, text) => {
    output = text;
  });
  if (output) io.stdout.write(`${output}\n`);
  return choice.exited || !choice.command ? 0 : choice.command();
}

/** The script `dfsplit completion` prints, from a yargs that has no default command to go on to. */
function completionScript(yargs: typeof import('yargs').default): string {
  let text = '';
  void yargs([])
    .scriptName('dfsplit')
    .completion('completion', false)
    .parse(['completion'], {}, (_err, _argv, output) => {
      text = output;
    });
  return text;
}
