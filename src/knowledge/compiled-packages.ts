// Language packages with compiled parts that load system libraries at run time. A full `python:`,
// `node:` or `ruby:` image ships these libraries (buildpack-deps); the slim one does not, so a
// conversion onto slim installs them, named for the image's release (src/knowledge/runtime-packages.ts).
// Sources: each project's install docs (psycopg2, mysqlclient, lxml, Pillow, ...) and the Debian
// packages their wheels or extensions link against (`ldd` of the built module).

/** Runtime libraries by manager for one package. */
export interface RuntimeLibs {
  apt: readonly string[];
  apk: readonly string[];
}

/**
 * pip distribution name (lower case, `_` as `-`) -> what its compiled modules need at run time, by manager: a
 * -dev package, whose runtime packages for the image's release come from src/knowledge/runtime-packages.ts,
 * or a package whose name every release shares (unixodbc, openblas), installed as named.
 */
export const PYTHON_COMPILED: Readonly<Record<string, RuntimeLibs>> = {
  psycopg2: { apt: ['libpq-dev'], apk: ['postgresql-dev'] },
  mysqlclient: { apt: ['libmariadb-dev'], apk: ['mariadb-dev'] },
  'mysql-python': { apt: ['libmariadb-dev'], apk: ['mariadb-dev'] },
  lxml: { apt: ['libxml2-dev', 'libxslt1-dev'], apk: ['libxml2-dev', 'libxslt-dev'] },
  pillow: { apt: ['libjpeg62-turbo-dev', 'zlib1g-dev', 'libpng-dev', 'libfreetype6-dev', 'libtiff-dev', 'libwebp-dev'], apk: ['libjpeg-turbo-dev', 'zlib-dev', 'libpng-dev', 'freetype-dev', 'tiff-dev', 'libwebp-dev'] },
  pil: { apt: ['libjpeg62-turbo-dev', 'zlib1g-dev', 'libfreetype6-dev'], apk: ['libjpeg-turbo-dev', 'zlib-dev', 'freetype-dev'] },
  cryptography: { apt: ['libssl-dev'], apk: ['openssl-dev'] },
  pyopenssl: { apt: ['libssl-dev'], apk: ['openssl-dev'] },
  cffi: { apt: ['libffi-dev'], apk: ['libffi-dev'] },
  'python-ldap': { apt: ['libldap2-dev', 'libsasl2-dev'], apk: ['openldap-dev', 'cyrus-sasl-dev'] },
  pyyaml: { apt: ['libyaml-dev'], apk: ['yaml-dev'] },
  pycurl: { apt: ['libcurl4-openssl-dev'], apk: ['curl-dev'] },
  'python-magic': { apt: ['libmagic-dev'], apk: ['file-dev'] },
  pyzmq: { apt: ['libzmq3-dev'], apk: ['zeromq-dev'] },
  gevent: { apt: [], apk: [] },
  numpy: { apt: [], apk: ['openblas'] },
  scipy: { apt: [], apk: ['openblas'] },
  'mysql-connector-python': { apt: [], apk: [] },
  pyodbc: { apt: ['unixodbc'], apk: ['unixodbc'] },
  'pygobject': { apt: ['libgirepository-1.0-1'], apk: ['gobject-introspection'] },
  cairocffi: { apt: ['libcairo2-dev'], apk: ['cairo-dev'] },
  pycairo: { apt: ['libcairo2-dev'], apk: ['cairo-dev'] },
  'xmlsec': { apt: ['libxmlsec1-dev'], apk: ['xmlsec-dev'] },
  'python-snappy': { apt: ['libsnappy-dev'], apk: ['snappy-dev'] },
  'gssapi': { apt: ['libkrb5-dev'], apk: ['krb5-dev'] },
  // OpenMP: LightGBM's and XGBoost's libraries load the system's libgomp.so.1 (LightGBM's install guide: "libgomp1"
  // on Debian; the slim images lack it), and so do scikit-learn built from source (where no wheel fits the
  // Python) and torch's builds that do not bundle their own; installing it where a wheel bundles one is harmless
  lightgbm: { apt: ['libgomp1'], apk: ['libgomp'] },
  xgboost: { apt: ['libgomp1'], apk: ['libgomp'] },
  'scikit-learn': { apt: ['libgomp1'], apk: ['libgomp'] },
  torch: { apt: ['libgomp1'], apk: ['libgomp'] },
};

/**
 * pip distributions whose build links whatever optional libraries it finds on the builder (uWSGI asks
 * xml2-config, pcre-config and pkg-config for libxml2, PCRE, OpenSSL, YAML, Jansson...): what the wheel
 * loads on a slim runtime depends on the full image, so only a build proves it (issue 23's review: uWSGI
 * built on python:3.4 linked libxml2, which python:3.4-slim lacks).
 */
export const PYTHON_LINKS_WHAT_IT_FINDS: ReadonlySet<string> = new Set(['uwsgi']);

/**
 * Extras (`pkg[extra]`) known to bring only pure Python packages or wheels that carry their own libraries. Any
 * other extra pulls in packages the table does not see (`newrelic-plugin-agent[postgresql]` brings psycopg2,
 * whose build links the full image's libpq): what they load on a slim runtime is proven only by a build.
 * Sources: each project's setup.py / pyproject extras (celery's redis: redis-py; requests' socks: PySocks).
 */
export const PYTHON_PURE_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  celery: ['redis', 'sqs', 'msgpack', 'yaml'],
  requests: ['socks', 'use_chardet_on_py3'],
};

/** The extras a requirement line asks for (`celery[redis,sqs]>=5` -> `redis`, `sqs`), lower case. */
export function requirementExtras(line: string): string[] {
  const m = /^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*\[([^\]]*)\]/.exec(line.replace(/#.*/, ''));
  return m
    ? m[1]!
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean)
    : [];
}

/** The normalised distribution name of a requirement line (`Pillow>=9 ; python_version>"3"` -> `pillow`). */
export function requirementName(line: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line.replace(/#.*/, ''));
  if (!m || line.trim().startsWith('-')) return null;
  return m[1]!
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/-binary$/, '-binary');
}
