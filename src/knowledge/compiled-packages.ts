// Language packages with compiled parts that load system libraries at run time. A full `python:`,
// `node:` or `ruby:` image ships these libraries (buildpack-deps); the slim one does not, so a
// conversion onto slim installs them. Debian 12 package names, and Alpine's.
// Sources: each project's install docs (psycopg2, mysqlclient, lxml, Pillow, ...) and the Debian
// packages their wheels or extensions link against (`ldd` of the built module).

/** Runtime libraries by manager for one package. */
export interface RuntimeLibs {
  apt: readonly string[];
  apk: readonly string[];
}

/** pip distribution name (lower case, `_` as `-`) -> libraries its compiled modules need. */
export const PYTHON_COMPILED: Readonly<Record<string, RuntimeLibs>> = {
  psycopg2: { apt: ['libpq5'], apk: ['libpq'] },
  mysqlclient: { apt: ['libmariadb3'], apk: ['mariadb-connector-c'] },
  'mysql-python': { apt: ['libmariadb3'], apk: ['mariadb-connector-c'] },
  lxml: { apt: ['libxml2', 'libxslt1.1'], apk: ['libxml2', 'libxslt'] },
  pillow: { apt: ['libjpeg62-turbo', 'zlib1g', 'libpng16-16', 'libfreetype6', 'libtiff6', 'libwebp7'], apk: ['libjpeg-turbo', 'zlib', 'libpng', 'freetype', 'tiff', 'libwebp'] },
  pil: { apt: ['libjpeg62-turbo', 'zlib1g', 'libfreetype6'], apk: ['libjpeg-turbo', 'zlib', 'freetype'] },
  cryptography: { apt: ['libssl3'], apk: ['libssl3'] },
  pyopenssl: { apt: ['libssl3'], apk: ['libssl3'] },
  cffi: { apt: ['libffi8'], apk: ['libffi'] },
  'python-ldap': { apt: ['libldap-2.5-0', 'libsasl2-2'], apk: ['libldap', 'libsasl'] },
  pyyaml: { apt: ['libyaml-0-2'], apk: ['yaml'] },
  pycurl: { apt: ['libcurl4'], apk: ['libcurl'] },
  'python-magic': { apt: ['libmagic1'], apk: ['libmagic'] },
  pyzmq: { apt: ['libzmq5'], apk: ['zeromq'] },
  gevent: { apt: [], apk: [] },
  numpy: { apt: [], apk: ['openblas'] },
  scipy: { apt: [], apk: ['openblas'] },
  'mysql-connector-python': { apt: [], apk: [] },
  pyodbc: { apt: ['unixodbc'], apk: ['unixodbc'] },
  'pygobject': { apt: ['libgirepository-1.0-1'], apk: ['gobject-introspection'] },
  cairocffi: { apt: ['libcairo2'], apk: ['cairo'] },
  pycairo: { apt: ['libcairo2'], apk: ['cairo'] },
  'xmlsec': { apt: ['libxmlsec1', 'libxmlsec1-openssl'], apk: ['xmlsec'] },
  'python-snappy': { apt: ['libsnappy1v5'], apk: ['snappy'] },
  'gssapi': { apt: ['libgssapi-krb5-2'], apk: ['krb5-libs'] },
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
