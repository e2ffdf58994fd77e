// What a runtime stage must never carry over on its own: files that hold credentials, and whole system
// directories of the builder. The state model keeps the runtime stage from holding anything the original
// deletes; the check (src/check.ts) holds every output to these two tables as a backstop, and
// bench/safety-scan.mjs reads them over the corpus.

/**
 * Names of files and directories that hold credentials, as path patterns: one name matches at any depth
 * (`.ssh` is `/root/.ssh` and everything in it), several names match consecutive ones
 * (`.docker/config.json`); `*` matches within one name.
 */
const SECRET_PATHS: readonly string[] = [
  // netrc: curl, git and pip log in with it; package manager and index credentials
  '.netrc',
  '_netrc',
  '.npmrc',
  '.yarnrc',
  '.yarnrc.yml',
  '.pypirc',
  'pip.conf',
  'pip.ini',
  '.gem/credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.composer/auth.json',
  '.m2/settings.xml',
  '.m2/settings-security.xml',
  '.gradle/gradle.properties',
  '.nuget/NuGet/NuGet.Config',
  // git and ssh
  '.git-credentials',
  '.ssh',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'id_ecdsa_sk',
  'id_ed25519_sk',
  // cloud and registry logins
  '.aws',
  '.azure',
  '.config/gcloud',
  '.kube/config',
  '.docker/config.json',
  '.dockercfg',
  '.gnupg',
  // keys and certificates with their private key
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
];

/**
 * Directories a runtime stage never copies whole from the builder: the root and the system's own
 * directories (FHS) bring the builder's compilers, package database, users and home directories (with
 * whatever credentials they hold), and on another base image overwrite its system. `/tmp` and `/opt` whole
 * are too (issue 23 item 6): the builder's downloads, sources and vendor toolchains land there, and the runtime
 * image's own `/opt` would be replaced; a directory inside them (`/opt/app`, `PREFIX=/opt/app`) is allowed,
 * as are `/usr/local` and `/srv`.
 */
const SYSTEM_DIRS: ReadonlySet<string> = new Set([
  '/',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/etc',
  '/var',
  '/var/lib',
  '/root',
  '/home',
  '/boot',
  '/dev',
  '/proc',
  '/sys',
  '/run',
  '/usr',
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/usr/lib32',
  '/usr/lib64',
  '/usr/libexec',
  '/usr/include',
  '/usr/share',
  '/tmp',
  '/opt',
]);

const PATTERNS = SECRET_PATHS.map((p) => ({ pattern: p, names: p.split('/').map((n) => new RegExp(`^${n.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)) }));

/** The pattern of {@link SECRET_PATHS} that `path` is or lies inside, or null. */
export function secretLike(path: string): string | null {
  const names = path.split('/').filter((n) => n !== '' && n !== '.');
  for (const { pattern, names: want } of PATTERNS) {
    for (let i = 0; i + want.length <= names.length; i++) if (want.every((re, k) => re.test(names[i + k]!))) return pattern;
  }
  return null;
}

/** Directories every Linux image has (the FHS's): a replayed `cd` may go into them, and a `mv` or `cp` into one puts its sources inside it. */
const IMAGE_DIRS: ReadonlySet<string> = new Set([
  '/',
  '/bin',
  '/etc',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/root',
  '/sbin',
  '/srv',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/lib',
  '/usr/local/share',
  '/usr/local/src',
  '/usr/share',
  '/usr/src',
  '/var',
  '/var/lib',
  '/var/log',
  '/var/tmp',
]);

/** True when `path` (absolute) is one of {@link IMAGE_DIRS}, with or without a trailing slash. */
export function imageDir(path: string): boolean {
  return IMAGE_DIRS.has(path.replace(/\/+$/, '') || '/');
}

/** True when `path` (normalized, absolute) names a whole system directory of {@link SYSTEM_DIRS}. */
export function systemDir(path: string): boolean {
  return SYSTEM_DIRS.has(path === '/' ? '/' : path.replace(/\/+$/, ''));
}
