// What the harness gives a real Dockerfile that arrived without its sources: the FROM lines rewritten
// onto stand-in images, and a build context synthesised from what the file COPYs and ADDs (an empty
// requirements.txt, a package.json with no dependencies, a pass-through entrypoint script, ...).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { standinFor } from './standins.mjs';

/** Placeholder contents by file name: enough for installers to succeed with nothing to install. */
const CONTENTS = [
  [/^requirements.*\.txt$|^constraints.*\.txt$/, ''],
  [/^package\.json$/, '{\n  "name": "app",\n  "version": "1.0.0",\n  "private": true\n}\n'],
  [/^package-lock\.json$|^npm-shrinkwrap\.json$/, '{\n  "name": "app",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": { "": { "name": "app", "version": "1.0.0" } }\n}\n'],
  [/^go\.mod$/, 'module app\n\ngo 1.19\n'],
  [/^go\.sum$/, ''],
  [/\.go$/, 'package main\n\nfunc main() {}\n'],
  [/^Gemfile$/, "source 'https://rubygems.org'\n"],
  [/\.json$/, '{}\n'],
  [/\.(sh|bash)$|^(entrypoint|docker-entrypoint|run|start)$/, '#!/bin/sh\nexec "$@"\n'],
];

/** Names without an extension that are files, not directories. */
const FILE_NAMES = /^(Gemfile|Makefile|Dockerfile|Procfile|LICENSE|README|VERSION|Pipfile|Rakefile|Gopkg\.lock|Jenkinsfile|entrypoint|docker-entrypoint|run|start|cmd)$/;

/**
 * Rewrite every FROM onto its stand-in. Returns `{ text, substitutions }` or `{ none }` / `{ missingTag }`
 * with the first image that has no stand-in.
 */
export function substituteImages(model, text) {
  const globals = new Map();
  for (const i of model.globalArgs) {
    for (const part of model.instructions[i].args.trim().split(/\s+/)) {
      const eq = part.indexOf('=');
      if (eq > 0) globals.set(part.slice(0, eq), part.slice(eq + 1).replace(/^["']|["']$/g, ''));
    }
  }
  const stageNames = new Set(model.stages.map((s) => s.name).filter(Boolean));
  const edits = [];
  const substitutions = [];
  for (const stage of model.stages) {
    const ins = model.instructions[stage.from];
    const image = stage.image.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a, b) => globals.get(a ?? b) ?? m);
    if (stageNames.has(image.toLowerCase())) continue; // FROM an earlier stage
    const found = standinFor(image);
    if (!found.standin) return { ...found, image };
    if (found.standin !== image) substitutions.push(`${image} -> ${found.standin}`);
    const platform = stage.platform ? `--platform=${stage.platform} ` : '';
    edits.push({ start: ins.start, end: ins.end, text: `FROM ${platform}${found.standin}${stage.name ? ` AS ${stage.name}` : ''}` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // a `# syntax=` directive makes BuildKit fetch a frontend image: never offline
  out = out.replace(/^\s*#\s*syntax\s*=.*(\r?\n|$)/im, '');
  return { text: out, substitutions };
}

/** Create, under `dir`, a placeholder for every local source of the file's COPY and ADD instructions. */
export function synthesiseContext(model, dir) {
  mkdirSync(dir, { recursive: true });
  const made = [];
  for (const ins of model.instructions) {
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.heredoc) continue;
    if (ins.flags.some((f) => f.name === 'from')) continue;
    const words = ins.json ?? ins.args.trim().split(/\s+/);
    for (const src of words.slice(0, -1)) {
      if (/^(https?|ftp|git@|git):/.test(src) || src.includes('$')) continue;
      const rel = posix.normalize(src.replace(/[*?]/g, 'x').replace(/\[[^\]]*\]/g, 'x')).replace(/^(\.\/|\/)+/, '');
      if (rel === '.' || rel === '' || rel.startsWith('..')) continue;
      const path = join(dir, rel);
      const base = rel.replace(/\/$/, '').split('/').pop();
      const isDir = src.endsWith('/') || (!/\.[A-Za-z0-9]+$/.test(base) && !FILE_NAMES.test(base));
      if (existsSync(path)) continue;
      try {
        if (isDir) {
          mkdirSync(path, { recursive: true });
          writeFileSync(join(path, '.keep'), '');
        } else {
          mkdirSync(dirname(path), { recursive: true });
          const content = CONTENTS.find(([re]) => re.test(base))?.[1] ?? '';
          writeFileSync(path, content);
          if (content.startsWith('#!')) chmodSync(path, 0o755);
        }
        made.push(rel + (isDir ? '/' : ''));
      } catch {
        // a file where a directory is wanted (or the reverse): the build will say so
      }
    }
  }
  return made;
}
