// Downloads: curl, wget, git (and git-lfs) and gpg, which checks what was downloaded or adds a key.
// https://curl.se/docs/manpage.html  https://www.gnu.org/software/wget/manual/wget.html
// https://git-scm.com/docs/git-clone  https://www.gnupg.org/documentation/manuals/gnupg/
import type { CommandFamily, Outputs, RuleKind } from './types.js';
import { optionValue } from './options.js';
import { joinPath } from '../paths.js';

const FETCH = [{ kind: 'fetch' as const }];
const NOTHING: Outputs = { paths: Object.freeze([]), unnamed: false };

/** Options of `git clone` that take the next word as their value (so it is neither the URL nor the directory). */
const CLONE_VALUE_OPTIONS = ['-b', '--branch', '--depth', '-c', '--config', '-o', '--origin', '--template', '--reference', '--separate-git-dir', '-j', '--jobs', '-u', '--upload-pack', '--filter', '--shallow-since', '--shallow-exclude'];

/** git subcommands that work on a checkout in place (the commit, its submodules, its patches); not `config` (the user's), not `lfs install` (the system's). */
const ON_CHECKOUT = ['checkout', 'submodule', 'fetch', 'pull', 'reset', 'apply', 'am', 'cherry-pick', 'switch'];

/** The file name a URL downloads to (its last path segment). */
const fileOf = (url: string): string => url.split('/').pop() ?? '';

function curl(words: readonly string[], at: (path: string) => string): Outputs {
  const o = optionValue(words, '-o', '--output');
  if (o === '-') return NOTHING;
  if (o) return { paths: [at(o)], unnamed: false };
  const url = words.find((w) => /^https?:/.test(w));
  // -O (alone or in a group, `-fsSLO`) names the file after the URL
  if ((words.includes('-O') || words.some((w) => /^-[a-zA-Z]*O/.test(w))) && url) return { paths: [at(fileOf(url))], unnamed: false };
  return NOTHING;
}

function wget(words: readonly string[], at: (path: string) => string): Outputs {
  const o = optionValue(words, '-O', '--output-document');
  if (o === '-') return NOTHING;
  if (o) return { paths: [at(o)], unnamed: false };
  const dir = optionValue(words, '-P', '--directory-prefix');
  const url = words.find((w) => /^https?:|^ftp:/.test(w));
  return url ? { paths: [joinPath(at(dir ?? '.'), fileOf(url))], unnamed: false } : NOTHING;
}

/** `git clone URL [DIR]`: DIR, else the URL's last segment without `.git`. */
function gitClone(words: readonly string[], at: (path: string) => string): Outputs {
  const rest = words.slice(words.indexOf('clone') + 1);
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (CLONE_VALUE_OPTIONS.includes(w)) i++;
    else if (!w.startsWith('-')) args.push(w);
  }
  const url = args[0] ?? '';
  return { paths: [at(args[1] ?? fileOf(url.replace(/\.git$/, '')))], unnamed: false };
}

export default {
  id: 'fetch',
  names: ['curl', 'wget', 'git', 'git-lfs', 'gpg'],
  // they download an installer (src/commands/index.ts installerCompanion)
  installerCompanions: ['curl', 'wget'],
  subcommands: {
    curl: FETCH,
    wget: FETCH,
    git: FETCH,
    // `git lfs install` writes the system's git configuration: repeated in the runtime stage
    'git-lfs': [{ kind: 'setup' }],
  },
  kindOf(words): RuleKind | null {
    // gpg imports keys into the system's keyring (setup); a signature check only reads
    if (words[0] !== 'gpg') return null;
    return words.includes('--verify') ? null : 'setup';
  },
  outputs({ name, words }, { kind, cwd }) {
    if (kind !== 'fetch') return null;
    const at = (path: string): string => joinPath(cwd, path);
    if (name === 'curl') return curl(words, at);
    if (name === 'wget') return wget(words, at);
    if (name === 'git' && words.slice(1).find((w) => !w.startsWith('-')) === 'clone') return gitClone(words, at);
    return NOTHING;
  },
  provides: { git: ['git'], gnupg: ['gpg'], gnupg2: ['gpg', 'gpg2'], subversion: ['svn', 'svnadmin', 'svnversion'], mercurial: ['hg'] },
  checksOut(words) {
    if (words[0] !== 'git') return null;
    // `git -C dir checkout v1` names the checkout with -C
    const rest = words.slice(1);
    const sub = rest.find((w, i) => !w.startsWith('-') && rest[i - 1] !== '-C' && rest[i - 1] !== '-c') ?? '';
    return sub === 'clone' ? 'checkout' : ON_CHECKOUT.includes(sub) ? 'on-checkout' : null;
  },
  // version-control tools: programs often call them at runtime too
  usedAtRuntime: ['git', 'subversion', 'mercurial'],
  // version control as a container's command: a box to work in (svn and hg are Subversion's and Mercurial's)
  toolbox: ['git', 'svn', 'hg'],
} satisfies CommandFamily;
