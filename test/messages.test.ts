// Every message id is produced by at least one fixture (eslint checks that every rule has docs and
// tests): a reason no fixture reaches is either dead or untested. Two kinds cannot come from a fixture:
// `--verify`'s (a Docker engine) and the check's backstops; their tests must assert them by id instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import { directoryContext, NO_CONTEXT } from '../src/context.js';
import { MESSAGES } from '../src/messages.js';

const ROOT = join(import.meta.dirname, 'fixtures');

it('every message id is produced by at least one fixture', () => {
  const seen = new Set<string>();
  for (const name of readdirSync(ROOT)) {
    const dir = join(ROOT, name);
    if (!existsSync(join(dir, 'input.Dockerfile'))) continue;
    const options = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
    const context = existsSync(join(dir, 'context')) ? directoryContext(join(dir, 'context')) : NO_CONTEXT;
    const r = convert(readFileSync(join(dir, 'input.Dockerfile'), 'utf8'), { ...options, context });
    for (const x of [...r.reasons, ...r.findings, ...(r.proof?.unproven ?? [])]) seen.add(x.id);
    for (const i of r.instructions) seen.add(i.reason);
  }
  // ids only `--verify` produces (it needs a Docker engine): the e2e suite must assert each of them
  const e2e = readdirSync(join(import.meta.dirname, 'e2e'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(import.meta.dirname, 'e2e', f), 'utf8'))
    .join('\n');
  for (const id of ENGINE_ONLY) expect(e2e, `${id} is asserted by an e2e test`).toContain(`'${id}'`);
  // ids of checks the plan keeps every input from failing: test/check.test.ts must assert each of them
  const checks = readFileSync(join(import.meta.dirname, 'check.test.ts'), 'utf8');
  for (const id of CHECK_ONLY) expect(checks, `${id} is asserted by test/check.test.ts`).toContain(`'${id}'`);
  const missing = Object.keys(MESSAGES).filter((id) => !seen.has(id) && !ENGINE_ONLY.includes(id) && !CHECK_ONLY.includes(id));
  expect(missing).toEqual([]);
});

const ENGINE_ONLY = ['verify-failed', 'verify-unavailable'];
// the check's backstops no input reaches through the plan (check-stage-count and check-workdir-differs
// have fixtures: inputs found in the corpus)
const CHECK_ONLY = ['check-output-unparsable', 'check-user-differs', 'check-rewrite-differs', 'check-command-differs', 'check-setting-differs', 'check-env-differs', 'check-copy-from-unknown', 'check-copy-not-made', 'check-arg-undeclared', 'check-shell-form', 'check-run-unparsable', 'check-package-manager-differs'];
