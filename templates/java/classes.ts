// Java classes that javac compiled in the builder and the container starts by their main class
// (`java -cp bin HelloWorld`, `java HelloWorld`): the class path directory moves onto the JRE image.
// https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html (the class path: -cp, else CLASSPATH, else the working directory)
// https://docs.oracle.com/en/java/javase/21/docs/specs/man/javac.html (class files land in -d, else beside their sources)
import { JAVA_CLASSPATH_OPTIONS, JAVA_ONE_WORD_OPTIONS, javacRun } from '../../src/commands/java.js';
import { systemDir } from '../../src/knowledge/secrets.js';
import type { Finding } from '../../src/messages.js';
import type { Instruction } from '../../src/model.js';
import { pathUse } from '../../src/commands/index.js';
import type { Artifact, Override, PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { jvmStart } from './start.js';

/** A main class the container starts from one class path directory. */
export interface StartedClasses {
  ins: Instruction;
  main: string;
  /** The class path directory, absolute. */
  classpath: string;
}

/** A Java class name, with its package (`p2p.Rdv`); a source file (`Hello.java`, Java 11's source launcher, which needs the JDK) is not one. */
const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * `java [options] [-cp DIR] MainClass [args]` as the command the container starts, with its one class path
 * directory (the working directory when no -cp is given and no CLASSPATH is set), or null.
 */
export function startedClasses(input: PresetInput): StartedClasses | null {
  const start = jvmStart(input);
  if (!start || start.words[0] !== 'java') return null;
  let classpath: string | undefined;
  let main: string | undefined;
  for (let i = 1; i < start.words.length && main === undefined; i++) {
    const w = start.words[i]!;
    if (JAVA_CLASSPATH_OPTIONS.has(w)) classpath = start.words[++i];
    else if (w.startsWith('-') && !JAVA_ONE_WORD_OPTIONS.test(w)) return null;
    else if (!w.startsWith('-')) main = w;
  }
  if (!main || !CLASS_NAME.test(main) || main.endsWith('.java')) return null;
  const scope = input.analysis.scopes.get(start.ins.index);
  if (classpath === undefined && scope?.env.has('CLASSPATH')) return null;
  if (classpath !== undefined && (!classpath || /[:;$*?[{`~]/.test(classpath))) return null;
  return { ins: start.ins, main, classpath: joinPath(scope?.workdir ?? '/', classpath ?? '.') };
}

/** What the runtime stage copies for the started classes, and what only a build proves; or why not known. */
export type ClassesPlan = { artifacts: Artifact[]; unproven: Finding[] } | { unknown: string };

/** Whether `path` is `dir` or inside it. */
function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/**
 * The class path directory as the last javac that writes into it leaves it (`javac -d DIR`, or the sources'
 * own directories inside it without -d). A system directory (`/`, the working directory of a file without
 * WORKDIR) is not copied whole: the class files of the sources named one by one are, at `build` level, since
 * javac also writes a file for every nested, anonymous and further class of a source, which only a build shows.
 */
export function classesPlan(input: PresetInput, started: StartedClasses): ClassesPlan {
  const dir = started.classpath;
  let found: { index: number; sources: string[]; outputDir: string | null; cwd: string } | null = null;
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      const javac = javacRun(c.words);
      // with -d the sources do not matter (`$(find src -name '*.java')`); without it, where they lie is where the classes land
      if (!javac || (javac.outputDir ?? javac.sources.join(' ')).includes('$')) continue;
      const out = javac.outputDir === null ? null : joinPath(c.cwd, javac.outputDir);
      const sources = javac.sources.map((s) => joinPath(c.cwd, s));
      if (out === null ? sources.some((s) => inside(s.slice(0, s.lastIndexOf('/')) || '/', dir)) : out === dir) found = { index, sources, outputDir: out, cwd: c.cwd };
    }
  if (!found) return { unknown: `no javac of this file writes class files into ${dir}` };
  const compiled = found;
  const line = input.model.instructions[compiled.index]!.line;
  const why = (path: string): Finding => ({ id: 'artifact-output', data: { path, command: 'javac' }, line });
  if (!systemDir(dir)) return { artifacts: [{ path: dir, producer: compiled.index, why: why(dir) }], unproven: [] };
  // a system directory: only the class file of each source javac was given, when each lies directly in it
  const main = `${dir === '/' ? '' : dir}/${started.main}.class`;
  if (compiled.outputDir !== null || started.main.includes('.') || !compiled.sources.length || compiled.sources.some((s) => s.slice(0, s.lastIndexOf('/') || 1) !== dir || !/^[\w$]+\.java$/.test(s.slice(s.lastIndexOf('/') + 1)))) {
    return { unknown: `${dir} is a system directory, copied only as the class files of the sources javac names in it` };
  }
  const files = compiled.sources.map((s) => s.replace(/\.java$/, '.class'));
  if (!files.includes(main)) return { unknown: `${started.main} is not the class of a source javac compiles in ${dir}` };
  return {
    artifacts: files.map((path) => ({ path, producer: compiled.index, why: why(path) })),
    unproven: [{ id: 'unproven-java-classes', data: { files: files.join(', '), dir }, line }],
  };
}

/**
 * RUNs that only make the copied directory or its parents (`RUN mkdir bin` before `javac -d bin`): they stay in
 * the builder, since the runtime stage's COPY --from makes the directory, and replayed they would do nothing.
 */
export function directoryOnlyRuns(input: PresetInput, artifacts: readonly Artifact[]): Map<number, Override> {
  const overrides = new Map<number, Override>();
  const parentOfCopy = (d: string) => artifacts.some((a) => inside(a.path, d.replace(/\/+$/, '') || '/'));
  for (const [index, run] of input.analysis.runs) {
    const only = run.commands.length > 0 && run.commands.every((c) => pathUse(c.words[0] ?? '')?.directories === true && c.words.slice(1).every((w) => w === '-p' || (!w.startsWith('-') && !w.includes('$') && parentOfCopy(joinPath(c.cwd, w)))));
    if (only) overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'java', detail: 'makes only the directory of the classes, which the runtime stage copies from the builder' } });
  }
  return overrides;
}
