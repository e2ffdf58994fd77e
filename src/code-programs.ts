// Programs the application's own code starts at run time, read from the build context: a literal command
// handed to Node's child_process (`execSync('git rev-parse HEAD')`, shelljs's `exec('free -m')`), to Python's
// subprocess or os.system, to Ruby's system, or to Go's exec.Command (smartling's `git symbolic-ref`). A full language image has buildpack-deps' tools (git, procps,
// ...) and its slim variant has not, so a split onto the slim variant must install them or decline (issue 23,
// review-2026-12-06b: wildbeast's `git rev-parse`, bedel_monitor's `free`). Only a literal first word is read:
// a program named by a variable (`execFile(phantomjs.path)`) is the packages' business (NODE_NATIVE_LIBS,
// runtimePrograms). Tests and tooling that never run in the image are not read, nor a Python environment committed
// to the repository (goof's goofenv/lib/python3.9/site-packages: setuptools' svn call is no program of the app).
// https://nodejs.org/api/child_process.html  https://docs.python.org/3/library/subprocess.html
import type { BuildContext } from './context.js';

/** One program the code starts: `program`, from `by` (the file and line). */
export interface CodeProgram {
  program: string;
  by: string;
}

/** Paths of tests, fixtures, examples and build tooling: not what the container runs. */
const NOT_RUN = /_test\.go$|(^|\/)(tests?|spec|__tests__|__mocks__|fixtures?|examples?|docs?|scripts\/build|\.github|bower_components|static|public|assets|site-packages|dist-packages)\/|\.(test|spec)\.\w+$|(^|\/)(gulpfile|gruntfile|webpack\.config|karma\.conf|setup)\.\w+$/i;
/** At most this many files and this many characters of each: a bounded read, as the context's own walk is. */
const MAX_FILES = 2000;
const MAX_CHARS = 200_000;

/** Objects whose `exec`/`spawn` methods start a process (not RegExp's `exec`): child_process, shelljs, execa. */
const PROCESS_OBJECTS = new Set(['child_process', 'childProcess', 'child', 'cp', 'proc', 'shell', 'shelljs', 'sh', 'execa']);

/** The calls that start a program, each with the source files it is read in; `receiver`: the object before the dot must be one of PROCESS_OBJECTS. */
const CALLS: readonly { files: RegExp; call: RegExp; receiver?: true }[] = [
  // Node: exec, execSync, execFile(Sync), spawn(Sync), execa(Sync); a receiver before the dot is checked below
  // (a bare call, a named receiver, or `require('child_process').exec(`; never a RegExp literal's `/x/.exec(`)
  { files: /\.(js|mjs|cjs|ts)$/, call: /(?:require\(\s*['"](?:node:)?child_process['"]\s*\)\.|\b([\w$]+)\.|(?<![\w$.)\]/]))\b(exec|execSync|execFile|execFileSync|spawn|spawnSync|execa|execaSync)\(\s*(['"`])([A-Za-z][\w.+-]*)/g, receiver: true },
  // Python: subprocess.* and os.system/os.popen, a string or a list's first item
  { files: /\.py$/, call: /\b(subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|os\.(?:system|popen))\(\s*\[?\s*[rbuf]?(['"])([A-Za-z][\w.+-]*)/g },
  // Ruby: system, spawn, IO.popen, Open3.*
  { files: /\.rb$/, call: /\b(system|spawn|IO\.popen|Open3\.\w+)\(\s*(['"])([A-Za-z][\w.+-]*)/g },
  // Go: os/exec's Command and CommandContext (`exec.Command("git", "symbolic-ref", ...)`)
  { files: /\.go$/, call: /\bexec\.Command(?:Context)?\(\s*(?:[\w.]+,\s*)?(")([A-Za-z][\w.+-]*)"/g },
];

/** The programs the context's source files start, first sighting of each. */
export function programsCodeRuns(context: BuildContext): CodeProgram[] {
  if (!context.known) return [];
  const seen = new Map<string, CodeProgram>();
  const files = context.find((p) => CALLS.some((c) => c.files.test(p)) && !NOT_RUN.test(p)).slice(0, MAX_FILES);
  for (const file of files) {
    const text = context.read(file)?.slice(0, MAX_CHARS);
    if (!text || !/exec|spawn|subprocess|os\.system|os\.popen|system\(|popen/.test(text)) continue;
    for (const { files: read, call, receiver } of CALLS) {
      if (!read.test(file)) continue;
      for (const m of text.matchAll(call)) {
        if (receiver && m[1] !== undefined && !PROCESS_OBJECTS.has(m[1])) continue;
        const program = m.at(-1)!;
        if (seen.has(program)) continue;
        // a comment names a command, it does not run it
        const lineStart = text.lastIndexOf('\n', m.index) + 1;
        if (/^\s*(\/\/|#|\*|\/\*)/.test(text.slice(lineStart, m.index))) continue;
        const line = text.slice(0, m.index).split('\n').length;
        seen.set(program, { program, by: `${file}:${line}` });
      }
    }
  }
  return [...seen.values()];
}
