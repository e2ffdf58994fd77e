// Write a fixture's expectation from dfsplit's current result, for a human to review before committing:
//   npx tsx test/tools/accept-fixture.ts test/fixtures/<case> [...]
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from '../../src/convert.js';
import { directoryContext, NO_CONTEXT } from '../../src/context.js';

for (const dir of process.argv.slice(2)) {
  const input = readFileSync(join(dir, 'input.Dockerfile'), 'utf8');
  const opts = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const context = existsSync(join(dir, 'context')) ? directoryContext(join(dir, 'context')) : NO_CONTEXT;
  const r = convert(input, { ...opts, context, path: 'Dockerfile' });
  for (const f of ['output.Dockerfile', 'declined.json', 'unchanged.json', 'error.json']) rmSync(join(dir, f), { force: true });
  if (r.status === 'changed') writeFileSync(join(dir, 'output.Dockerfile'), r.output);
  else writeFileSync(join(dir, `${r.status}.json`), `${JSON.stringify({ status: r.status, reasons: r.reasons.map((x) => x.id) }, null, 2)}\n`);
  console.log(`${dir}: ${r.status} ${r.reasons.map((x) => `${x.id}: ${x.message}`).join(' | ')}`);
}
