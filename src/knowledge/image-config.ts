// The configuration official images carry (ENV, WORKDIR, USER, CMD, ENTRYPOINT) and the programs on
// their PATH. A converted file must keep the configuration its original inherited, and a command
// replayed in the runtime stage must find its program there. The facts are rows of the image table
// (knowledge/images.ts).
import { configFacts, parseImage } from '../images.js';
import { DEFAULT_PATH } from './images.js';
import { DEBIAN_MINBASE_TOOLS, MINBASE_LACKS } from './debian-minbase-tools.js';
import { releaseOfImage } from '../tags.js';

/** What dfsplit knows about one image: configuration and programs. */
export interface ImageConfig {
  /** Environment the image sets, toolchain metadata (`*_VERSION`, checksums, keys) left out. */
  env: Readonly<Record<string, string>>;
  workdir: string;
  user: string;
  cmd: readonly string[] | null;
  entrypoint: readonly string[] | null;
  /** Programs on PATH (names only). */
  tools: ReadonlySet<string>;
  /** Users that exist (besides root). */
  users: readonly string[];
  /** True when the image's own command serves what is copied into its working directory (php:*-apache, php:*-fpm). */
  serves: boolean;
  /** True when the image's own command serves a site of its own (wordpress, drupal): a file that sets no command runs that site. */
  site?: true;
  /** Files and directories of the image itself that a runtime stage may copy from a builder on it. */
  provides: readonly string[];
  /**
   * Set when the ENTRYPOINT only wraps: it ends in `exec "$@"`, so the container runs CMD (or the
   * `docker run` arguments) as given, in the same working directory, after setup the program does not
   * depend on; `unsets` are variables it removes from the program's environment.
   */
  wraps: { unsets: readonly string[] } | null;
}

/** The configuration of an image dfsplit knows, or null (then nothing about it is assumed). */
export function imageConfig(image: string): ImageConfig | null {
  // asked several times per conversion for the same few images, and across a tree for the same popular
  // ones; results are read-only. Bounded: cleared when full
  const hit = known.get(image);
  if (hit !== undefined) return hit;
  const config = lookUp(image);
  if (known.size >= 4096) known.clear();
  known.set(image, config === null ? null : Object.freeze(config));
  return config;
}

const known = new Map<string, ImageConfig | null>();

function lookUp(image: string): ImageConfig | null {
  const e = configFacts(image);
  if (!e) return null;
  const release = e.debian ? releaseOfImage(image)?.release : null;
  const lacks = new Set(release && Object.hasOwn(MINBASE_LACKS, release) ? MINBASE_LACKS[release] : []);
  const tools = new Set([...(e.debian ? DEBIAN_MINBASE_TOOLS.filter((t) => !lacks.has(t)) : []), ...e.tools]);
  const user = /:nonroot$/.test(image) ? 'nonroot' : (e.user ?? '');
  return {
    env: { PATH: DEFAULT_PATH, ...e.env },
    workdir: e.workdir ?? (user === 'nonroot' ? '/home/nonroot' : '/'),
    user,
    cmd: e.cmd,
    entrypoint: e.entrypoint ?? null,
    tools,
    users: e.users ?? [],
    serves: e.serves ?? false,
    // only when set, so that the configurations of the other images stay as they were
    ...(e.site ? { site: true as const } : {}),
    provides: e.provides ?? [],
    wraps: e.wraps ?? null,
  };
}

/** Environment keys that only describe the toolchain's own version or download, never the program's. */
export const METADATA_ENV = /(_VERSION|_SHA256|_SHA512|_SHA1|_MD5|_DOWNLOAD_URL|_DOWNLOAD_SHA\d*|_URL)$|^(GPG_KEYS?|GPG_KEY_\w+|GOTOOLCHAIN)$/;

/**
 * Whether an image built on `runtime` inherits the configuration an image built on `builder` inherited: the same
 * image, or another tag of the same repository (a slim variant is built with the full one's configuration) unless
 * the table gives the two tags different environments (openjdk:8-jdk-alpine's JAVA_HOME is the JDK, 8-jre-alpine's
 * its jre/ directory).
 */
export function inheritsSameConfig(builder: string, runtime: string): boolean {
  if (builder === runtime) return true;
  if (parseImage(builder).name !== parseImage(runtime).name) return false;
  const [a, b] = [imageConfig(builder), imageConfig(runtime)];
  if (!a || !b) return true;
  const keys = new Set([...Object.keys(a.env), ...Object.keys(b.env)].filter((k) => !METADATA_ENV.test(k)));
  return [...keys].every((k) => a.env[k] === b.env[k]);
}
