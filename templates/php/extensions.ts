// PHP extensions compiled in the builder with the official image's helpers (docker-php-ext-configure,
// docker-php-ext-install, docker-php-ext-enable) or `pecl install`: each lands as a .so in the extension
// directory and an ini file in conf.d, which the runtime stage copies from the builder. Builds the helpers
// do not describe (phpize by hand, pear, install-php-extensions, which installs its own libraries) stay
// declined as `system-compile` by the plan. https://github.com/docker-library/docs/tree/master/php#how-to-install-more-php-extensions
import type { RunCommand } from '../../src/analyze/run.js';
import { writesExtensionsOnly } from '../../src/commands/php.js';
import { parseImage, phpImageOf } from '../../src/images.js';
import { PHP_EXTENSION_API } from '../../src/knowledge/php.js';

/** The root every official php image puts its extension directories under (`php-config --extension-dir`). */
const EXTENSION_ROOT = '/usr/local/lib/php/extensions';

/** A RUN that compiles extensions with the image's helpers only. */
export interface ExtensionRun {
  index: number;
  commands: RunCommand[];
}

/** A helper command the preset can follow: where it writes is known. */
function understood(c: RunCommand): boolean {
  return writesExtensionsOnly(c.words);
}

/** RUNs with a system compile that the helpers do all of; `others` are those the preset cannot copy. */
export function extensionRuns(runs: ReadonlyMap<number, { commands: RunCommand[] }>): { copied: ExtensionRun[]; others: number[] } {
  const copied: ExtensionRun[] = [];
  const others: number[] = [];
  for (const [index, run] of [...runs].sort((a, b) => a[0] - b[0])) {
    const compiles = run.commands.filter((c) => c.kind === 'system-compile');
    if (!compiles.length) continue;
    // docker-php-ext-enable is not a compile, but where it writes (conf.d) is copied with the rest
    if (compiles.every(understood)) copied.push({ index, commands: run.commands.filter((c) => c.kind === 'system-compile' || understood(c)) });
    else others.push(index);
  }
  return { copied, others };
}

/**
 * The extension directory of an official php image, or of an image built on one (wordpress, drupal: src/images.ts
 * phpImageOf), from the PHP version its tag names: `php:8.2-cli` -> /usr/local/lib/php/extensions/no-debug-non-zts-20220829
 * (`-zts` tags: no-debug-zts-), `wordpress:php7.1-fpm` as `php:7.1-fpm`.
 */
export function extensionDir(image: string): { dir: string } | { why: string } {
  const php = phpImageOf(image);
  if (php === null) return { why: `${image} is not known to be built on an official php image` };
  const tag = parseImage(php).tag;
  if (tag === null && php !== image) return { why: `the tag does not name the PHP version ${parseImage(image).name} is built on, which moved from one to the next` };
  if (tag === null) return { why: 'the tag latest does not name the PHP minor version, and the API number changes with it' };
  if (/(^|-)(rc|alpha|beta)\d*(-|$)/i.test(tag)) return { why: `${tag} is a pre-release, whose API number may still change` };
  const m = /^(\d+)\.(\d+)(\.\d+)?(-|$)/.exec(tag);
  if (!m) return { why: `the tag ${tag} does not name the PHP minor version, and the API number changes with it` };
  const api = PHP_EXTENSION_API[`${m[1]}.${m[2]}`];
  if (!api) return { why: `PHP ${m[1]}.${m[2]} is not in dfsplit's table of extension API numbers` };
  const zts = /(^|-)zts(-|$)/.test(tag);
  return { dir: `${EXTENSION_ROOT}/no-debug-${zts ? '' : 'non-'}zts-${api}` };
}

/** The paths the runtime stage copies: the analyzer's outputs of the helpers, the extension root narrowed to the image's own directory. */
export function extensionPaths(runs: readonly ExtensionRun[], dir: string): string[] {
  const paths = runs.flatMap((r) => r.commands.flatMap((c) => c.outputs)).map((p) => (p === EXTENSION_ROOT ? dir : p));
  return [...new Set(paths)];
}
