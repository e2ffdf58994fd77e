// The documents say what the tool does today: the front page's examples and docs/examples.md's `explain`
// are what the CLI prints, docs/reasons.md is generated from src/messages.ts, the decline table names
// real ids, and every link between the documents leads somewhere (the first README demo had gone stale).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/messages.js';
import { reasonsTable } from './tools/reasons-table.js';
import { dfsplit as run } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

async function dfsplit(...args: string[]): Promise<string> {
  const r = await run(ROOT, ['--no-color', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('the front page', () => {
  it('shows for ten examples exactly the diff the CLI prints today, with the sizes of test/e2e/results.md', async () => {
    const blocks = [...read('README.md').matchAll(/`npx dfsplit (examples\/[^`]+\/Dockerfile)` prints:\n\n```diff\n([\s\S]*?)```\n/g)];
    expect(blocks.map((b) => b[1])).toEqual([
      'examples/go-ubuntu-golang-go/Dockerfile',
      'examples/go-wrapper-app/Dockerfile',
      'examples/python-c-extension/Dockerfile',
      'examples/node-prune-dev/Dockerfile',
      'examples/node-tmp-modules/Dockerfile',
      'examples/cpp-gcc-moving-tag-pinned/Dockerfile',
      'examples/haskell-cabal-install/Dockerfile',
      'examples/python-tests-in-build/Dockerfile',
      'examples/node-code-runs-git/Dockerfile',
      'examples/python-pipenv/Dockerfile',
    ]);
    for (const [, file, block] of blocks) expect(block, file).toBe(await dfsplit(file!));
    // every size the front page gives (`A MB -> B MB` before a block) is the measured row of its example
    const results = read('test/e2e/results.md');
    for (const m of read('README.md').matchAll(/([\d.]+) MB -> ([\d.]+) MB\. `npx dfsplit examples\/([^/]+)\/Dockerfile`/g)) expect(results, m[3]).toMatch(new RegExp(`\\| ${m[3]} \\| ${m[1]} \\| ${m[2]} \\|`));
  });

  it('lists build-level examples that dfsplit declines needs-verify, with the sizes of test/e2e/results.md', async () => {
    const rows = [...read('README.md').matchAll(/^\| `examples\/([^`]+)` \| [^|]+ \| ([\d.]+) MB -> ([\d.]+) MB \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(['node-npm-global', 'node-git-clone', 'python-setup-debian', 'ruby-gem-install-verify', 'node-static-serve', 'python-onbuild']);
    const results = read('test/e2e/results.md');
    for (const [, name, before, after] of rows) {
      expect(results, name).toMatch(new RegExp(`\\| ${name} \\| ${before} \\| ${after} \\|`));
      // proposed only through --verify: without it, dfsplit declines the file and names the way to prove it
      const r = await run(ROOT, ['--no-color', '--check', `examples/${name}/Dockerfile`]);
      expect(r.stderr + r.stdout, name).toMatch(/needs-verify/);
    }
  });

  it('gives a first set-up command that runs a bundled example', () => {
    const first = /```sh\n(npm ci && npx dfsplit (\S+))\n```/.exec(read('README.md'));
    expect(first?.[1]).toBe('npm ci && npx dfsplit examples/go-ubuntu-golang-go/Dockerfile');
    expect(existsSync(join(ROOT, first![2]!))).toBe(true);
  });
});

it('docs/examples.md shows what `dfsplit explain` prints today', async () => {
  const block = /`dfsplit explain (examples\/\S+)`[^\n]*:\n\n```\n([\s\S]*?)```\n/.exec(read('docs/examples.md'));
  expect(block?.[1]).toBe('examples/python-c-extension/Dockerfile');
  expect(block![2]).toBe(await dfsplit('explain', block![1]!));
});

describe('docs/reasons.md', () => {
  it('is what test/tools/reasons-table.ts generates from src/messages.ts (npx tsx test/tools/reasons-table.ts > docs/reasons.md)', () => {
    expect(read('docs/reasons.md')).toBe(reasonsTable());
  });

  it('lists every message id once', () => {
    const ids = [
      ...read('docs/reasons.md')
        .split('## input errors')[0]!
        .matchAll(/^\| `([a-z0-9-]+)` \|/gm),
    ].map((m) => m[1]);
    expect(ids.sort()).toEqual(Object.keys(MESSAGES).sort());
  });
});

it("how-it-works.md's decline table names only real ids, and names every decline and check id", () => {
  const text = read('docs/how-it-works.md');
  const table = text.slice(text.indexOf('## Why a file is declined'));
  const rows = [...table.matchAll(/^\| ((?:`[a-z0-9-]+`(?: \(unchanged\))?(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]!));
  expect(rows.length).toBeGreaterThan(20);
  expect(rows.filter((id) => !(id in MESSAGES))).toEqual([]);
  // the ids src/messages.ts lists under `// declines` and under the check's comment
  const reasons = read('docs/reasons.md');
  const section = (heading: string): string[] => {
    const start = reasons.indexOf(`\n## ${heading}`);
    expect(start, heading).toBeGreaterThan(0);
    const body = reasons
      .slice(start + 1)
      .split('\n## ')[0]!
      .slice(1);
    return [...body.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
  };
  const declines = [...section('declines'), ...section('the check')];
  expect(declines.filter((id) => !table.includes(`\`${id}\``))).toEqual([]);
});

// GitHub's heading anchors: lower case, punctuation but `-` and `_` dropped, spaces to `-`, repeats numbered
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of stripCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

// fenced blocks and code spans hold no links (a heading's code span keeps its text: only the fences go)
const stripCode = (md: string): string => md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2\n/gm, '');

it('every relative link between the documents leads to a file, and its #anchor to a heading there', () => {
  const broken: string[] = [];
  for (const doc of DOCS) {
    const text = stripCode(read(doc)).replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split('#');
      const file = path ? resolve(dirname(join(ROOT, doc)), path) : join(ROOT, doc);
      if (!existsSync(file)) broken.push(`${doc}: ${target}`);
      else if (anchor && !anchors(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${doc}: ${target} (no such heading)`);
    }
  }
  expect(broken).toEqual([]);
});
