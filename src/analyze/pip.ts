// What a `pip install` asks for, read from its arguments (after `install`): the requirements it names,
// the requirement files it reads, and whether it only serves tests. The analyzer and the Python presets
// both read pip commands through these. https://pip.pypa.io/en/stable/cli/pip_install/
import { PIP_TEST_PACKAGES } from './tables.js';

/** Options of `pip install` that take the next word as their value. */
const VALUED = ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--src', '--progress-bar', '--platform', '--python-version', '--implementation', '--abi', '-e', '--editable'];

/** Positional requirements (package names, paths). */
export function requirementsOf(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (VALUED.includes(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    out.push(w);
  }
  return out;
}

/** The requirement files (`-r FILE`, `--requirement=FILE`, `-rFILE`). */
export function requirementFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((w, i) => {
    if ((w === '-r' || w === '--requirement') && args[i + 1]) out.push(args[i + 1]!);
    else if (w.startsWith('--requirement=')) out.push(w.slice(14));
    else if (/^-r\S/.test(w)) out.push(w.slice(2));
  });
  return out;
}

/** True when the install names only pip's own tooling (pip, setuptools, wheel): pure Python, no build. */
export function installsPipToolingOnly(args: readonly string[]): boolean {
  const names = requirementsOf(args);
  return names.length > 0 && names.every((n) => /^(pip|setuptools|wheel)([<>=~!].*)?$/i.test(n));
}

/** An install of test tools only (pytest, tox, ...) and dev/test requirement files only. */
export function isTestOnlyInstall(args: readonly string[]): boolean {
  const files = requirementFiles(args);
  const names = requirementsOf(args);
  if (!files.length && !names.length) return false;
  // the file's own name says it (a directory or a URL path that says `test` does not)
  return files.every((f) => /(dev|test)/i.test(f.split('/').pop()!)) && names.every((n) => PIP_TEST_PACKAGES.test(n.replace(/[<>=~![].*$/, '')));
}
