#!/usr/bin/env node
// Generates src/knowledge/tags.ts, the table of the tags the official images have published, from a local
// clone of docker-library/official-images (never the network):
//
//   node tools/tags/generate.mjs <official-images git dir> [out file, default src/knowledge/tags.ts]
//
// It walks the first-parent history of library/<repository> (each merge into the default branch is one
// publication; the commits inside a pull request never were) and records, for every tag ever listed, the
// distribution release its image is built on (from the tag, its sibling tags in the same entry, its Directory
// and Constraints; null when none of them names one) and the releases it was built on before that, the dates it was first and last listed, the date its
// image last changed (GitRepo, GitCommit, Directory or File), and whether the newest commit still lists it.
// The output depends only on the history it reads: the same commit gives the same file, byte for byte.
// When to run it and how: docs/images.md ("Published tags").
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** The repositories dfsplit reads (src/knowledge/images.ts) or writes (presets, slim variants). */
const REPOSITORIES = [
  'alpine',
  'almalinux',
  'amazoncorretto',
  'amazonlinux',
  'buildpack-deps',
  'busybox',
  'centos',
  'clojure',
  'composer',
  'debian',
  'drupal',
  'eclipse-temurin',
  'elixir',
  'erlang',
  'fedora',
  'gcc',
  'golang',
  'gradle',
  'haskell',
  'java',
  'maven',
  'node',
  'openjdk',
  'perl',
  'php',
  'python',
  'rockylinux',
  'ruby',
  'rust',
  'ubuntu',
  'wordpress',
];

const DEBIAN = { 6: 'squeeze', 7: 'wheezy', 8: 'jessie', 9: 'stretch', 10: 'buster', 11: 'bullseye', 12: 'bookworm', 13: 'trixie', 14: 'forky', 15: 'duke' };
const UBUNTU = {
  '12.04': 'precise',
  '12.10': 'quantal',
  '13.04': 'raring',
  '13.10': 'saucy',
  '14.04': 'trusty',
  '14.10': 'utopic',
  '15.04': 'vivid',
  '15.10': 'wily',
  '16.04': 'xenial',
  '16.10': 'yakkety',
  '17.04': 'zesty',
  '17.10': 'artful',
  '18.04': 'bionic',
  '18.10': 'cosmic',
  '19.04': 'disco',
  '19.10': 'eoan',
  '20.04': 'focal',
  '20.10': 'groovy',
  '21.04': 'hirsute',
  '21.10': 'impish',
  '22.04': 'jammy',
  '22.10': 'kinetic',
  '23.04': 'lunar',
  '23.10': 'mantic',
  '24.04': 'noble',
  '24.10': 'oracular',
  '25.04': 'plucky',
  '25.10': 'questing',
  '26.04': 'resolute',
};
const CODENAMES = new Set([...Object.values(DEBIAN), 'sid', ...Object.values(UBUNTU)]);
/** Distributions whose own tags are version numbers: the release is the distribution and its major version. */
const VERSIONED = new Set(['almalinux', 'amazonlinux', 'centos', 'fedora', 'rockylinux']);

/** The releases a tag, a Directory or a Constraints value names (`3.12-slim-bookworm`, `8/jdk/alpine/3.19`). */
function releasesIn(text) {
  const out = new Set();
  const s = text.toLowerCase();
  for (const m of s.matchAll(/(?:^|[-/])(windowsservercore|nanoserver)-(ltsc\d{4}|\d{4})(?=$|[-/])/g)) out.add(`${m[1]}-${m[2]}`);
  for (const m of s.matchAll(/(?:^|[-/])alpine[/-]?(\d+\.\d+)(?=$|[-/])/g)) out.add(`alpine${m[1]}`);
  for (const word of s.split(/[-/]/)) {
    if (CODENAMES.has(word)) out.add(word);
    else if (/^al2(023)?$/.test(word)) out.add(word.replace('al', 'amazonlinux'));
    else if (/^(ubi\d+|oraclelinux\d+|centos\d+)$/.test(word)) out.add(word);
  }
  return out;
}

/** The release a distribution image's own tag names (`debian:12.5`, `ubuntu:22.04`, `alpine:3.19.1`). */
function ownRelease(repository, tag) {
  const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!version) return null;
  if (repository === 'debian') return DEBIAN[version[1]] ?? null;
  if (repository === 'ubuntu') return UBUNTU[`${version[1]}.${(version[2] ?? '').padStart(2, '0')}`] ?? null;
  if (repository === 'alpine' && version[2] !== undefined) return `alpine${version[1]}.${version[2]}`;
  if (VERSIONED.has(repository)) return `${repository}${version[1]}`;
  return null;
}

/**
 * The entries of one library file: each with its tags (Tags, then SharedTags), the text its release can be read
 * from, and the signature of its image. Two formats: the line format of 2014-2016 (`tag: url@commit dir`), whose
 * entries are the lines with one url, commit and directory, and the RFC 2822 one (paragraphs of fields).
 */
function entries(text) {
  if (/^Tags:/m.test(text)) return rfc2822(text);
  const groups = new Map();
  for (const line of text.split('\n')) {
    const m = /^\s*([^\s:#][^\s:]*)\s*:\s*(\S+)@(\S+)(?:\s+(\S+))?/.exec(line);
    if (!m) continue;
    const signature = `${m[2]}@${m[3]} ${m[4] ?? '.'}`;
    const group = groups.get(signature) ?? { tags: [], shared: [], names: [m[4] ?? ''], signature };
    group.tags.push(m[1]);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

function rfc2822(text) {
  const paragraphs = [];
  let fields = null;
  let last = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      fields = null;
      continue;
    }
    if (line.startsWith('#')) continue;
    if (/^\s/.test(line) && fields && last) {
      fields[last] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (!fields) paragraphs.push((fields = {}));
    last = m[1].toLowerCase();
    fields[last] = m[2].trim();
  }
  const global = paragraphs.find((p) => p.tags === undefined) ?? {};
  const list = (v) =>
    v
      ? v
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
  return paragraphs
    .filter((p) => p.tags !== undefined)
    .map((p) => {
      const field = (name) => p[name] ?? global[name] ?? '';
      const signature = [field('gitrepo'), field('gitcommit'), field('amd64-gitcommit'), field('directory') || '.', field('file')].join(' ');
      return { tags: list(p.tags), shared: list(p.sharedtags), names: [field('directory'), field('constraints')], signature };
    });
}

/** Tag -> { release, signature } in one state of the file. A tag listed by several entries (SharedTags) takes the release they agree on, Windows entries aside when others exist. */
function state(repository, text) {
  const found = new Map();
  for (const entry of entries(text)) {
    const named = new Set();
    for (const t of [...entry.tags, ...entry.names]) for (const r of releasesIn(t)) named.add(r);
    for (const t of entry.tags) {
      const own = ownRelease(repository, t);
      if (own) named.add(own);
    }
    const release = named.size === 1 ? [...named][0] : null;
    for (const tag of [...entry.tags, ...entry.shared]) {
      const seen = found.get(tag) ?? [];
      seen.push({ release, signature: entry.signature });
      found.set(tag, seen);
    }
  }
  const out = new Map();
  for (const [tag, seen] of found) {
    const linux = seen.filter((s) => !/^(windowsservercore|nanoserver)/.test(s.release ?? ''));
    const releases = new Set((linux.length ? linux : seen).map((s) => s.release));
    out.set(tag, { release: releases.size === 1 ? [...releases][0] : null, signature: seen.map((s) => s.signature).join(' | ') });
  }
  return out;
}

function git(dir, args, input) {
  return execFileSync('git', ['--git-dir', dir, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The contents of `library/<repository>` at each commit, through one `git cat-file --batch`. */
function contents(dir, repository, commits) {
  const out = execFileSync('git', ['--git-dir', dir, 'cat-file', '--batch'], { input: commits.map((c) => `${c.hash}:library/${repository}\n`).join(''), maxBuffer: 1 << 30 });
  const texts = [];
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    if (header.endsWith(' missing')) {
      texts.push('');
      at = nl + 1;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    texts.push(out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    at = nl + 1 + size + 1;
  }
  return texts;
}

/**
 * Tags the table leaves out, whose answer is "not recorded": early-access and pre-release builds, and dated
 * snapshots (`bookworm-20240110`), written into the table as OMITTED; and Windows tags (dfsplit declines Windows
 * images, and src/tags.ts answers null for them with the image table's own test, isWindowsImage).
 */
const OMITTED = /(^|-)(ea|rc|beta|alpha)(\d*)(-|$)|\d(ea|rc|beta|alpha)\d*(-|$)|(^|-)20\d{6}(-|$)/i;
const WINDOWS = /windowsservercore|nanoserver/;

/**
 * For each recorded tag of a repository: its release at its last listing, whether the newest commit lists it (else
 * the year it was last listed), and the releases it was built on before (`python:3.6`: jessie, stretch, buster).
 */
function table(dir, repository) {
  const log = git(dir, ['log', '--first-parent', '--reverse', '--format=%H %ct', 'HEAD', '--', `library/${repository}`]).trim();
  const commits = log ? log.split('\n').map((l) => ({ hash: l.split(' ')[0], year: new Date(Number(l.split(' ')[1]) * 1000).toISOString().slice(0, 4) })) : [];
  const texts = contents(dir, repository, commits);
  const tags = new Map();
  let current = new Map();
  commits.forEach((commit, i) => {
    current = state(repository, texts[i]);
    for (const [tag, now] of current) {
      if (OMITTED.test(tag) || WINDOWS.test(tag)) continue;
      const seen = tags.get(tag)?.seen ?? [];
      if (now.release !== null && !seen.includes(now.release)) seen.push(now.release);
      tags.set(tag, { release: now.release, last: commit.year, seen });
    }
  });
  for (const [tag, t] of tags) {
    if (current.has(tag)) t.last = 'now';
    // the releases the tag's image was built on before its last one, in the order it moved
    t.earlier = t.seen.filter((r) => r !== t.release).join(' ');
  }
  return tags;
}

/**
 * A tag split around its version (the first word with a dotted version, else the first word starting with a
 * digit): `3.6.5-slim-stretch` -> ['3.6.5', '{}-slim-stretch']; a tag without one is its own template.
 */
function template(tag) {
  const words = tag.split('-');
  let i = words.findIndex((w) => /^\d+(\.\d+)+\w*$|^\d+u\d+\w*$/.test(w));
  if (i < 0) i = words.findIndex((w) => /^\d/.test(w));
  if (i < 0) return ['', tag];
  const version = words[i];
  words[i] = '{}';
  return [version, words.join('-')];
}

/** Versions written short: a run of consecutive last numbers as one range (`3.4.2..10` is 3.4.2 to 3.4.10). */
function versions(list) {
  const runs = new Map();
  const plain = [];
  for (const v of list) {
    const m = /^(.*\.)(0|[1-9]\d*)$/.exec(v);
    if (!m) plain.push(v);
    else runs.set(m[1], [...(runs.get(m[1]) ?? []), Number(m[2])]);
  }
  const out = [...plain];
  for (const [prefix, numbers] of runs) {
    numbers.sort((a, b) => a - b);
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
      out.push(j > i ? `${prefix}${numbers[i]}..${numbers[j]}` : `${prefix}${numbers[i]}`);
      i = j + 1;
    }
  }
  return out.sort(compareTags).join(' ');
}

/** Tags in a stable, readable order: by their words, numbers compared as numbers. */
function compareTags(a, b) {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    if (i % 2 === 1 && na !== nb) return na - nb;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The groups of one repository: [release, 'now' or the year last listed, [templates, versions][]], sorted; the
 * templates that share their list of versions are written together (`{}-slim {}-slim-stretch`).
 */
function groups(tags) {
  const byGroup = new Map();
  for (const [tag, t] of tags) {
    const key = JSON.stringify([t.release, t.last, t.earlier]);
    const templates = byGroup.get(key) ?? new Map();
    const [version, name] = template(tag);
    templates.set(name, [...(templates.get(name) ?? []), ...(version ? [version] : [])]);
    byGroup.set(key, templates);
  }
  return [...byGroup.keys()].sort(compareTags).map((key) => {
    const byVersions = new Map();
    for (const [name, list] of byGroup.get(key)) {
      const written = versions(list);
      byVersions.set(written, [...(byVersions.get(written) ?? []), name]);
    }
    const rows = [...byVersions].map(([written, names]) => [names.sort(compareTags).join(' '), written]);
    const [release, last, earlier] = JSON.parse(key);
    return [release, last, rows.sort((a, b) => compareTags(a[0], b[0])), earlier];
  });
}

const quote = (s) => (s === null ? 'null' : `'${s}'`);

function main() {
  const [dir, outFile = new URL('../../src/knowledge/tags.ts', import.meta.url).pathname] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node tools/tags/generate.mjs <official-images git dir> [out file]\n');
    process.exit(2);
  }
  const [head, time] = git(dir, ['log', '-1', '--format=%H %ct', 'HEAD']).trim().split(' ');
  const date = new Date(Number(time) * 1000).toISOString().slice(0, 10);
  const lines = [
    `// Generated by tools/tags/generate.mjs from docker-library/official-images at ${head}; do not edit.`,
    '// Every tag the library file of each repository ever listed, in groups: [the release its image was built on at its',
    "// last listing (null: the library file does not say), 'now' when the newest commit still lists it or else the year",
    '// it was last listed, rows of [templates, versions], and, for tags that moved, the releases they were built on',
    '// before, oldest first]. Each template of a row (`{}-slim {}-slim-stretch`) with each of its versions (`{}`',
    '// replaced; `3.4.2..10` is 3.4.2 to 3.4.10) is a tag; a template without `{}` is the tag itself (its versions are',
    '// empty). Read through src/tags.ts; when and how to regenerate: docs/images.md.',
    '',
    '/** [release, last listed, rows of [templates, versions], earlier releases (space-separated, oldest first)]. */',
    'export type TagGroup = readonly [release: string | null, last: string, rows: readonly (readonly [templates: string, versions: string])[], earlier?: string];',
    '',
    `export const GENERATED = { commit: '${head}', date: '${date}' };`,
    '',
    `/** Tags not recorded (their answer is unknown): early-access and pre-release builds, dated snapshots; Windows tags are left out too. */`,
    `export const OMITTED = ${OMITTED};`,
    '',
    'export const TAGS: Readonly<Record<string, readonly TagGroup[]>> = {',
  ];
  for (const repository of REPOSITORIES) {
    lines.push(`  ${/^[a-z]+$/.test(repository) ? repository : `'${repository}'`}: [`);
    for (const [release, last, templates, earlier] of groups(table(dir, repository))) {
      lines.push(`    [${quote(release)}, '${last}', [`);
      for (const [name, list] of templates) lines.push(`      ['${name}', '${list}'],`);
      lines.push(earlier ? `    ], '${earlier}'],` : '    ]],');
    }
    lines.push('  ],');
  }
  lines.push('};', '');
  writeFileSync(outFile, lines.join('\n'));
}

main();
