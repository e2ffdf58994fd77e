// Part of `npm run bench` (bench/speed.mjs), figure 4: how convert() time grows with the size of one
// input. Run as `node bench/growth.mjs <shape>`, it times one shape in a process of its own, so that the
// heap it starts from holds no corpus and no other shape's work, and prints the points as JSON.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const shapes = {
  instructions: (n) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /usr/local/bin/app app.c\n${Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `ENV V${i}=${i}\n` : i % 3 === 1 ? `RUN echo ${i} > /tmp/f${i}\n` : `COPY f${i} /app/f${i}\n`)).join('')}CMD ["/usr/local/bin/app"]\n`,
  'heredoc bytes': (n) => `FROM debian:bookworm\nRUN <<EOF\n${'echo hello world\n'.repeat(Math.ceil(n / 17))}EOF\nCMD ["sh"]\n`,
  'chained commands': (n) => `FROM debian:bookworm\nRUN ${Array.from({ length: n }, (_, i) => `echo ${i}`).join(' && ')}\nCMD ["sh"]\n`,
  // downloads and removals in one RUN: every output is checked against what a later rm deletes
  'downloads and removals': (n) => `FROM debian:bookworm\nRUN ${Array.from({ length: n }, (_, i) => (i % 2 ? `rm -rf /tmp/old${i}` : `curl -o /opt/dl/f${i} https://example.com/f${i}`)).join(' && ')}\nCMD ["sh"]\n`,
  // a build step per RUN, each output an artifact of its own (artifacts are merged and checked against each other)
  'build steps': (n) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\n${Array.from({ length: n }, (_, i) => `RUN gcc -o /usr/local/bin/app${i} app${i}.c\n`).join('')}CMD ["/usr/local/bin/app0"]\n`,
  // RUNs that are split, their runtime half proven against the builder's state before each command
  'split RUNs': (n) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc libssl-dev\n${Array.from({ length: n }, (_, i) => `RUN gcc -o /opt/b${i} b${i}.c && useradd u${i} && mkdir -p /var/d${i}\n`).join('')}CMD ["/opt/b0"]\n`,
};
export const sizes = { instructions: [250, 1000, 5000], 'heredoc bytes': [64_000, 256_000, 1_000_000], 'chained commands': [1000, 5000, 10_000], 'downloads and removals': [1000, 5000, 10_000], 'build steps': [250, 1000, 2000], 'split RUNs': [250, 1000, 2000] };

/** One object, one string and one word list per line, all kept until the end: the least any reader that keeps what it read does. */
export function linearReference(text) {
  return text.split('\n').map((line, i) => ({ i, line, words: line.split(' ') })).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const shape = process.argv[2];
  const make = shapes[shape];
  if (!make) throw new Error(`unknown shape: ${shape}`);
  const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const { DockerfileParser } = await import('dockerfile-ast');
  const { convert } = await import(join(ROOT, 'dist', 'src', 'index.js'));
  const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
  // a full garbage collection on demand (node's --expose-gc, set from inside)
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc');
  const points = [];
  for (const n of sizes[shape]) {
    const text = make(n);
    // time per run over about the same total input at every size (the smallest input runs as many times
    // more often as it is smaller): the best of three such batches, each after a full garbage collection,
    // so that every size starts from the same heap and pays for the collections its own runs need. One run
    // of the smallest heredoc took 4 ms, or 13 ms when a collection fell in it: timed one run at a time
    // (the median of five), in the process that had just converted the corpus, this figure moved between
    // 1.1 and 2.0 from one bench run to the next with the same code
    const reps = Math.max(3, Math.round((3 * sizes[shape][2]) / n));
    const perRun = (fn) => {
      try {
        fn();
      } catch {
        /* a crash shows in the CLI run of bench/speed.mjs */
      }
      let best = Infinity;
      for (let batch = 0; batch < 3; batch++) {
        collect();
        const s = process.hrtime.bigint();
        for (let k = 0; k < reps; k++) {
          try {
            fn();
          } catch {
            /* as above */
          }
        }
        best = Math.min(best, ms(s) / reps);
      }
      return best;
    };
    const wall = perRun(() => convert(text));
    // dockerfile-ast's own parse of the same text, the same way: which stage grows is then plain to see
    const parseWall = perRun(() => DockerfileParser.parse(text));
    // a reader that is linear by construction, timed the same way: what this machine's memory does to a
    // plainly linear pass that keeps what it read until the end (here 64 KB fit in the processor's caches
    // and 1 MB does not, and more live objects make each young-generation collection copy more); the
    // figure passes when convert()'s growth is at most 1.5x this reader's (bench/speed.mjs)
    const referenceWall = perRun(() => linearReference(text));
    points.push({ n, wall, parseWall, referenceWall });
  }
  console.log(JSON.stringify(points));
}
