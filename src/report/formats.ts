// Machine formats of the main command, each written file by file as results arrive (nothing is kept
// once printed, except the markdown diffs, which a pull-request comment shows after its table):
//   json      one document: { files: [...], summary, skipped }
//   ndjson    one JSON object per line and file, then a summary line
//   github    workflow commands (::warning / ::notice / ::error) on the FROM line of each file that would
//             change, was declined or failed: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
//   sarif     SARIF 2.1.0, the proposed change as a `fix` replacing the file: https://docs.oasis-open.org/sarif/sarif/v2.1.0/
//   markdown  a summary table, then each diff in a collapsible <details>
// Each conversion also says what it saves (src/report/saves.ts), and the closing summaries the base image left behind.
import type { ConvertResult, Reason } from '../convert.js';
import { leftBehind, savesBrief, type SizeTotal } from './saves.js';

export const FORMATS = ['text', 'json', 'ndjson', 'github', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** One file as the reports see it: its path and result (an unreadable file has a reason and no result). */
export interface FileReport {
  path: string;
  status: ConvertResult['status'];
  reasons: Reason[];
  result?: ConvertResult;
  /** The text that was read, for SARIF's replacement region. */
  text?: string;
  /** --verify: what building and comparing both images found (files that would change only). */
  verify?: FileVerify;
}

/** One file's `--verify` outcome, in the json and ndjson entries as `verify`. */
export interface FileVerify {
  /** verified: both images behave alike; differs: the conversion differs or does not build; unverifiable: nothing could be compared here. */
  outcome: 'verified' | 'differs' | 'unverifiable';
  /** The first difference, or why it could not be verified; null when verified. */
  detail: string | null;
  /** Image sizes in bytes (`docker image inspect .Size`), null where that image was not built. */
  sizes: { original: number | null; converted: number | null };
}

export interface Summary {
  files: number;
  changed: number;
  unchanged: number;
  declined: number;
  error: number;
  skipped: number;
  /** Decline reason id -> files. */
  declinedBy: Record<string, number>;
  /** Changed files by proof level (src/proof.ts). */
  proof: { static: number; build: number };
  /** The base images' estimated sizes summed over the changed files that have an estimate (`saves.size`). */
  size: SizeTotal;
  seconds: number;
}

export interface Reporter {
  file(f: FileReport): void;
  end(summary: Summary, skipped: readonly string[]): void;
}

type Write = (s: string) => void;

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

function entry(f: FileReport): Record<string, unknown> {
  const verify = f.verify ? { verify: f.verify } : {};
  return f.result ? { path: f.path, ...f.result, status: f.status, reasons: f.reasons, ...verify } : { path: f.path, status: f.status, reasons: f.reasons, ...verify };
}

/** The line an annotation points at: the reason's line, else the first FROM, else 1. */
function lineOf(f: FileReport): number {
  return f.reasons.find((r) => r.line)?.line ?? f.result?.instructions.find((i) => i.keyword === 'FROM')?.line ?? 1;
}

function message(f: FileReport): string {
  if (f.status === 'changed') {
    const saves = f.result?.saves ? savesBrief(f.result.saves) : '';
    return `dfsplit proposes a multi-stage version (builder ${f.result?.stages[0]?.image ?? ''}, runtime ${f.result?.stages[1]?.image ?? ''}, proof: ${f.result?.proof?.level === 'build' ? 'build, verified by building both images' : 'static'}); run dfsplit ${f.result?.proof?.level === 'build' ? '--verify ' : ''}--write ${f.path}${saves ? `. Saves: ${saves}` : ''}`;
  }
  return `${f.status}: ${f.reasons.map((r) => `${r.message} [${r.id}]`).join('; ')}`;
}

/** What a closing summary says of the changed files: `proof: 1 static, 0 build; ≈ 810 MB of base image left behind`. */
export function changedClause(summary: Summary): string {
  const size = leftBehind(summary.size);
  return `proof: ${summary.proof.static} static, ${summary.proof.build} build${size ? `; ${size}` : ''}`;
}

function json(write: Write): Reporter {
  let first = true;
  return {
    file(f) {
      write(`${first ? '{\n  "files": [\n' : ',\n'}${indent(JSON.stringify(entry(f), null, 2), 4)}`);
      first = false;
    },
    end(summary, skipped) {
      const { seconds: _seconds, ...counts } = summary;
      write(`${first ? '{\n  "files": []' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(counts, null, 2), 2).trimStart()},\n  "skipped": ${JSON.stringify(skipped)}\n}\n`);
    },
  };
}

function ndjson(write: Write): Reporter {
  return {
    file: (f) => write(`${JSON.stringify(entry(f))}\n`),
    end: (summary, skipped) => write(`${JSON.stringify({ summary, skipped })}\n`),
  };
}

/** A workflow command's property or message, escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function github(write: Write): Reporter {
  return {
    file(f) {
      if (f.status === 'unchanged') return;
      const level = f.status === 'error' ? 'error' : f.status === 'changed' ? 'warning' : 'notice';
      // on the FROM line, where a reviewer sees which image the proposal is about
      const line = f.result?.instructions.find((i) => i.keyword === 'FROM')?.line ?? lineOf(f);
      write(`::${level} file=${escapeProperty(f.path)},line=${line},title=${escapeProperty(`dfsplit: ${f.status}`)}::${escapeData(message(f))}\n`);
    },
    end(summary) {
      write(`::notice title=dfsplit::${escapeData(`${summary.files} files: ${summary.changed} would change (${changedClause(summary)}), ${summary.unchanged} unchanged, ${summary.declined} declined, ${summary.error} errors`)}\n`);
    },
  };
}

function sarif(write: Write, version: string): Reporter {
  let first = true;
  const rules = new Map<string, string>();
  return {
    file(f) {
      if (f.status === 'unchanged') return;
      const ruleId = f.status === 'changed' ? 'multi-stage-conversion' : (f.reasons[0]?.id ?? f.status);
      rules.set(ruleId, f.status === 'changed' ? 'a multi-stage version of this Dockerfile is proposed' : (f.reasons[0]?.message ?? f.status));
      const location = { physicalLocation: { artifactLocation: { uri: f.path }, region: { startLine: lineOf(f) } } };
      const result: Record<string, unknown> = { ruleId, level: f.status === 'error' ? 'error' : f.status === 'changed' ? 'warning' : 'note', message: { text: message(f) }, locations: [location] };
      // what the conversion saves, as --json gives it, in the result's property bag
      if (f.status === 'changed' && f.result?.saves) result.properties = { saves: f.result.saves };
      if (f.status === 'changed' && f.result && f.text !== undefined) {
        result.fixes = [
          {
            description: { text: 'convert to a multi-stage Dockerfile' },
            artifactChanges: [{ artifactLocation: { uri: f.path }, replacements: [{ deletedRegion: { charOffset: 0, charLength: f.text.length }, insertedContent: { text: f.result.output } }] }],
          },
        ];
      }
      write(`${first ? '' : ',\n'}${indent(JSON.stringify(result, null, 2), 8)}`);
      first = false;
    },
    end() {
      // SARIF wants the rules with the driver, before the results in reading order but not in validity:
      // the driver is written last, as a sibling of the results array
      const driver = { name: 'dfsplit', version, rules: [...rules].map(([id, text]) => ({ id, shortDescription: { text } })) };
      write(`${first ? '' : '\n'}      ],\n      "tool": { "driver": ${JSON.stringify(driver)} }\n    }\n  ]\n}\n`);
    },
  };
}

/**
 * Text from the repository (a path, an image name) as inline HTML code that renders as written: every
 * character but letters, digits, space, `.`, `/` and `-` becomes a numeric reference, so nothing in it
 * is read as HTML, markdown (emphasis, links, images, table pipes, backticks), a mention or a line break.
 */
export function markdownCode(text: string): string {
  return `<code>${text.replace(/[^\p{L}\p{N} ./-]/gu, (c) => `&#${c.codePointAt(0)};`)}</code>`;
}

/** A fenced code block no line of `text` can close: one backtick more than its longest run, at least three. */
export function markdownFence(text: string, info: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

function markdown(write: Write): Reporter {
  const diffs: string[] = [];
  const rows: string[] = [];
  return {
    file(f) {
      if (f.status === 'unchanged') return;
      const proof = f.status === 'changed' && f.result?.proof ? ` (proof: ${f.result.proof.level})` : '';
      const saves = f.status === 'changed' && f.result?.saves ? savesBrief(f.result.saves, markdownCode) : '';
      rows.push(`| ${markdownCode(f.path)} | ${f.status} | ${f.reasons.map((r) => r.id).join(', ') || `${f.result?.stages.map((s) => markdownCode(s.image)).join(' → ') ?? ''}${proof}`} | ${saves} |`);
      if (f.status === 'changed' && f.result) diffs.push(`<details><summary>${markdownCode(f.path)}</summary>\n\n${markdownFence(f.result.diff.trimEnd(), 'diff')}\n\n</details>`);
    },
    end(summary) {
      write(`## dfsplit\n\n${summary.files} files: **${summary.changed} would change** (${changedClause(summary)}), ${summary.unchanged} unchanged, ${summary.declined} declined, ${summary.error} errors.\n\n`);
      if (rows.length) write(`| file | status | reasons / stages | saves |\n|---|---|---|---|\n${rows.join('\n')}\n\n`);
      if (diffs.length) write(`${diffs.join('\n\n')}\n`);
    },
  };
}

/** The reporter of a machine format (`text` is the CLI's own diff-and-status output). */
export function reporter(format: Exclude<Format, 'text'>, write: Write, version: string): Reporter {
  switch (format) {
    case 'json':
      return json(write);
    case 'ndjson':
      return ndjson(write);
    case 'github':
      return github(write);
    case 'sarif': {
      write(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [\n`);
      return sarif(write, version);
    }
    case 'markdown':
      return markdown(write);
  }
}
