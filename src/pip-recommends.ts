// apt's python-pip and python3-pip recommend build-essential and their Python's -dev package (DISTRO_SETUPTOOLS_PACKAGES
// in src/knowledge/distro-python.ts): a runtime stage that installs pip again as the original did, with its
// Recommends, brings the compiler back and saves nothing. The runtime half of such a RUN installs the other packages
// as written, then pip without Recommends and setuptools, whose pkg_resources the console scripts of packages
// installed from sources import. Shared by the python-distro preset and src/local-copy.ts.
import { installCommand } from './analyze/packages.js';
import { isCompilerPackage, lightPackages, usedAtRuntime } from './commands/index.js';
import type { RunAnalysis, RunCommand } from './analyze/run.js';
import { DISTRO_PIP_PACKAGES, DISTRO_SETUPTOOLS_PACKAGES, PIP_BUILD_TOOLS } from './knowledge/distro-python.js';
import { runtimePart } from './runtime-stage.js';

const PIP_PACKAGES: ReadonlySet<string> = new Set(Object.values(DISTRO_PIP_PACKAGES));

/** An apt install of python-pip or python3-pip with its Recommends. */
export function installsPipWithRecommends(c: RunCommand): boolean {
  return c.install?.manager === 'apt' && c.install.recommends && c.install.runtime.some((p) => PIP_PACKAGES.has(p));
}

/** True for python-pip and python3-pip. */
export function isDistroPip(pkg: string): boolean {
  return PIP_PACKAGES.has(pkg);
}

/** The runtime part of a RUN's commands `rest`, with pip installed without its Recommends (and setuptools beside it). */
export function runtimeWithoutPipRecommends(run: RunAnalysis, rest: readonly RunCommand[], workdir: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (!installsPipWithRecommends(c) || !c.install) continue;
    const majors = ([2, 3] as const).filter((m) => c.install!.runtime.includes(DISTRO_PIP_PACKAGES[m]));
    const own = majors.flatMap((m) => [DISTRO_PIP_PACKAGES[m], DISTRO_SETUPTOOLS_PACKAGES[m]]);
    const others = c.install.runtime.filter((p) => !own.includes(p));
    parts.push(runtimePart(run.script, [...rest.slice(from, i), { ...c, install: { ...c.install, runtime: others } }], workdir).text);
    parts.push(installCommand(c.install.tool, c.install.manager, own, false, c.install.sourceOptions));
    from = i + 1;
  }
  parts.push(runtimePart(run.script, rest.slice(from), workdir).text);
  return parts.filter(Boolean).join(' && ');
}

/**
 * A build package a language install may use while it builds from sources (a compiler, a -dev package, pkg-config,
 * swig: PIP_BUILD_TOOLS): a file that installs others (autoconf, bison, libtool) and builds nothing with them is a
 * development image, whose users build with them after it starts.
 */
export function servesInstallBuilds(pkg: string): boolean {
  return isCompilerPackage(pkg) || lightPackages.has(pkg) || usedAtRuntime.has(pkg) || pkg.endsWith('-dev') || PIP_BUILD_TOOLS.includes(pkg);
}
