// The GitHub Action's entry script (action.yml): dfsplit --check over INPUT_PATHS with --format github (the
// annotations, on standard output where the runner reads workflow commands), then --format markdown for
// the `report` output (written to $GITHUB_OUTPUT in a heredoc whose delimiter the report cannot contain)
// and the job summary ($GITHUB_STEP_SUMMARY). Exits with the check's code: 1 for a status INPUT_FAIL_ON
// lists, 2 for an error. Runs the CLI built next to it (dist/src/cli.js); test/action.test.ts runs it
// locally with the INPUT_* and GITHUB_* variables a runner sets.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const env = process.env;
const words = (text) => (text ?? '').split(/\s+/).filter(Boolean);

const paths = words(env.INPUT_PATHS);
const options = [...(env.INPUT_JS_CONFIG === 'true' ? [] : ['--no-js-config']), ...words(env.INPUT_ARGS)];
const failOn = (env.INPUT_FAIL_ON ?? '').trim() || 'changed,error';
const args = (format) => ['--check', '--fail-on', failOn, '--format', format, ...options, '--', ...(paths.length ? paths : ['.'])];

/** dfsplit run in a format: its exit code and standard output; standard error goes to the log once, from the check. */
function dfsplit(format) {
  const stderr = format === 'github' ? 'inherit' : 'ignore';
  const r = spawnSync(process.execPath, [CLI, ...args(format)], { encoding: 'utf8', stdio: ['ignore', 'pipe', stderr], maxBuffer: 1024 ** 3 });
  if (r.error) throw r.error;
  return { code: r.status ?? 2, stdout: r.stdout };
}

const check = dfsplit('github');
process.stdout.write(check.stdout);
// a usage error (a bad fail-on or args) is said once, by the first run
const report = check.code === 2 && !check.stdout ? '' : dfsplit('markdown').stdout;

/** `name<<DELIMITER` lines for $GITHUB_OUTPUT, with a delimiter that occurs nowhere in the value. */
function multiline(name, value) {
  let delimiter;
  do delimiter = `dfsplit_${randomBytes(16).toString('hex')}`;
  while (value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}${value.endsWith('\n') || !value ? '' : '\n'}${delimiter}\n`;
}

if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${multiline('report', report)}exit-code=${check.code}\n`);
if (env.GITHUB_STEP_SUMMARY && report) appendFileSync(env.GITHUB_STEP_SUMMARY, report);
process.exitCode = check.code;
