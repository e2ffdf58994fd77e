// The gems a `bundle install` puts in the image, read from Gemfile.lock (every gem, with its
// dependencies and platform) and the Gemfile (the groups of each top-level gem), less the groups the
// Dockerfile leaves out (BUNDLE_WITHOUT, `bundle config without`, `--without`); then what each needs
// from the system on a slim image. https://bundler.io/man/gemfile.5.html  https://bundler.io/guides/groups.html
import { RUBY_GEM_LIBS, RUBY_NATIVE_MARKERS, RUBY_SELF_CONTAINED } from '../../src/knowledge/ruby-gems.js';

interface Spec {
  name: string;
  version: string;
  /** `x86_64-linux` for a precompiled gem, null for one built from source. */
  platform: string | null;
  deps: string[];
}

export interface Lockfile {
  specs: Spec[];
  /** Top-level gems (DEPENDENCIES). */
  dependencies: string[];
  /** True when a gem comes from a git repository. */
  git: boolean;
}

/** Gemfile.lock's GEM, GIT and PATH specs and its DEPENDENCIES. */
export function parseLockfile(text: string): Lockfile | null {
  const specs: Spec[] = [];
  const dependencies: string[] = [];
  let section = '';
  let git = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      if (section === 'GIT') git = true;
      continue;
    }
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line);
    if (spec && /^(GEM|GIT|PATH)$/.test(section)) {
      const [version, ...platform] = spec[2]!.split('-');
      specs.push({ name: spec[1]!, version: version!, platform: platform.length ? platform.join('-') : null, deps: [] });
      continue;
    }
    const dep = /^ {6}([^\s(]+)/.exec(line);
    if (dep && specs.length && /^(GEM|GIT|PATH)$/.test(section)) {
      specs[specs.length - 1]!.deps.push(dep[1]!);
      continue;
    }
    const top = /^ {2}([^\s(!]+)/.exec(line);
    if (top && section === 'DEPENDENCIES') dependencies.push(top[1]!);
  }
  return specs.length || dependencies.length ? { specs, dependencies, git } : null;
}

/**
 * The groups of each gem the Gemfile names (`group :test do`, `gem 'x', group: :test`), or null when
 * its blocks cannot be followed. Gems outside any group are in `default`.
 */
export function gemGroups(gemfile: string): Map<string, Set<string>> | null {
  const out = new Map<string, Set<string>>();
  const stack: string[][] = [];
  for (const raw of gemfile.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const group = /^group\s+(.+?)\s+do(\s*\|[^|]*\|)?$/.exec(line);
    if (group) {
      stack.push([...group[1]!.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]!));
      continue;
    }
    if (/\bdo(\s*\|[^|]*\|)?$/.test(line) || /^(if|unless|case|while|until|begin)\b/.test(line)) {
      stack.push([]);
      continue;
    }
    if (/^end\b/.test(line)) {
      if (!stack.pop()) return null;
      continue;
    }
    const gem = /^gem\s+["']([^"']+)["'](.*)$/.exec(line);
    if (!gem) continue;
    const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+|["']\w+["'])|:groups?\s*=>\s*(\[[^\]]*\]|:\w+)/.exec(gem[2]!);
    const groups = new Set([...stack.flat(), ...(inline ? [...(inline[1] ?? inline[2]!).matchAll(/(\w+)/g)].map((m) => m[1]!) : [])]);
    if (!groups.size) groups.add('default');
    const seen = out.get(gem[1]!);
    out.set(gem[1]!, seen ? new Set([...seen, ...groups]) : groups);
  }
  return stack.length ? null : out;
}

/** The names of the gems installed: every spec reachable from a top-level gem not wholly in an excluded group. */
export function installedGems(lock: Lockfile, groups: Map<string, Set<string>> | null, without: ReadonlySet<string>): Set<string> {
  const deps = new Map<string, string[]>();
  for (const s of lock.specs) deps.set(s.name, [...(deps.get(s.name) ?? []), ...s.deps]);
  const included = lock.dependencies.filter((g) => {
    const of = groups?.get(g) ?? new Set(['default']);
    return [...of].some((x) => !without.has(x));
  });
  const seen = new Set<string>();
  const todo = groups ? included : lock.specs.map((s) => s.name);
  while (todo.length) {
    const g = todo.pop()!;
    if (seen.has(g)) continue;
    seen.add(g);
    todo.push(...(deps.get(g) ?? []));
  }
  return seen;
}

/** What the installed gems need on a slim image: Debian packages (Alpine's with `manager` apk), or why a gem cannot be judged. */
export function gemNeeds(lock: Lockfile, installed: ReadonlySet<string>, dockerfile: string, manager: 'apt' | 'apk' = 'apt'): { packages: Map<string, string[]>; unknown: { gem: string; why: string }[] } {
  const packages = new Map<string, string[]>();
  const unknown: { gem: string; why: string }[] = [];
  for (const name of [...installed].sort()) {
    const specs = lock.specs.filter((s) => s.name === name);
    const fromSource = specs.some((s) => s.platform === null);
    const libs = RUBY_GEM_LIBS[name];
    if (libs) {
      const bundles = libs.bundledSince !== undefined && specs.every((s) => s.platform !== null || atLeast(s.version, libs.bundledSince!)) && !libs.systemOption?.test(dockerfile);
      if (!bundles) packages.set(name, [...libs[manager]]);
      continue;
    }
    if (RUBY_SELF_CONTAINED.has(name) || !fromSource) continue;
    const marker = specs.flatMap((s) => s.deps).find((d) => RUBY_NATIVE_MARKERS.has(d));
    if (marker) {
      unknown.push({ gem: name, why: `depends on ${marker}, so it builds or loads a native library dfsplit does not know` });
      continue;
    }
    const option = new RegExp(`(build\\.${escape(name)}\\b|BUNDLE_BUILD__${escape(name.toUpperCase().replace(/-/g, '___'))}\\b)`);
    if (option.test(dockerfile)) unknown.push({ gem: name, why: 'is given build options in the Dockerfile, so it compiles a native extension dfsplit does not know' });
  }
  return { packages, unknown };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `1.13.10` >= `1.11`, segment by segment. */
function atLeast(version: string, min: string): boolean {
  const a = version.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const b = min.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}
