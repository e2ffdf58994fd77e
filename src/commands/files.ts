// The coreutils that copy, make, link, remove and change files: cp, mv, install, ln, mkdir, touch, rm,
// chmod, chown, chgrp. https://www.gnu.org/software/coreutils/manual/coreutils.html
import type { CommandFamily } from './types.js';
import { operands, optionValue } from './options.js';
import { joinPath } from '../paths.js';
import { imageDir, systemDir } from '../knowledge/secrets.js';

const SETUP = [{ kind: 'setup' as const }];
const TARGET = ['-t', '--target-directory'];
/** The options with a value of the commands that copy files into place (their `paths` below). */
const MOVER_VALUE_OPTIONS: Readonly<Record<string, readonly string[]>> = { cp: TARGET, mv: TARGET, install: [...TARGET, '-m', '--mode', '-o', '--owner', '-g', '--group'] };

/**
 * Where cp, mv or install put what they copy: the destination, joined to `cwd`, the directory `-t DIR`
 * (`--target-directory=DIR`) names (`intoTarget`) else the last operand, and the sources as written, the other
 * operands (all of them with `-t`), options and their values aside (`install -m 755 app /usr/bin/`); null for another
 * command, or one with neither `-t` nor an operand.
 */
export function copyPlacement(words: readonly string[], cwd: string): { dest: string; sources: string[]; intoTarget: boolean } | null {
  const valued = MOVER_VALUE_OPTIONS[words[0] ?? ''];
  if (!valued) return null;
  const args = operands(words, valued);
  const target = optionValue(words, ...TARGET);
  const dest = target ?? args.at(-1);
  if (dest === undefined) return null;
  return { dest: joinPath(cwd, dest), sources: target === null ? args.slice(0, -1) : args, intoTarget: target !== null };
}

export default {
  id: 'files',
  names: ['cp', 'mv', 'install', 'ln', 'mkdir', 'touch', 'rm', 'chmod', 'chown', 'chgrp'],
  // they put a downloaded installer or what it wrote in place, or remove it (installerCompanion)
  installerCompanions: ['mv', 'cp', 'chmod', 'rm', 'ln', 'install'],
  subcommands: { mkdir: SETUP, chown: SETUP, chmod: SETUP, ln: SETUP, rm: [{ kind: 'cleanup' }] },
  // what they copy inside a RUN that builds is an artifact; elsewhere they set the system up
  movesFiles: ['cp', 'mv', 'install'],
  outputs({ words }, { kind, cwd }) {
    if (kind !== 'file-move') return null;
    const placed = copyPlacement(words, cwd);
    if (!placed) return { paths: [], unnamed: true };
    const { dest, sources } = placed;
    // into a directory every image has (`mv rai_node /`, `cp app /usr/local/bin/`): what lands there is each source
    // under its own name, not the directory
    if ((systemDir(dest) || imageDir(dest)) && sources.length && sources.every((x) => !/[*?[$]/.test(x))) return { paths: sources.map((x) => joinPath(dest, x.replace(/\/+$/, '').split('/').pop()!)), unnamed: false };
    return { paths: [dest], unnamed: false };
  },
  // `chmod +x a.py`, `chmod a+rx`, `chmod 755`: the mode comes first, the files after it
  madeExecutable(words) {
    if (words[0] !== 'chmod') return null;
    const [mode, ...files] = words.slice(1).filter((w) => !w.startsWith('-'));
    return mode && /^([ugoa]*\+[rw]*x[rw]*|[0-7]?[0-7]?[1357][0-7]{2})$/.test(mode) ? files : null;
  },
  paths: {
    cp: { makes: 'last', needs: 'but-last', copies: true, valueOptions: TARGET, targetOptions: TARGET },
    // mv takes its sources away: what stays where they were is gone
    mv: { makes: 'last', needs: 'but-last', moves: 'but-last', copies: true, valueOptions: TARGET, targetOptions: TARGET },
    ln: { makes: 'last', valueOptions: TARGET, targetOptions: TARGET, replay: 'links' },
    // `install -d` makes directories and needs none; `install -t DIR a b` needs a and b, read as cp's
    install: { makes: 'last', needs: 'but-last', needsNothingWith: ['-d', '--directory'], valueOptions: MOVER_VALUE_OPTIONS.install!, targetOptions: TARGET },
    mkdir: { makes: 'each', directories: true, valueOptions: ['-m', '--mode'], existingFailsWithout: ['-p', '--parents'], replay: 'creates-dir' },
    touch: { makes: 'each', valueOptions: ['-d', '--date', '-r', '--reference', '-t'] },
    rm: { removes: 'each', needs: 'each', needsNothingWith: ['-f', '--force'], replay: 'removes' },
    // the mode or the owner comes first
    chmod: { needs: 'after-first', replay: 'changes-mode' },
    chown: { needs: 'after-first', owner: true, replay: 'changes-mode' },
    chgrp: { needs: 'after-first', owner: true, replay: 'changes-mode' },
  },
} satisfies CommandFamily;
