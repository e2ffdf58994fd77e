// Every reason dfsplit gives has an id and lives here, so tests assert ids and the English can change
// (eslint's `meta.messages`). `{name}` placeholders are filled from a finding's data. The ids are a type
// (MessageId), so a misspelt one does not compile.
import type { InputErrorId } from './errors.js';

export const MESSAGES = {
  // phases
  'from-base': 'the base image: the builder keeps it, the runtime stage gets its own',
  'arg': 'build argument: declared again in every stage that uses it',
  'env': 'environment for both the build and the running container',
  'workdir': 'working directory: the same in both stages',
  'user': 'user the container runs as: kept in the runtime stage',
  'shell': 'default shell: kept in both stages',
  'metadata': 'image metadata ({keyword}): belongs to the runtime image',
  'runtime-command': 'what the container runs ({keyword}): belongs to the runtime image',
  'onbuild': 'ONBUILD trigger: kept on the runtime image',
  'copy-context': 'files from the build context: copied into the runtime stage the same way',
  'copy-context-source': 'sources for the compiler: only the builder needs them',
  'copy-stage': 'copies from another image or stage: kept as it is',
  'add-url': 'download: happens in the builder; the file is copied to the runtime stage',
  'run-build': 'build step ({commands}): stays in the builder',
  'run-test': 'test step ({commands}): runs in the builder only, never reaches the runtime',
  'run-packages-build': 'installs build-only packages ({packages}): builder only',
  'run-packages-runtime': 'installs packages the program needs ({packages}): installed again in the runtime stage',
  'run-packages-mixed': 'installs build tools ({build}) and runtime packages ({runtime}): runtime packages are installed again in the runtime stage',
  'run-setup': 'sets up the system ({commands}): repeated in the runtime stage',
  'run-mixed': 'builds ({build}) and sets up the system ({setup}): the build stays in the builder, the setup is repeated in the runtime stage',
  'run-generate': 'runs a script ({commands}) that may generate files: stays in the builder, its working directory is copied to the runtime',
  'run-checkout': 'checks out sources ({commands}): build state, stays in the builder; the checkout is copied to the runtime stage as it is at the end of the build',
  'run-on-fetched': 'works only on what an earlier RUN checked out or downloaded, {path} ({commands}): build state, stays in the builder; {path} is copied to the runtime stage with this work done',
  'run-download': 'downloads {paths} ({commands}) and does nothing else with them: build state, stays in the builder; the files are copied to the runtime stage as they are at the end of the build',
  'run-lists': 'refreshes the package lists ({command}) that a later install repeated in the runtime stage needs: repeated there as written',
  'run-fetch': 'downloads ({commands}) and installs for the runtime without compiling: repeated as written in the runtime stage',
  'run-unknown': 'command not recognised ({commands}): repeated in the runtime stage to be safe',
  'run-preset': '{preset}: {detail}',
  'run-pip-recommends': 'installs pip with its Recommends, which bring build-essential and the Python -dev package back: the runtime stage installs it without them, and setuptools',
  'run-local-copy': 'installs with `{command}` into the system prefix in the builder, after the build tools: the runtime stage copies {path} instead of installing again without them',
  'run-global-copy': 'installs {packages} with npm into its global prefix in the builder (`{command}`): the runtime stage copies the packages and the links npm made for their programs instead of installing them again without the build tools',
  'pragma-ignored': '`# dfsplit-ignore` before it: kept in the builder as written, not repeated in the runtime stage',
  'pragma-ignore-file': '`# dfsplit-ignore-file`: the file asks to be left as it is',
  // findings
  'runtime-base-slim': 'runtime base {image}: the slim variant of {builder}',
  'runtime-base-same': 'runtime base {image}: the same image as the builder (no smaller variant known)',
  'runtime-base-user': 'runtime base {image}: chosen with --runtime-base',
  'runtime-base-preset': 'runtime base {image}: {why}',
  'builder-pinned': 'builder {from} pinned to {to}: {from} still moves to newer distribution releases, and the runtime stage must run on the release the program is built on ({release}), which only the pinned tag fixes (--no-pin-builder keeps {from})',
  'artifact-output': '{path}: written by `{command}`',
  'artifact-unpacked': '{path}: an entry of {dir} that the file names, unpacked there by `{command}` (the directory itself is a system directory, never copied whole)',
  'artifact-staged': "{path}: what the build's installs into system directories wrote, staged there by the builder with DESTDIR (the last: `{command}`), copied onto /",
  'artifact-root-packages': '{path}: where `{command}`, run in / (no WORKDIR), installs its packages',
  'artifact-workdir': '{path}: the working directory of build steps whose outputs dfsplit cannot name exactly',
  'artifact-deleted': '{path}: not copied, because the build deletes it again (the original image does not hold it)',
  'dev-runtime': '{dev} -> {runtime}: the runtime library the -dev package was compiled against',
  'dev-unknown-kept': '{dev}: no known runtime library for this -dev package, so it stays installed in the runtime stage',
  'tool-added': '{tool}: called by {keyword} but not in the runtime base, so {package} is installed',
  'verify-failed': 'built with --verify and compared with the original, the conversion differs: {detail}',
  'verify-unavailable': 'not verified, so not proposed: {detail}',
  // node preset
  'node-package-json-unread': 'package.json in the build context cannot be read as JSON, so the dependencies are unknown',
  'node-lockfile-mismatch': 'the build context has {lockfile} but the file installs with {tool}, with more than one package manager or with an install that needs its own lockfile (`npm ci`): dfsplit will not guess which one the project uses',
  'node-runtime-needs-dev': 'the container starts {program} ({via}), which comes from the devDependency {package}: a runtime stage with production dependencies only would not have it',
  'node-native-unknown': 'the npm package {package} runs an install script (a native addon) that dfsplit does not know: it may need system libraries that only the full node image has',
  'node-lockfile-other': "the build context has {lockfile}, another package manager's lockfile, and the file installs with {tool}: the builder runs the same install as the original, so it is treated as if the project had no lockfile",
  'node-native-unchecked': 'native addons were checked against the known table only ({lockfile} does not mark install scripts as package-lock.json v2 does)',
  'node-dev-kept': 'devDependencies are not pruned ({why}): the runtime stage keeps them ({count} devDependencies), as the original image does',
  'node-pruned': '`{command}` in the builder after the last install or build step: the runtime stage gets production dependencies only ({count} devDependencies left behind)',
  'node-native-libs': '{packages}: native addons that load {libs}, installed in the runtime stage',
  // dotnet preset
  'dotnet-image-unknown': 'no .NET runtime image of the same version is known for {image}',
  'dotnet-publish-missing': "the container starts {dll}, but no `dotnet publish` in the file makes a deployable directory of it (a `dotnet build` output may depend on the SDK's package cache)",
  'dotnet-output-unknown': '{dll} cannot be located in a published directory: {why}',
  'dotnet-alpine-globalization': '{image} runs with globalization on (ICU, tzdata), but the Alpine runtime images of .NET 6 and 7 run invariant without them: the app could format, sort or convert time zones differently',
  // cpp preset
  'cpp-release-unknown': 'the Debian release of {image} is not in its tag (gcc:<version>-bookworm names it; floating tags move between releases), so no slim runtime image of the same release can be chosen',
  'cpp-output-toolchain': "{path} holds the gcc image's own compiler (GCC is installed in /usr/local there): install the program elsewhere (PREFIX=/opt/app) or name its files",
  'cpp-runtime-libs': 'copied from the gcc image: {files}, then ldconfig (programs built there link its newer C++ runtime)',
  // java preset
  'java-jre-unknown': 'no JRE image of the same Java version is known for {image}: {why}',
  'java-jar-unknown': 'the jar `{jar}` the container starts cannot be located: {why}',
  'java-jar-classpath': 'the jar `{jar}` does not run alone: {why}; copying it without those files would break it',
  'java-war': 'the build makes a WAR ({why}), which runs on a servlet container: not converted',
  // rust preset
  'rust-release-unknown': 'the Debian release of {image} cannot be told from its tag, so no slim runtime image of the same release can be chosen',
  'rust-output-unknown': 'the binary cannot be named: {why}',
  'rust-sys-crate-unknown': 'the crate {crate} links a system library dfsplit does not know: the slim runtime image may lack it',
  'rust-libs-release': 'the runtime libraries ({libs}) are known by their Debian 12 names, and {image} is another release',
  'rust-crates-unchecked': 'no Cargo.lock in the build context: -sys crates were looked for in Cargo.toml only',
  'rust-runtime-libs': 'installed in the runtime stage: {libs} (CA certificates the full rust image has, and the libraries of -sys crates)',
  // haskell preset
  'haskell-release-unknown': 'the Debian release of {image} cannot be told from its tag or the tag table, so no slim runtime image of the same release can be chosen',
  'haskell-symlink-install': '`{command}` puts symbolic links to executables in the store (~/.cabal/store) into {dir}, not the executables: a copy would bring only the links (add --install-method=copy)',
  'haskell-output-unknown': 'where the executables are installed cannot be told: {why}',
  'haskell-data-files': 'the package {package} declares data-files, which its executables find by the absolute path of the build: dfsplit does not copy them yet',
  'haskell-runtime-libs': 'installed in the runtime stage: {libs} (GMP, libffi and libnuma, which GHC-built programs link, and the networking files and CA certificates the haskell image has)',
  // php preset
  'php-extensions-copied': 'PHP extensions compiled in the builder ({commands}): the runtime stage copies {dir} and {confd} from it, with the runtime libraries of their -dev packages',
  'php-extension-dir-unknown': 'the extension directory of {image} cannot be named ({why}): compiled PHP extensions cannot be copied',
  'php-composer-no-dev': '`{command}` in the builder after the last Composer or PHP step: the runtime stage gets the project without its require-dev packages ({count})',
  'php-composer-unread': 'composer.json is not in the build context: require-dev packages, if the project has any, stay in the runtime stage',
  'php-runtime-needs-dev': 'the container runs {program} ({via}), which needs the require-dev package {package}: the runtime stage holds production packages only',
  // ruby preset
  'ruby-lockfile-unread': '`bundle install` runs, but Gemfile.lock cannot be read in the build context: which gems it installs, and which libraries their native extensions load that the runtime image lacks, is proven only by a build',
  'ruby-native-unknown': 'the gem {gem} {why}: it may need system libraries that only the full ruby image has',
  'ruby-native-libs': '{libs}: installed in the runtime stage for the gems {gems}',
  'ruby-libs-release': 'the runtime packages ({libs}) are known by their Debian 12 names, and {image} is built on another release',
  'ruby-alpine-libs': 'the gems {gems} need {libs}, which no install the runtime stage repeats gives: whether {image} ({release}) had them in the builder through a build package left behind (build-base brings file) is proven only by a build',
  'ruby-native-unchecked': 'Gemfile.lock does not mark native extensions: gems were checked against the known table and their dependencies (pkg-config, ffi, mini_portile2)',
  // php and ruby presets
  'language-install-mixed': '`{command}` would run again in the runtime stage, which lacks what it needs, because its RUN also holds commands the runtime needs ({commands}): dfsplit does not split that RUN',
  'go-runtime-files': '{paths}: the Go sources name them ({files}) and read them at run time, so they are copied from the builder',
  'java-context-kept': 'the build context stays in the runtime stage next to the jar: a Java program may read files from its working directory without naming them (Spring Boot reads ./application.properties and ./config/), and no scan shows it reads none',
  'go-sources-kept': 'the sources stay in the runtime stage: {why}',
  'compiled-package-libs': '{name} has compiled parts that load {libs}: installed in the runtime stage',
  'image-files-copied': '{path}: the {what} {builder} carries, copied from the builder because {image} may lack them (programs read them without naming them)',
  'artifact-copied-once': '{path}: copied once; the builder makes it again here, and the runtime stage already copied its final state',
  'removed-input-dropped': '`{copy}`: not repeated in the runtime stage; the builder deletes {path} again (`{command}`), so the original image does not hold what it copies',
  'context-rest-copied': '`{copy}`: copied from the builder as the build left {path} instead; the builder deletes {removed} from it (`{command}`), so the original image holds only the rest, with what the build wrote there',
  'removed-write-dropped': '`{command}`: not repeated in the runtime stage; it only downloads, unpacks or edits files in {path}, which the builder deletes again (`{by}`), so the original image does not hold what it writes',
  'scratch-input-dropped': '`{copy}`: not repeated in the runtime stage; it only brings the inputs of a package install run in {dir}, whose packages the build carried elsewhere',
  'context-copy-dropped': '`{copy}`: not repeated in the runtime stage; what it copies is already in {path}, which the stage copies from the builder as the build left it',
  'pip-outside-venv': 'this pip install does not run in the virtual environment {path} (not its own pip, no activation earlier in the same RUN, its bin not on PATH: an activation lasts only for the RUN that sources it), so what it installs is not in the environment the runtime stage would copy',
  'replay-copied-dropped':
    '`{command}`: not repeated in the runtime stage; the COPY --from of {copy} before it already brings what it did, as the build left it (a directory it makes, with what the build wrote in it: a plain mkdir of it would fail; the modes it sets, which COPY keeps; root as owner, which every COPY gives)',
  'replay-inside-copy': '`{command}`: not repeated in the runtime stage; all it writes lies in what the stage copies from the builder as the build left it ({copies}) or in /tmp, which no later step names',
  'replay-idle-dropped': '`{command}`: not repeated in the runtime stage; it makes {path}, which only the build wrote into (`{tool}`) and nothing in the runtime stage names',
  'build-env-dropped': 'ENV {name}={value}: left in the builder; only build tools ({readers}) read it, and the runtime stage has none of them',
  'env-runtime-own': "ENV {name} keeps {image}'s own value, {to}, not {builder}'s {from}: it names where the image installed its runtime, and the program runs on that one",
  'config-restored': '{field} {value}: inherited from {builder}, written again because {image} does not set it',
  'cgo-disabled': 'CGO_ENABLED=0 set on `go build`: no .go file imports "C", so the binary is static',
  'exec-form': '{keyword} rewritten to exec form: the runtime base has no /bin/sh and the command needs no shell',
  'no-context': "no build context was read: decisions that need sources are conservative, and what the application's own code and start scripts run (programs and libraries a full base image has and a slim one lacks) could not be checked; run dfsplit where the build context is (or pass --context DIR) to have them read",
  'tests-gate': 'a test gate: the runtime stage is {image} without the test tools and test runs, and copies the marker the builder writes when the tests pass, so BuildKit still runs them',
  'tests-marker': '{path}: written by the builder after its tests pass; copied so that the runtime stage depends on the tests',
  'pip-wheel-package-added': 'the pip of {image} may have no `wheel` package (its Python 3.4-era or jessie-era builds, or 2.7 before pip 7.0), which `pip wheel` needs: the builder installs `{requirement}` first where `pip show wheel` finds none',
  'pip-wheels': 'pip packages are built as wheels in the builder and installed from /wheels in the runtime stage, without compilers',
  'pip-user': 'pip --user packages are copied from {from} in the builder',
  'venv-copy': 'the virtual environment {path} is copied to the same path on the same Python',
  'site-packages-copy': "the packages installed into the image's own {path} are copied from the builder, with the scripts in {scripts}, onto the slim variant's same Python",
  'distro-pip-copy': "pip run as root with the distribution's Python installs into {path} and its scripts into {scripts}: both are copied from the builder onto {image} itself, which installs that Python again without the compilers and -dev packages",
  'python-env-not-located': '`{command}` installs into an environment whose path the Dockerfile does not state: {why}',
  'venv-run-runtime-command': 'this RUN fills the virtual environment, which the runtime stage copies instead of running the RUN, and also runs `{command}`, whose effect the runtime stage would lack: put it in a RUN of its own',
  'venv-run-runtime-packages': 'this RUN fills the virtual environment, which the runtime stage copies instead of running it, and also installs packages the program needs ({packages}): put them in a RUN of their own',
  'python-env-system': "`{command}` installs into the system's site-packages, not into the virtual environment {path} the runtime stage would copy",
  // proof (src/proof.ts): what only building both images can prove
  'unproven-image': "{image} is not in dfsplit's image table: no tool path, home directory, user or release is assumed about it",
  'unproven-release-era': 'the runtime stage installs {runtime} for {dev}, the names of {release}, which {image} was last built on; the tag was built on {earlier} before, which names them otherwise: a file written then gets packages its release lacks, and only a build on the image it gets proves the names',
  'unproven-release-packages': 'the runtime stage installs {runtime} for {dev}, the names of {release}, which {image} is built on now: its tag still moves to newer releases, where the names may differ',
  'unproven-release': "a binary compiled on {from}, whose tag does not fix its distribution release, moves to {to}: a binary linked against glibc or musl runs only on its own release's C library or a newer one",
  'unproven-nsswitch': "{builder} may or may not carry /etc/nsswitch.conf, which {image} lacks: without it Go's own resolver asks DNS before /etc/hosts, so whether the program resolves names as in the original is proven only by a build",
  'unproven-haskell-package': '{what}: whether the executables need data files or system libraries the slim image lacks is proven only by a build',
  'unproven-java-classes': 'javac writes a class file for every class of a source, nested and anonymous ones too, and the runtime stage copies only {files} from {dir}, a system directory it does not copy whole: whether the program needs more classes is proven only by a build',
  'unproven-go-get': '`{command}` installs a binary only when the package is a main package, and nothing when it is a library: which one it is is proven only by a build',
  'unproven-start-install': "{keyword} runs `{command}` when the container starts, on {image}: a package it installs then that compiles finds none of the builder's compilers there, which only running it shows",
  'unproven-unpack-entries': '`{command}` unpacks into {dir}, and only {paths} of it is copied, the entries the file names: whatever else the archive holds is known only from a build',
  'unproven-dropped-write': '`{command}` writes {path} in the builder, which the runtime stage neither copies nor writes again: whether the program needs it is proven only by a build',
  'unproven-zoneinfo': '`{command}` reads the time zone database again in the runtime stage, on {image}, which may lack the tzdata the builder had (and nothing the stage does before installs it): proven only by a build',
  'unproven-https-certificates': '`{command}` downloads over HTTPS again in the runtime stage, on {image}, which may lack the CA certificates the builder had (and nothing the stage does before installs them): proven only by a build',
  'unproven-root-packages': '{path} is copied as where `{command}`, run in /, installs its packages, but {why}: proven only by a build',
  'unproven-download': '{path} is downloaded (`{command}`), not built, and moves from {from} to {to}: what it needs at run time (libraries, packages, programs the full image had) is known only from a build',
  'unproven-full-image-libs': '`{command}` compiles on {from}, whose -dev packages (buildpack-deps) a configure step may find and link, and the program moves to {to}, which lacks their libraries: what it links is known only from a build',
  'unproven-fetched-program': '`{command}` builds a program from sources it fetches, which no build context shows, and the program moves from {from} to {to}, which lacks what the builder had ({tools}, ...): whether it runs any of them is known only from a build',
  'unproven-newest-go':
    '`{command}` is built with the newest Go, that of {to}, the builder pinned from {from}, whose tag names no Go version; that Go builds only in module mode, from a go.mod ({why}), and the file may be written for the GOPATH-era Go its tag named then: whether it builds is known only from the build context or a build',
  'unproven-source-builds': "{image} was last built with a pip that predates manylinux wheels (pip 8.1, 2016): every compiled package its installs pull in, named or not, is built from source against the full image's libraries, which the slim variant lacks: known only from a build",
  'unproven-start-script': 'the container starts the shell script {path}, which dfsplit cannot read ({why}), and moves from {from} to {to}, which lacks programs the builder had ({tools}, ...): what the script runs is known only from the build context or a build',
  'unproven-output': "{path} is copied because the build's outputs cannot be named: what it installs elsewhere would be missing",
  'unproven-installer': '`{command}` is a vendor installer run again in the runtime stage: where it installs and what it needs are not known',
  'unproven-replay': '`{command}` runs again in the runtime stage on the same image: only a build shows that it does there what it did in the original',
  'unproven-slim-man-pages': "the runtime stage installs {package} on {image}, a Debian slim image without /usr/share/man/man1, where the package's install script fails (Debian bug #863199) unless the directory is made first: proven only by a build",
  'unproven-added-install': 'the runtime stage installs {packages}, which dfsplit adds, on {image}, whose release is not known or whose package archive the Debian mirrors no longer serve: its package names, whether it already has them and whether apt can reach them are known only from a build',
  'unproven-headless-fonts': 'a Java program moves from {from} to {to}, a headless image without the fontconfig and FreeType that the full image has and that AWT loads to render fonts even without a display',
  'unproven-replay-order': '`{command}` runs again in the runtime stage before the copy from the builder that brings the file it moves or copies',
  'unproven-collision':
    '`{command}` runs again in the runtime stage, where a path it makes may already be copied from the builder (a directory made again without -p, a link made without -f, packages installed into a directory the stage also copies), or a directory it enters or links into may exist only in the builder',
  'unproven-tool-venvs': '`{command}` names its environment with a hash of the project path, so the runtime stage copies {path}, the directory holding it: COPY makes the parents of that directory owned by root, where the build made them as its user; whether the program runs so is proven only by a build',
  'unproven-setup-install': '`{command}` builds packages from sources dfsplit does not read into {path}, which the runtime stage copies: whether their compiled parts load libraries {image} lacks, and whether they install files elsewhere, is proven only by a build',
  'unproven-refetch': '`{command}` installs Python packages from the network again on {image}, which lacks the compilers and -dev libraries of the builder: what it builds there is proven only by a build',
  'unproven-extras': '{name}[{extras}] installs optional dependencies the table does not know: what they compiled against on {image} and load on the slim runtime is proven only by a build',
  'unproven-tool-python': 'the virtual environment {path} may get a Python other than the one the slim variant has: {why}; proven only by a build',
  'unproven-distro-pip': '`{command}` installs into {path}, which the runtime stage copies, but {why}: proven only by a build',
  'unproven-distro-venv': "the virtual environment {path} is made by {by}: its python is the distribution's (/usr/bin), not the image's, and the slim variant has none; proven only by a build",
  'unproven-linked-libs': '{name} links whatever optional libraries its build finds on {image}: which of them the slim runtime lacks is proven only by a build',
  'unproven-same-base-split': "the runtime stage keeps {image}, the builder's own image: where the build installed its program and what the packages left behind gave it at run time is proven only by a build",
  'unproven-same-base': 'the {preset} preset keeps {image} for the runtime stage: on the same image, what its repeated installs and extension builds need from the packages it leaves behind is proven only by a build',
  'unproven-gem-install': '`{command}` installs gems that no Gemfile.lock lists: whether their native extensions load libraries that {image} lacks is proven only by a build',
  'unproven-staged-install':
    '`{command}` installs into {path} (system directories are never copied whole): the builder runs it once more right before, with DESTDIR={destdir}, and the runtime stage copies what it wrote there; that the install honours DESTDIR and that no later builder step changes what it installed is proven only by a build',
  'unproven-requirements-unread': 'pip installs from {file}, which dfsplit could not read in the build context: whether a compiled package in it loads a library that only the full image has is proven only by a build',
  'unproven-local-copy':
    '`{command}` ran after the build tools were installed: the runtime stage copies {path} from the builder instead of installing again without them; whether what it compiled there finds every library it loads on the runtime image, and whether the copy brings nothing else the runtime stage should not hold, is proven only by a build',
  'unproven-global-copy': '`{command}` ran after the build tools were installed: the runtime stage copies what it installed ({packages}) from the builder instead of installing again without them; whether native addons compiled there find every library they load on {image} is proven only by a build',
  'unproven-install-prefix': '`{command}` installs {why}: what it writes outside the copied prefix is known only from a build',
  'unproven-runtime-compiler': '{program} compiles code with the C compiler when it runs: whether the runtime stage may leave the compiler behind is proven only by a build',
  'unproven-package-release': 'the file installs {package}, a package of another release than {release}, which {image} is now: it was written for an earlier release of its base image, and the runtime packages dfsplit names for {release} may not install beside it',
  'runtime-package-unknown': 'the runtime package of {dev} is not known for {release} ({image}): its name changes between releases, and dfsplit does not guess it',
  // declines
  'needs-verify': 'proven only by a build: {unproven}. To prove it, build and compare both images: `dfsplit --verify --write {file}`',
  'multi-stage': 'already multi-stage',
  'nothing-to-split': 'nothing to split: no build step',
  'pip-install-option': '`pip install --install-option`: pip wheel has no such option, and pip installs no wheel with it, so the packages cannot move as wheels',
  'tests-requirements-unread': 'the tests install from {file}, which dfsplit could not read in the build context: the container starts {command}, which it may bring, and the runtime stage leaves the test installs out',
  'wheel-compiler-removed': 'the RUN that runs pip install removes the compiler again ({package}) after it: a `pip wheel` after that RUN would find no compiler',
  'no-artifact': 'nothing to copy: the runtime stage would copy no artifact from the builder, so a builder stage would be skipped by BuildKit (with its tests) and gain nothing',
  'toolbox-image': 'the image has no application of its own ({why}): its tools are its purpose, so none can be left behind',
  'replay-needs-builder-state': '`{command}` would run again in the runtime stage, but it needs {thing}',
  'replay-collides': '`{command}` would run again in the runtime stage after the COPY --from of {copy}, which already brings {path} from the builder: it would fail (File exists)',
  'copy-missing': 'the runtime stage would copy {path} from the builder, but {why}',
  'command-missing': '{keyword} runs {command}, but the runtime stage would not have it: {why}',
  'runtime-config-differs': 'the runtime base {image} would change the inherited {field} ({from} -> {to}) and dfsplit cannot restore it',
  'runtime-config-unknown': "the configuration (ENV, WORKDIR, USER, ENTRYPOINT) of {images} is not in dfsplit's image table, so what the runtime base {image} would change in what the original inherited cannot be told",
  'build-deps-removed-in-layer': 'nothing to leave behind: the original already removes its build-only packages in the RUN that installs them, and the runtime would use the same image ({image})',
  'nothing-to-leave-behind': 'nothing to leave behind: the runtime would use the same image ({image}) with the same packages',
  'output-not-located': 'a build output cannot be located: {why}',
  'runtime-uses-toolchain': 'the container runs the toolchain at runtime ({command}): it cannot leave the builder',
  'runtime-keeps-removed': 'the original deletes {path} after {how} {dest}, with a command that stays in the builder: the runtime stage would repeat the {step} without the deletion and keep it',
  'copies-system-dir': "the runtime stage would copy {path} whole from the builder ({why}): a system directory brings the builder's compilers, package database and home directories, with any credentials in them, over the runtime base's own",
  'runtime-copies-secret': 'the runtime stage would hold {path}, which looks like a credential ({pattern}): the original deletes it with a command that stays in the builder, and the runtime stage would repeat {what} without the deletion',
  'command-rewritten': '{keyword} `{from}` becomes `{to}` in the runtime stage: {why}',
  'command-rewrite-refused': '`{command}` builds the program when the container starts, and dfsplit cannot start the built program instead: {why}',
  'headless-runtime': '{image} is a headless Java image (no AWT X11 libraries), and the file installs {packages} for a graphical program: it would not run the same',
  'cgo-on-scratch': 'the program uses cgo, so it needs a C library: it cannot run on {image}',
  'runtime-tag-unpublished': "the runtime base {image} ({builder}'s {how}) is not a tag the official image has ever published (the tag table, generated from the image's library file at {date}): the conversion would not build, so it is declined; pass --runtime-base with a published tag to convert it",
  'libc-mismatch': '{from} builds against {fromLibc} but the runtime {to} uses {toLibc}: compiled packages would not load',
  'runtime-package-release-differs': '{dev} was compiled on {from} and the runtime base {image} is {to}: the runtime package there ({runtime}) is not the library the program was linked against',
  'trailing-continuation': 'the file ends inside a line continuation: a stage written after it would be swallowed by the last instruction',
  'system-compile': "`{command}` compiles into the interpreter's system directories: there is no artifact dfsplit can copy out safely",
  'replay-needs-build-tools': '`{command}` must run again in the runtime stage, but it may need {tool}, which only the builder has',
  'windows-image': 'Windows images are not supported',
  'complex-run': 'a RUN mixes build commands with a runtime command ({command}) inside a pipe, control flow, a subshell or a heredoc: it cannot be split safely',
  // the check (src/check.ts): a backstop behind the plan, each invariant with its own id
  'check-output-unparsable': 'the converted file failed a check: it does not parse again ({error})',
  'check-stage-count': 'the converted file failed a check: it has {count} stages, expected {expected}',
  'check-user-differs': 'the converted file failed a check: USER differs: {from} in the original, {to} in the runtime stage',
  'check-rewrite-differs': "the converted file failed a check: {keyword} differs from the preset's rewrite: {expected} vs {actual}",
  'check-command-differs': 'the converted file failed a check: {keyword} differs: {from} vs {to}',
  'check-workdir-differs': 'the converted file failed a check: WORKDIR differs: {from} vs {to}',
  'check-setting-differs': 'the converted file failed a check: {keyword} differs: {from} vs {to}',
  'check-env-differs': 'the converted file failed a check: ENV differs: {vars}',
  'check-copy-from-unknown': 'the converted file failed a check: COPY --from={from} names no earlier stage',
  'check-copy-not-made': 'the converted file failed a check: COPY --from={from} {path}: the builder does not make it',
  'check-arg-undeclared': 'the converted file failed a check: global ARG {name} is used in stage {stage} without being declared there',
  'check-run-unparsable': 'the converted file failed a check: a RUN it writes does not parse as a shell script ({error})',
  'check-shell-form': 'the converted file failed a check: shell-form {keyword} on {image}, which has no /bin/sh',
  'check-package-manager-differs': 'the converted file failed a check: `{tool}` runs in the runtime stage on {image}, whose package manager is {manager}',
  'editable-install': "pip install -e cannot be turned into wheels: the runtime would point at the builder's source tree",
  'unknown-preset': 'unknown preset {name}',
  'preset-not-applicable': 'preset {name} does not apply: {why}',
  'shell-needed': '{keyword}: this needs /bin/sh, and the runtime base {image} has none',
  // errors: the file cannot be read as a Dockerfile that builds
  'cr-line-ends': 'line ends are CR only (classic Mac); save with LF or CRLF',
  'expansion-too-large': "its variables expand to more than {limit} characters in all by this line (16 KiB plus four times the file's size; `ENV B=$A$A` doubles a value): dfsplit reads no further",
  'shell-unterminated-quote': 'the RUN ends inside a {quote} quote that is never closed: /bin/sh refuses the script, so the file does not build as written',
} as const;

export type MessageId = keyof typeof MESSAGES;

/** Every id a result's reasons can carry: a message id, or an input error's (src/errors.ts). */
export type ReasonId = MessageId | InputErrorId;

/** A decision or a refusal, with an id tests can assert and data for the English sentence. */
export interface Finding {
  id: MessageId;
  data?: Record<string, string>;
  /** 1-based line in the original, when the finding is about one instruction. */
  line?: number;
}

// each template split once at its placeholders: literal text at even indices, data keys at odd ones
// (a regex replace per sentence was a visible part of convert()'s time: every instruction gets one)
const PARTS = new Map<string, readonly string[]>();

/** The English sentence for a finding. */
export function describe(finding: Finding): string {
  let parts = PARTS.get(finding.id);
  if (!parts) {
    parts = (MESSAGES[finding.id] as string).split(/\{(\w+)\}/);
    PARTS.set(finding.id, parts);
  }
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) out += (finding.data?.[parts[k]!] ?? `{${parts[k]}}`) + parts[k + 1]!;
  return out;
}
