// What says an image is a toolbox (a build environment, a CI image, a dev or ssh box) rather than an
// application: read by toolboxReason (src/runtime-contract.ts), besides the toolchain programs its command runs.

/**
 * LABEL keys or values that name a build environment, a CI image, a dev container, a toolchain or an SDK
 * (`LABEL purpose="build environment"`, `LABEL org.opencontainers.image.description="CI image for ..."`).
 */
export const TOOLBOX_LABEL = /\b(build[ _-]?(env|environment|image|box|tools?|container|agent|slave|worker|runner)|ci[ _-]?(image|env|environment|runner|agent|worker|tools?)|continuous integration|toolchain|sdk|dev(elopment)?[ _-]?(env|environment|box|container|image|tools?)|devcontainer|cross[ _-]?compil\w*)\b/i;

/**
 * Packages that make an image a box people log into or build in: an ssh server (a dev box), a remote IDE.
 * An image that installs one keeps its tools.
 */
export const TOOLBOX_PACKAGES: ReadonlySet<string> = new Set(['openssh-server', 'code-server', 'xrdp', 'tigervnc-standalone-server', 'x11vnc']);

/**
 * Build, document and deploy programs no command family classifies (the families' `toolbox` names the rest:
 * make, pytest, jest, git, ... in src/commands/): an image whose CMD or ENTRYPOINT runs one is a toolbox. `fab` is Fabric,
 * which runs the shell commands of deploy tasks mounted at run time.
 */
export const TOOLBOX_PROGRAMS: readonly string[] = [
  'latex',
  'pdflatex',
  'xelatex',
  'pandoc',
  'ansible',
  'ansible-playbook',
  'terraform',
  'packer',
  // Kivy's buildozer packages a mounted app for Android with the image's git, compilers and SDKs (review moved-2026-12-07o)
  'buildozer',
  'kubectl',
  'helm',
  'aws',
  'gcloud',
  'az',
  'docker',
  'fab',
  // pre-commit runs the hooks of a repository mounted at run time, installing each hook's environment then (gems,
  // npm packages, Python packages, compiled with the image's compilers): its tools are its purpose
  'pre-commit',
  // static site generators started on a site mounted at run time: their gems and compilers (native gems of the
  // site's Gemfile, installed when the container starts) are the image's purpose (review of 2026-12-06)
  'jekyll',
  // Go's developer tools, installed with `go get`: they read, vet, vendor or build Go code, most with the toolchain
  // (the vendoring tools govendor, dep, glide and godep are the go family's, src/commands/go.ts)
  'gox',
  'golint',
  'goimports',
  'gometalinter',
  'golangci-lint',
  'errcheck',
  'staticcheck',
  'gocyclo',
  'ineffassign',
  'misspell',
  'gin',
  'realize',
  'fresh',
  'air',
  'dlv',
  'gopls',
  'goreleaser',
  'gb',
];

/**
 * A project's own tool directories as a PATH entry names them (`/repo/node_modules/.bin`, `/app/vendor/bin`,
 * `/src/.venv/bin`; the project's directory is the first group): an image whose PATH names one of a project it
 * never copies in or installs runs the tools of code mounted there.
 */
export const PROJECT_TOOLS = /^(\/.+)\/(node_modules\/\.bin|vendor\/bin|\.venv\/bin)$/;

/** Programs that, started as the container's command, serve logins into the box (sshd). */
export const LOGIN_SERVERS: ReadonlySet<string> = new Set(['sshd', 'code-server', 'xrdp']);

/**
 * Environment variables that name code to fetch (a repository or an archive URL): an image whose start
 * command fetches what such a variable names runs code it does not hold, built with its tools.
 */
export const CODE_URL_ENV = /(^|_)(URL|REPO|REPOSITORY|GIT|SOURCE|SRC)$/;

/**
 * Packages that are compilers or headers beyond those the command families give (their `buildPackages`:
 * gcc, clang, build-essential, make, cmake, golang, rust, ... in src/commands/): an image that installs only
 * build packages, one of these or the families' among them, is a build environment.
 */
export const COMPILER_PACKAGES = /(-dev|-devel|-headers)$|^(llvm|ninja-build|autoconf|automake|libtool|gfortran|golang|openjdk-\d+-jdk|default-jdk)([-\d.]*)$/;

/**
 * Signs of a build environment in an image that copies nothing of its own in: a global install of a build
 * or scaffolding CLI (`npm install -g bower grunt-cli`, as the registry names the package), or a JDK installed
 * (a package of one, or its compiler registered by hand: the families' `buildEnvironment` programs, src/commands/).
 * Such an image is for building with those tools, which none of its split would keep.
 */
// (gatsby, hexo-cli, loopback-cli and create-react-app scaffold and serve sites and apps under development, nexe
// compiles node itself, elm-github-install clones with git: review fullnode-2026-12-07e found their images, whose
// global install was copied onto the slim tag, development boxes that need the full image's git and compilers)
export const BUILD_CLI_PACKAGES: ReadonlySet<string> = new Set([
  'grunt-cli',
  'grunt',
  'gulp-cli',
  'gulp',
  'bower',
  'yo',
  'brunch',
  'ember-cli',
  '@angular/cli',
  '@vue/cli',
  'jspm',
  'cordova',
  'ionic',
  'phonegap',
  'gatsby',
  'gatsby-cli',
  'hexo-cli',
  'loopback-cli',
  'create-react-app',
  'nexe',
  'elm',
  'elm-github-install',
]);
/**
 * Of {@link BUILD_CLI_PACKAGES}, the generators (package -> the program it installs): a RUN that runs one makes a
 * project in the image (`yo hubot` writes a Hubot bot), which is the image's own application when the container's
 * command does not run the generator itself.
 */
export const GENERATOR_CLIS: ReadonlyMap<string, string> = new Map([['yo', 'yo']]);
/** JDK packages (Debian and Ubuntu, RHEL, Alpine), which give javac. */
export const JDK_PACKAGES = /^(openjdk-\d+-jdk(-headless)?|default-jdk(-headless)?|java-[\d.]+-openjdk-devel|openjdk\d+(-jdk)?|oracle-java\d+-installer)$/;
