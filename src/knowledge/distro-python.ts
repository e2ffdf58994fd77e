// The distribution's own Python, per Debian and Ubuntu release: which python3 (and whether a python 2.7 with its
// python-pip) the release ships, and whether it marks that Python externally managed (PEP 668). pip run as root
// with the distribution's Python installs into /usr/local/lib/pythonX.Y/dist-packages and its scripts into
// /usr/local/bin (Debian's patched distutils, and from 3.10 its sysconfig `posix_local` scheme).
// Sources: packages.debian.org and packages.ubuntu.com (the python3 and python-pip packages of each release);
// https://wiki.debian.org/Python  https://peps.python.org/pep-0668/
import type { Release } from './releases.js';

/** The python3 version (X.Y) of each Debian and Ubuntu release. */
const PYTHON3: Readonly<Record<'debian' | 'ubuntu', Readonly<Record<string, string>>>> = {
  debian: { jessie: '3.4', stretch: '3.5', buster: '3.7', bullseye: '3.9', bookworm: '3.11', trixie: '3.13' },
  ubuntu: { trusty: '3.4', utopic: '3.4', vivid: '3.4', wily: '3.4', xenial: '3.5', yakkety: '3.5', zesty: '3.5', artful: '3.6', bionic: '3.6', cosmic: '3.6', disco: '3.7', eoan: '3.7', focal: '3.8', jammy: '3.10', noble: '3.12' },
};

/** The releases that ship python-pip for Python 2.7 (Debian dropped it in bullseye, Ubuntu in focal). */
const PYTHON2_PIP: Readonly<Record<'debian' | 'ubuntu', readonly string[]>> = {
  debian: ['jessie', 'stretch', 'buster'],
  ubuntu: ['trusty', 'utopic', 'vivid', 'wily', 'xenial', 'yakkety', 'zesty', 'artful', 'bionic', 'cosmic', 'disco', 'eoan'],
};

/** The releases whose Python is externally managed (PEP 668): pip refuses to install without --break-system-packages. */
const EXTERNALLY_MANAGED: Readonly<Record<'debian' | 'ubuntu', readonly string[]>> = {
  debian: ['bookworm', 'trixie'],
  ubuntu: ['noble'],
};

/** The apt package that gives each major version's pip. */
export const DISTRO_PIP_PACKAGES: Readonly<Record<2 | 3, string>> = { 2: 'python-pip', 3: 'python3-pip' };

/**
 * The setuptools package of each major version. python-pip and python3-pip recommend build-essential, the -dev
 * package of their Python, setuptools and wheel on every release here: installed with its Recommends, pip brings
 * the compiler back. The runtime stage installs pip without them, and setuptools on its own: the console scripts
 * that setuptools writes for a package installed from sources import pkg_resources.
 */
export const DISTRO_SETUPTOOLS_PACKAGES: Readonly<Record<2 | 3, string>> = { 2: 'python-setuptools', 3: 'python3-setuptools' };

/**
 * The build tools (besides the compilers, -dev packages and the light build tools of src/commands/) a pip install may run while it builds a package from
 * sources. A file that installs other build tools (autoconf, bison, libtool, a debugger) and never builds with
 * them is a development image, whose users build with them after it starts.
 */
export const PIP_BUILD_TOOLS: readonly string[] = ['build-essential', 'pkg-config', 'swig', 'gfortran', 'dpkg-dev', 'libc6-dev', 'libc-dev', 'linux-libc-dev', 'python-dev', 'python3-dev', 'python-all-dev', 'python3-all-dev', 'python-setuptools', 'python3-setuptools', 'python-wheel', 'python3-wheel'];

/**
 * Python packages whose program installs more packages with pip when it runs (Home Assistant installs each
 * integration's requirements at start): those compile with the compilers the builder had.
 */
export const PIP_INSTALLS_AT_RUN_TIME: readonly string[] = ['homeassistant'];

/** Where pip run as root installs packages for the distribution's Python X.Y. */
const DISTRO_DIST_PACKAGES = '/usr/local/lib/python{python}/dist-packages';
/** Where it installs their scripts. */
export const DISTRO_PIP_SCRIPTS = '/usr/local/bin';
/**
 * Where it installs their data files (setup.py's data_files, a wheel's .data/data, under the prefix /usr/local):
 * Jupyter's kernels, extensions and configuration in share/jupyter and etc/jupyter, man pages. Every Debian and Ubuntu
 * image has both directories (base-files), so copying them cannot fail (review precision-2026-12-07p: a notebook image
 * lost ipywidgets' extension with only dist-packages and bin copied).
 */
export const DISTRO_PIP_DATA: readonly string[] = ['/usr/local/share', '/usr/local/etc'];

function key(release: Release | null): { distribution: 'debian' | 'ubuntu'; release: string } | null {
  if (!release || release.release === null || (release.distribution !== 'debian' && release.distribution !== 'ubuntu')) return null;
  return { distribution: release.distribution, release: release.release };
}

/** The distribution's Python X.Y for pip of major version `major` on `release`; null when the release does not ship it or is not known. */
function distroPython(release: Release | null, major: 2 | 3): string | null {
  const k = key(release);
  if (!k) return null;
  if (major === 2) return PYTHON2_PIP[k.distribution].includes(k.release) ? '2.7' : null;
  return PYTHON3[k.distribution][k.release] ?? null;
}

/** True when the release's Python is externally managed (PEP 668). */
export function externallyManaged(release: Release | null): boolean {
  const k = key(release);
  return k !== null && EXTERNALLY_MANAGED[k.distribution].includes(k.release);
}

/** Where pip run as root installs packages for the distribution's Python 2.7, the Python of python-pip on every release that has it. */
export const DISTRO_PYTHON2_DIST_PACKAGES = DISTRO_DIST_PACKAGES.replace('{python}', '2.7');

/** The directory pip installs packages into for the distribution's Python X.Y. */
function distroDistPackages(python: string): string {
  return DISTRO_DIST_PACKAGES.replace('{python}', python);
}

/**
 * What a pip install of major version `major` (a bare `pip` is python-pip's, 2) run as root writes on `release`:
 * its dist-packages and the scripts directory; nothing when the release or its Python is not known.
 */
export function distroPipWrites(release: Release | null, major: 2 | 3 | 'default' | null): string[] {
  if (major === null) return [];
  const python = distroPython(release, major === 'default' ? 2 : major);
  return python === null ? [] : [distroDistPackages(python), DISTRO_PIP_SCRIPTS];
}

/**
 * Alpine's own Python on the official alpine image: apk's pip (`py-pip`, `py2-pip`, `py3-pip`; on the releases whose
 * python3 bundled pip, the file installs python3 and runs pip3) installs as root into the system site-packages, beside
 * what apk installs there, and its scripts into /usr/bin, so the python-wheels preset builds wheels in the builder and
 * installs them with the same pip in the runtime stage, the same image without compilers. That pip comes without the
 * `wheel` package, which `pip wheel` needs for a package with no pyproject.toml (its own apk package, `py-wheel`,
 * `py3-wheel`), so the builder installs `wheel<0.38` first where `pip show wheel` finds none: wheel 0.37.1 is the last
 * release for Python 2.7 and still supports 3.5 and later, which every Alpine release's python3 is from 3.5 on.
 * https://pkgs.alpinelinux.org/packages?name=py3-pip  https://wheel.readthedocs.io/en/stable/news.html
 */
export const ALPINE_PIP = {
  /** The apk packages that give pip: the file installs one of them (or python3) for the preset to take it. */
  pipPackages: /^(py[23]?-pip|python3)$/,
  /** Python packages apk installs into the same site-packages (`py3-zmq`, `py-yaml`): `pip wheel` would build them again from sources. */
  pythonPackages: /^py[23]?-/,
  /** setuptools, which pip itself needs, is no package a requirement names. */
  setuptoolsPackages: /^py[23]?-setuptools$/,
  /** The apk packages that give the `wheel` package. */
  wheelPackages: ['py-wheel', 'py2-wheel', 'py3-wheel'],
  wheelRequirement: 'wheel<0.38',
} as const;
