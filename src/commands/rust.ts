// cargo, rustc and rustup. https://doc.rust-lang.org/cargo/commands/  https://rust-lang.github.io/rustup/
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily } from './types.js';

/** The cargo subcommand the words run (`cargo build --release`: build; '' when none), or null when they do not run cargo. */
export function cargoSubcommand(words: readonly string[]): string | null {
  return words[0] === 'cargo' ? (words.slice(1).find((w) => !w.startsWith('-')) ?? '') : null;
}

/** cargo subcommands that leave the sources and the built binary as they are (they check, test or document). */
export const CARGO_LEAVES_BUILD = ['test', 'clippy', 'check', 'doc'];

/**
 * Options of `cargo build` and `cargo run` that change neither what is built nor what runs (locking,
 * output, parallelism, the release profile that is read on its own, the binary picked), by their exact
 * spelling or their pattern; `valued` take the next word as their value when it is not joined with `=`.
 * https://doc.rust-lang.org/cargo/commands/cargo-build.html
 */
const CARGO_NEUTRAL_OPTIONS = {
  flags: ['--locked', '--frozen', '--offline', '-q', '--quiet', '--verbose', '--release', '-r'],
  patterns: [/^-v+$/, /^--bin=/, /^-j\d+$/, /^--jobs=/, /^--color=/],
  valued: ['--bin', '-j', '--jobs', '--color'],
} as const;

/** How a word after `cargo <sub>` reads: an option that changes nothing (`valued` when the next word is its value), or null. */
export function neutralCargoOption(word: string): 'flag' | 'valued' | null {
  const { flags, patterns, valued } = CARGO_NEUTRAL_OPTIONS;
  if ((valued as readonly string[]).includes(word)) return 'valued';
  return (flags as readonly string[]).includes(word) || patterns.some((p) => p.test(word)) ? 'flag' : null;
}

export default {
  id: 'rust',
  names: ['cargo', 'rustc', 'rustup'],
  subcommands: {
    cargo: [
      { kind: 'build', sub: ['build', 'install', 'fetch'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: ['run'] },
    ],
    rustc: [{ kind: 'build' }],
  },
  outputs({ words }, { cwd, env }) {
    // `cargo install` puts binaries in --root/bin, else $CARGO_HOME/bin (/usr/local/cargo in the rust
    // images), else ~/.cargo/bin; https://doc.rust-lang.org/cargo/commands/cargo-install.html
    if (words[0] !== 'cargo' || words.slice(1).find((w) => !w.startsWith('-')) !== 'install') return null;
    const root = optionValue(words, '--root') ?? env.get('CARGO_INSTALL_ROOT') ?? env.get('CARGO_HOME') ?? `${env.get('HOME') ?? '/root'}/.cargo`;
    return { paths: [joinPath(cwd, `${root}/bin`)], unnamed: false };
  },
  toolbox: ['cargo', 'rustc'],
  // https://doc.rust-lang.org/cargo/reference/environment-variables.html  https://rust-lang.github.io/rustup/environment-variables.html
  buildEnv: [{ variables: ['CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CARGO_TARGET_DIR', 'CARGO_INSTALL_ROOT', 'CARGO_INCREMENTAL', 'CARGO_BUILD_*', 'CARGO_NET_*', 'CARGO_REGISTRIES_*', 'CARGO_TERM_*', 'RUSTFLAGS', 'RUSTDOCFLAGS'], readers: ['cargo', 'rustc', 'rustup', 'rustdoc'] }],
  toolchainAtRuntime: [/^cargo run\b/],
} satisfies CommandFamily;
