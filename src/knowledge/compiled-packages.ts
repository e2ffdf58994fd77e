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
};

/**
 * pip distributions whose build links whatever optional libraries it finds on the builder (uWSGI asks
 * xml2-config, pcre-config and pkg-config for libxml2, PCRE, OpenSSL, YAML, Jansson...): what the wheel
 * loads on a slim runtime depends on the full image, so only a build proves it (issue 23's review: uWSGI
 * built on python:3.4 linked libxml2, which python:3.4-slim lacks).
 */
export const PYTHON_LINKS_WHAT_IT_FINDS: ReadonlySet<string> = new Set(['uwsgi']);

/** The normalised distribution name of a requirement line (`Pillow>=9 ; python_version>"3"` -> `pillow`). */
export function requirementName(line: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line.replace(/#.*/, ''));
  if (!m || line.trim().startsWith('-')) return null;
  return m[1]!
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/-binary$/, '-binary');
}
