// The rust family (src/commands/rust.ts): cargo's and rustc's subcommands, where `cargo install` puts
// binaries, and what a container that runs `cargo run` needs.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, toolboxPrograms } from '../../src/commands/index.js';
import rust, { cargoSubcommand, neutralCargoOption } from '../../src/commands/rust.js';
import { directoryContext } from '../../src/context.js';
import { join } from 'node:path';
import { convert } from '../../src/convert.js';

const run = (script: string, vars: Record<string, string> = {}) => analyzeRun(script, { workdir: '/src', user: null, env: new Map(Object.entries(vars)), removedLater: new Set<string>() }).commands[0]!;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('rust family', () => {
  it('answers for cargo, rustc and rustup', () => {
    for (const name of ['cargo', 'rustc', 'rustup']) expect(familyOf(name), name).toBe(rust);
  });

  it('classifies subcommands (subcommands)', () => {
    for (const sub of ['build --release', 'install --path .', 'fetch']) expect(run(`cargo ${sub}`).kind, sub).toBe('build');
    expect(run('cargo test').kind).toBe('test');
    expect(run('cargo run --release').kind).toBe('toolchain-run');
    expect(run('cargo clippy').kind).toBe('unknown');
    expect(run('rustc -O main.rs').kind).toBe('build');
    expect(run('rustup target add x86_64-unknown-linux-musl').kind).toBe('unknown');
  });

  it('puts `cargo install` binaries in --root, CARGO_INSTALL_ROOT, CARGO_HOME or ~/.cargo (outputs)', () => {
    expect(run('cargo install --path . --root /out').outputs).toEqual(['/out/bin']);
    expect(run('cargo install --root=/opt/x ripgrep').outputs).toEqual(['/opt/x/bin']);
    expect(run('cargo install ripgrep', { CARGO_INSTALL_ROOT: '/ci', CARGO_HOME: '/usr/local/cargo' }).outputs).toEqual(['/ci/bin']);
    expect(run('cargo install ripgrep', { CARGO_HOME: '/usr/local/cargo' }).outputs).toEqual(['/usr/local/cargo/bin']);
    expect(run('cargo install ripgrep').outputs).toEqual(['/root/.cargo/bin']);
    // `cargo build` writes target/, which dfsplit does not name: the working directory is kept
    expect(run('cargo build --release').unnamedOutputs).toBe(true);
  });

  it('copies what `cargo install` installed into the runtime stage', () => {
    const r = convert('FROM rust:1.78-bookworm\nWORKDIR /src\nCOPY . .\nRUN cargo install --path . --root /opt/app\nCMD ["/opt/app/bin/app"]\n', { preset: 'generic', runtimeBase: 'debian:bookworm-slim' });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /opt/app/bin /opt/app/bin');
  });

  it('declines a container that runs `cargo run` (toolchainAtRuntime) and knows cargo and rustc as build tools (toolbox)', () => {
    expect(ids('FROM rust:1.78\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD cargo run --release\n')).toContain('runtime-uses-toolchain');
    expect(ids('FROM rust:1.78\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD ["cargo", "test"]\n')).toContain('toolbox-image');
    expect(toolboxPrograms).toEqual(expect.arrayContaining(['cargo', 'rustc']));
  });

  it("tells the rust preset cargo's subcommand, and which leave the built binary as it is (cargoSubcommand, CARGO_LEAVES_BUILD)", () => {
    expect(cargoSubcommand(['cargo', '-q', 'build', '--release'])).toBe('build');
    expect(cargoSubcommand(['cargo'])).toBe('');
    expect(cargoSubcommand(['rustc', 'main.rs'])).toBeNull();
    // the preset replaces `cargo run` by the binary `cargo build` made when only such subcommands run between
    const context = directoryContext(join(import.meta.dirname, '..', 'fixtures', 'rust-cargo-run-debug', 'context'));
    const between = (run: string) => convert(`FROM rust:1.77\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nCOPY src ./src\nRUN cargo build\nRUN ${run}\nCMD cargo run\n`, { context });
    for (const run of ['cargo clippy && cargo test', 'cargo test']) expect(between(run).output, run).toContain('CMD /app/target/debug/wordcount');
    expect(between('cargo fmt').reasons.map((r) => r.id)).toContain('command-rewrite-refused');
  });

  it('tells the rust preset which options of `cargo run` change nothing (CARGO_NEUTRAL_OPTIONS)', () => {
    for (const w of ['--locked', '-q', '-vv', '--release', '-j8', '--jobs=4', '--bin=app', '--color=never']) expect(neutralCargoOption(w), w).toBe('flag');
    for (const w of ['--bin', '-j', '--jobs', '--color']) expect(neutralCargoOption(w), w).toBe('valued');
    for (const w of ['--features', '--profile', '-p', '--target', '-jx']) expect(neutralCargoOption(w), w).toBeNull();
    // the preset replaces `cargo run` with neutral options (a valued one's value included) by the binary, and refuses others
    const context = directoryContext(join(import.meta.dirname, '..', 'fixtures', 'rust-cargo-run-debug', 'context'));
    const start = (cmd: string) => convert(`FROM rust:1.77\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nCOPY src ./src\nRUN cargo build\nCMD ${cmd}\n`, { context });
    expect(start('cargo run --locked -j 2 --color never').output).toContain('CMD /app/target/debug/wordcount');
    expect(start('cargo run --features x').output).not.toContain('CMD /app/target/debug/wordcount');
  });
});
