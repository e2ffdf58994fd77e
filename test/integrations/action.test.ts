// The GitHub Action's entry script (action/run.mjs, issue 25) run as the runner runs it: the INPUT_*
// variables action.yml maps from its inputs, a GITHUB_OUTPUT and a GITHUB_STEP_SUMMARY file, a workspace
// of Dockerfiles as the current directory. Checks the annotations, the outputs, the summary and the exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'action', 'run.mjs');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const PLAIN = 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n';
const DECLINED = readFileSync(join(ROOT, 'test', 'fixtures', 'apt-install-without-update-declined', 'input.Dockerfile'), 'utf8');

/** A workspace with these files, and the script run in it with these inputs. */
function runAction(files: Record<string, string>, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-action-'));
  const workspace = join(dir, 'workspace');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true });
    writeFileSync(join(workspace, name), text);
  }
  const output = join(dir, 'github_output');
  const summary = join(dir, 'step_summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: workspace, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

/** The outputs written to GITHUB_OUTPUT, read as the runner reads them (name=value, or name<<DELIMITER ... DELIMITER). */
function outputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      expect(end, `the delimiter of ${heredoc[1]} closes it`).toBeGreaterThan(i);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]) {
      const [name, ...value] = lines[i]!.split('=');
      out[name!] = value.join('=');
    }
  }
  return out;
}

describe('action/run.mjs', () => {
  it('annotates, writes the markdown report to the output and the summary, and fails on a change', () => {
    const r = runAction({ 'services/api/Dockerfile': GO, 'tools/Dockerfile': PLAIN }, { paths: '.', 'fail-on': 'changed,error' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=services\/api\/Dockerfile,line=1[^\n]*::/m);
    expect(r.stdout).toMatch(/^::notice title=dfsplit::/m);
    const out = outputs(r.output);
    expect(out['exit-code']).toBe('1');
    expect(out.report).toMatch(/^## dfsplit\n/);
    expect(out.report).toContain('<code>services/api/Dockerfile</code>');
    expect(out.report).toContain('+FROM golang:1.22 AS builder');
    expect(`${out.report}\n`).toBe(r.summary);
    // the status lines are printed once, by the check
    expect(r.stderr.match(/services\/api\/Dockerfile: changed/g)).toHaveLength(1);
  });

  it('passes when nothing fails the check; declined fails only when fail-on lists it', () => {
    const files = { Dockerfile: PLAIN, 'b.Dockerfile': DECLINED };
    const pass = runAction(files, { paths: '.', 'fail-on': 'changed,error' });
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/^::notice file=b\.Dockerfile,line=2/m);
    expect(outputs(pass.output)['exit-code']).toBe('0');
    expect(runAction(files, { paths: '.', 'fail-on': 'changed,declined,error' }).code).toBe(1);
    // no fail-on input: the default
    expect(runAction({ Dockerfile: GO }, { paths: '' }).code).toBe(1);
  });

  it('paths are separated by spaces or lines; an error exits 2 and is annotated', () => {
    const r = runAction({ 'a/Dockerfile': PLAIN, 'b/Dockerfile': 'FROM debian:bookworm\nRUN \u0000\n', 'c/Dockerfile': GO }, { paths: 'a\n  b/Dockerfile\n', 'fail-on': 'changed,error' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=b\/Dockerfile/m);
    expect(r.stdout).not.toContain('c/Dockerfile');
    expect(outputs(r.output)['exit-code']).toBe('2');
  });

  it('the report is written in a heredoc with a fresh random delimiter, which occurs nowhere in the report', () => {
    const delimiters = [0, 1].map(() => {
      const r = runAction({ Dockerfile: GO }, { paths: '.' });
      const delimiter = /^report<<(.*)$/m.exec(r.output)?.[1] ?? '';
      expect(delimiter).toMatch(/^dfsplit_[0-9a-f]{32}$/);
      expect(r.output.endsWith(`\n${delimiter}\nexit-code=1\n`)).toBe(true);
      expect(outputs(r.output).report).not.toContain(delimiter);
      return delimiter;
    });
    expect(delimiters[0]).not.toBe(delimiters[1]);
  });

  it('a bad fail-on is a usage error: exit 2, said once, an empty report', () => {
    const r = runAction({ Dockerfile: GO }, { paths: '.', 'fail-on': 'changed,unchanged' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dfsplit: --fail-on takes a comma-separated list of changed, declined, error; got "unchanged"\n');
    expect(outputs(r.output)).toEqual({ report: '', 'exit-code': '2' });
  });

  it('JavaScript configuration is refused unless js-config is true; args reach dfsplit', () => {
    const files = { Dockerfile: GO, 'dfsplit.config.mjs': 'export default { builderName: "compile" };\n' };
    const refused = runAction(files, { paths: '.' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--no-js-config');
    const allowed = runAction(files, { paths: '.', 'js-config': 'true' });
    expect(outputs(allowed.output).report).toContain('+FROM golang:1.22 AS compile');
    expect(outputs(runAction({ Dockerfile: GO }, { paths: '.', args: '--builder-name build' }).output).report).toContain('+FROM golang:1.22 AS build');
  });

  it('action.yml hands every input to the script under the name it reads', () => {
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const script = readFileSync(SCRIPT, 'utf8');
    const read = [...script.matchAll(/env\.(INPUT_\w+)/g)].map((m) => m[1]!);
    expect(new Set(read)).toEqual(new Set(['INPUT_PATHS', 'INPUT_FAIL_ON', 'INPUT_JS_CONFIG', 'INPUT_ARGS']));
    for (const name of read) {
      const input = name.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-');
      expect(yml).toMatch(new RegExp(`^  ${input}:\\n`, 'm'));
      expect(yml).toContain(`${name}: \${{ inputs.${input} }}`);
    }
    expect(yml).toContain('run: node "$GITHUB_ACTION_PATH/action/run.mjs"');
  });
});
