// RubyGems and Bundler: gem installs into the system's gem home (repeated in the runtime stage), bundle
// installs a Gemfile's gems where its options and the image's variables say.
// https://guides.rubygems.org/command-reference/  https://bundler.io/man/bundle-install.1.html
// https://bundler.io/man/bundle-config.1.html
import { joinPath } from '../paths.js';
import { operands, optionValue } from './options.js';
import type { CommandFamily, FamilyCommand, OutputContext } from './types.js';

/**
 * Where bundle and gem write, from the variables the ruby images set (GEM_HOME, BUNDLE_APP_CONFIG) and the
 * command's options; null for other subcommands. `bundle config` without --local writes the user's config.
 */
function gemHome({ name, words }: FamilyCommand, at: OutputContext): string[] | null {
  const sub = words.slice(1).find((w) => !w.startsWith('-'));
  const home = at.env.get('GEM_HOME');
  if (name === 'gem') {
    if ((sub !== 'install' && sub !== 'update') || words.includes('--system')) return null;
    const dir = optionValue(words, '--install-dir', '-i') ?? home;
    return dir ? [joinPath(at.cwd, dir)] : [];
  }
  if (sub === undefined || sub === 'install') {
    const deployment = words.includes('--deployment') || /^(true|1)$/.test(at.env.get('BUNDLE_DEPLOYMENT') ?? '');
    const path = optionValue(words, '--path') ?? at.env.get('BUNDLE_PATH') ?? (deployment ? 'vendor/bundle' : null);
    return [...(path ? [joinPath(at.cwd, path)] : []), ...(home ? [home] : [])];
  }
  if (sub === 'config') {
    const local = words.includes('--local');
    const dir = local ? (at.env.get('BUNDLE_APP_CONFIG') ?? joinPath(at.cwd, '.bundle')) : `${at.env.get('HOME') ?? '/root'}/.bundle`;
    return [`${dir}/config`];
  }
  return null;
}

/** gem's options that take a value (gem help install). */
const GEM_VALUE_OPTIONS = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '--platform'];

/** Bundler's command, by either of its names. */
export function runsBundler(words: readonly string[]): boolean {
  return words[0] === 'bundle' || words[0] === 'bundler';
}

/** Rake and Rails tasks that only build: assets, bundled JS/CSS, bootsnap caches. */
const BUILD_TASKS = /^(assets:(precompile|clean)|webpacker:compile|shakapacker:compile|javascript:build|css:build|tailwindcss:build|dartsass:build|bootsnap:precompile)$/;

/** A build task: `rails assets:precompile`, `bundle exec rake assets:precompile`, `bootsnap precompile`. */
export function runsRubyBuildTask(w: readonly string[]): boolean {
  const words = runsBundler(w) && w.slice(1).find((x) => !x.startsWith('-')) === 'exec' ? w.slice(w.indexOf('exec') + 1) : w;
  if (/(^|\/)bootsnap$/.test(words[0] ?? '') && words[1] === 'precompile') return true;
  return /^(\.\/)?(bin\/)?(rails|rake)$/.test(words[0] ?? '') && words.slice(1).some((t) => BUILD_TASKS.test(t));
}

/** RubyGems' command. */
export function runsGem(words: readonly string[]): boolean {
  return words[0] === 'gem';
}

/** A gem command that brings gems besides Bundler itself (`gem install bundler:2.4.22` brings only Bundler). */
export function bringsGemsBeyondBundler(words: readonly string[]): boolean {
  // the gems named past the options' values (`gem install bundler -v '~>2.0.1'` names bundler alone)
  return runsGem(words) && !operands(['gem', ...words.slice(2)], GEM_VALUE_OPTIONS).every((g) => /^bundler(:|$)/.test(g));
}

export default {
  id: 'ruby',
  names: ['gem', 'bundle', 'bundler'],
  // gem installs into the system's gem home whatever its subcommand; bundle is read by its outputs only
  kinds: { gem: 'setup' },
  interpreters: ['ruby'],
  scriptExtensions: ['rb'],
  installedPackages: ({ name, args }) => (name === 'gem' && args[0] === 'install' ? operands(['gem', ...args.slice(1)], GEM_VALUE_OPTIONS) : null),
  runtimePrograms: {
    git: ['git'],
    mini_magick: ['convert'],
    paperclip: ['convert'],
    pdfkit: ['wkhtmltopdf'],
  },
  replayed: ['gem'],
  // gem's install directory and program directory options
  installsElsewhere: (words) => words.some((w) => /^(-i|--install-dir|--user-install|-n|--bindir)(=.*)?$/.test(w)),
  installsInto: ['/usr/local/bundle', '/var/lib/gems'],
  languageInstallers: ['gem', 'bundle', 'bundler'],
  provides: { 'ruby-full': ['ruby', 'gem'] },
  // Ruby's test runner
  toolbox: ['rspec'],
  outputs(command, at) {
    const paths = gemHome(command, at);
    return paths ? { paths, unnamed: false } : null;
  },
  // `gem update --system` and `gem install bundler` only bring RubyGems' and Bundler's own code
  toolingOnly({ name, args }) {
    if (name !== 'gem') return false;
    return (
      args.includes('--system') ||
      operands(['gem', ...args], GEM_VALUE_OPTIONS)
        .filter((w) => !['install', 'update'].includes(w))
        .every((n) => n === 'bundler')
    );
  },
} satisfies CommandFamily;
