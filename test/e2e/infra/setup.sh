#!/usr/bin/env bash
# Prepare everything the real-Docker e2e suite needs, offline except for Debian's apt mirror:
#   1. docker.io (+ debootstrap, dpkg-dev, binutils) installed, and the suite's OWN dockerd running (no
#      bridge, no iptables): data in .e2e-cache/docker, socket /run/dfsplit-e2e-<hash>/docker.sock. The
#      engine on the default socket is never used, so no one's images are retagged or deleted.
#   2. a loopback Debian mirror   .e2e-cache/apt   -> http://127.0.0.1:$E2E_APT_PORT/
#   3. a loopback PEP 503 index   .e2e-cache/pypi  -> http://127.0.0.1:$E2E_PYPI_PORT/simple/
#      a loopback npm registry    .e2e-cache/npm   -> http://127.0.0.1:$E2E_NPM_PORT/ (test/e2e/npmpkgs)
#      loopback git repositories  .e2e-cache/git   -> git://127.0.0.1:$E2E_GIT_PORT/ (examples/*/git)
#      (the ports picked free once and kept in .e2e-cache/ports)
#   4. stand-in base images tagged like Docker Hub's (see test/e2e/infra/README.md), in that daemon
# Idempotent: every step is skipped when its inputs did not change. What later steps need (DOCKER_HOST,
# the ports) is written to .e2e-cache/e2e.env, which run.sh and vitest.e2e.config.ts read.
# Stop the daemon and the servers: bash test/e2e/infra/stop.sh
set -euo pipefail
{ # the whole script is read before it runs, so editing it during a run is harmless

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
INFRA=$ROOT/test/e2e/infra
IMAGES=$INFRA/images
CACHE=${E2E_CACHE:-$ROOT/.e2e-cache}
LOGS=$CACHE/logs
ROOTFS=$CACHE/rootfs/minbase
APT_DIR=$CACHE/apt
PYPI_DIR=$CACHE/pypi
NPM_DIR=$CACHE/npm
GIT_DIR=$CACHE/git
SUITE=bookworm
# quiet, sha, listening, host_archive_url
source "$INFRA/common.sh"
# the suite's private dockerd (e2e-daemon.sh: RUN_DIR, SOCK, DOCKER_DATA, ...); DOCKER_HOST points every
# docker command below, and everything run.sh starts after this script, at it
source "$INFRA/e2e-daemon.sh"
export DOCKER_HOST=unix://$SOCK
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
# the Debian archive this host's apt already uses (never a host named in code)
DEBIAN_URL=${E2E_DEBIAN_URL:-$(host_archive_url "$SUITE")}
[ -n "$DEBIAN_URL" ] || { echo "[e2e-setup] ERROR: no $SUITE source in /etc/apt; set E2E_DEBIAN_URL" >&2; exit 1; }
# the stand-ins are single-stage: the legacy builder builds them the same, with whichever `docker` is on PATH
# (a newer client refuses BuildKit without buildx). The tests build under BuildKit (test/e2e/lib.ts).
export DOCKER_BUILDKIT=0
export DEBIAN_FRONTEND=noninteractive
HOST_PY=/usr/bin/python3
[ -x "$HOST_PY" ] || HOST_PY=python3

T0=$(date +%s)
mkdir -p "$LOGS" "$APT_DIR" "$PYPI_DIR" "$NPM_DIR" "$GIT_DIR"
# one setup at a time (two test runs starting together would race on builds and servers)
exec 9>"$CACHE/.setup.lock"
flock 9
log() { printf '[e2e-setup %4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
die() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. tools + dockerd
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v docker >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v dpkg-scanpackages >/dev/null 2>&1 || need+=(dpkg-dev)
command -v readelf >/dev/null 2>&1 || need+=(binutils)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  quiet "$LOGS/host-apt.log" bash -c "apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=600 ${need[*]}"
fi

# Its own socket, pidfile, data-root, exec-root (where its containerd keeps socket and state), empty
# daemon.json and cgroup parent: nothing is shared with the engine on the default socket, which this
# script never starts, stops or talks to. Left running between runs (stop.sh stops it).
if ! docker info >/dev/null 2>&1; then
  log "starting the suite's dockerd ($SOCK, data in ${DOCKER_DATA#"$ROOT"/})"
  mkdir -p "$RUN_DIR/exec" "$DOCKER_DATA"
  [ -f "$CACHE/daemon.json" ] || echo '{}' >"$CACHE/daemon.json"
  # 9>&-: the daemon must not inherit (and hold forever) the setup lock
  setsid nohup dockerd --config-file "$CACHE/daemon.json" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
    -H "unix://$SOCK" --data-root "$DOCKER_DATA" --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/docker.pid" \
    --cgroup-parent "/$(basename "$RUN_DIR")" \
    >>"$LOGS/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 90); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 "$LOGS/dockerd.log" >&2; die "dockerd did not come up on $SOCK (log: $LOGS/dockerd.log)"; }
fi
# whatever answers there must be ours: a daemon on another data-root would get our images
[ "$(docker info -f '{{.DockerRootDir}}')" = "$DOCKER_DATA" ] ||
  die "the dockerd on $SOCK keeps its data in $(docker info -f '{{.DockerRootDir}}'), not $DOCKER_DATA (stop it: bash $INFRA/stop.sh)"
log "docker $(docker version -f '{{.Server.Version}}') ready on $SOCK (pid $(cat "$RUN_DIR/docker.pid"))"

# ---------------------------------------------------------------- 2. apt mirror
if [ ! -f "$CACHE/rootfs/minbase.done" ]; then
  log "debootstrap --variant=minbase $SUITE (once)"
  rm -rf "$ROOTFS"; mkdir -p "$ROOTFS"
  quiet "$LOGS/debootstrap.log" debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$DEBIAN_URL"
  date -u +%Y%m%dT%H%M%SZ >"$CACHE/rootfs/minbase.done"
fi

# packages from apt-packages.txt, plus what the distroless stand-ins are made of
PKGS=$( (sed -e 's/#.*//' "$INFRA/apt-packages.txt"; echo libc6 libssl3 tzdata ca-certificates) | tr -s ' \t' '\n' | grep -v '^$' | sort -u | tr '\n' ' ')
PKGS_HASH=$(echo "$PKGS $(cat "$CACHE/rootfs/minbase.done")" | sha)
if stale "$APT_DIR/.pkgs-hash" "$PKGS_HASH" || [ ! -s "$APT_DIR/Packages.gz" ]; then
  log "downloading .debs for: $PKGS"
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf" 2>/dev/null || true
  quiet "$LOGS/mirror-download.log" chroot "$ROOTFS" bash -c \
    "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --download-only --reinstall $PKGS"
  find "$ROOTFS/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n -t "$APT_DIR" {} +
  (cd "$APT_DIR" && dpkg-scanpackages -m . 2>"$LOGS/dpkg-scanpackages.log" >Packages && gzip -9nc Packages >Packages.gz)
  echo "$PKGS_HASH" >"$APT_DIR/.pkgs-hash"
  log "mirror: $(ls "$APT_DIR"/*.deb | wc -l) .debs, $(du -sm "$APT_DIR" | cut -f1) MB"
else
  log "mirror up to date ($(ls "$APT_DIR"/*.deb | wc -l) .debs)"
fi

# PHP's source for the wordpress stand-in's docker-php-source (the official php images keep theirs as
# /usr/src/php.tar.xz): the upstream tarball of Debian's php8.2 source package, at the version of the mirrored
# php8.2-dev .deb (so it matches the PHP binary and headers), fetched and checked by apt-get source from the
# same archive (a deb-src entry in lists of its own, the chroot's apt state untouched), served as src/php.tar.xz
PHP_SRC_VER=$(dpkg-deb -f "$(ls "$APT_DIR"/php8.2-dev_*.deb | sort -V | tail -1)" Version)
if stale "$APT_DIR/src/.version" "$PHP_SRC_VER" || [ ! -s "$APT_DIR/src/php.tar.xz" ]; then
  log "php8.2 source $PHP_SRC_VER"
  quiet "$LOGS/mirror-php-source.log" chroot "$ROOTFS" bash -c "set -e; rm -rf /tmp/php-src; mkdir -p /tmp/php-src/lists/partial /tmp/php-src/dl
    echo 'deb-src $DEBIAN_URL $SUITE main' >/tmp/php-src/sources.list
    o='-o Dir::Etc::SourceList=/tmp/php-src/sources.list -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists=/tmp/php-src/lists'
    apt-get \$o update -q && cd /tmp/php-src/dl && apt-get \$o source --download-only -q 'php8.2=$PHP_SRC_VER'"
  mkdir -p "$APT_DIR/src"
  cp "$ROOTFS"/tmp/php-src/dl/php8.2_*.orig.tar.xz "$APT_DIR/src/php.tar.xz"
  echo "$PHP_SRC_VER" >"$APT_DIR/src/.version"
  rm -rf "$ROOTFS/tmp/php-src"
fi

# The loopback servers' ports: picked free once, then kept (they are written into the stand-ins'
# sources.list and pip.conf, so a new apt or pypi port rebuilds every stand-in; the npm and git ports only
# the node stand-ins, whose npmrc and gitconfig name them). A recorded port is kept while it is free or
# served by our own server; taken by anything else, a new one is picked.
server_pid() { ss -ltnpH "sport = :$1" | { grep -o 'pid=[0-9]*' || true; } | head -1 | cut -d= -f2; }
serves_dir() { # port dir: the process listening on port is `http.server port ... --directory dir`
  local pid
  pid=$(server_pid "$1")
  [ -n "$pid" ] && [ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" = "$HOST_PY -m http.server $1 --bind 127.0.0.1 --directory $2 " ]
}
GIT_DAEMON=$(git --exec-path)/git-daemon
git_daemon_args() { # port: the git daemon's arguments (also how serves_git recognizes it)
  echo "--reuseaddr --export-all --informative-errors --listen=127.0.0.1 --port=$1 --base-path=$GIT_DIR $GIT_DIR"
}
serves_git() { # port: the process listening on port is our git daemon for $GIT_DIR
  local pid
  pid=$(server_pid "$1")
  [ -n "$pid" ] && [ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" = "$GIT_DAEMON $(git_daemon_args "$1") " ]
}
free_port() { # exclude...: a port free on 127.0.0.1, below the ephemeral range (outgoing connections use that)
  "$HOST_PY" - "$@" <<'PY'
import random, socket, sys
lo = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(500):
    p = random.randint(20000, max(20001, lo - 1))
    if str(p) in sys.argv[1:]:
        continue
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p))
        except OSError:
            continue
    print(p)
    break
else:
    sys.exit("no free port")
PY
}
APT_PORT= PYPI_PORT= NPM_PORT= GIT_PORT=
# shellcheck disable=SC1091
[ ! -f "$CACHE/ports" ] || source "$CACHE/ports"
if [ -z "$APT_PORT" ] || { listening "$APT_PORT" && ! serves_dir "$APT_PORT" "$APT_DIR"; }; then
  APT_PORT=$(free_port "$PYPI_PORT" "$NPM_PORT" "$GIT_PORT"); log "apt mirror port: $APT_PORT (new)"
fi
if [ -z "$PYPI_PORT" ] || [ "$PYPI_PORT" = "$APT_PORT" ] || { listening "$PYPI_PORT" && ! serves_dir "$PYPI_PORT" "$PYPI_DIR"; }; then
  PYPI_PORT=$(free_port "$APT_PORT" "$NPM_PORT" "$GIT_PORT"); log "python index port: $PYPI_PORT (new)"
fi
if [ -z "$NPM_PORT" ] || [ "$NPM_PORT" = "$APT_PORT" ] || [ "$NPM_PORT" = "$PYPI_PORT" ] || { listening "$NPM_PORT" && ! serves_dir "$NPM_PORT" "$NPM_DIR"; }; then
  NPM_PORT=$(free_port "$APT_PORT" "$PYPI_PORT" "$GIT_PORT"); log "npm registry port: $NPM_PORT (new)"
fi
if [ -z "$GIT_PORT" ] || [ "$GIT_PORT" = "$APT_PORT" ] || [ "$GIT_PORT" = "$PYPI_PORT" ] || [ "$GIT_PORT" = "$NPM_PORT" ] || { listening "$GIT_PORT" && ! serves_git "$GIT_PORT"; }; then
  GIT_PORT=$(free_port "$APT_PORT" "$PYPI_PORT" "$NPM_PORT"); log "git daemon port: $GIT_PORT (new)"
fi
printf 'APT_PORT=%s\nPYPI_PORT=%s\nNPM_PORT=%s\nGIT_PORT=%s\n' "$APT_PORT" "$PYPI_PORT" "$NPM_PORT" "$GIT_PORT" >"$CACHE/ports"
# for run.sh and vitest.e2e.config.ts (KEY=VALUE lines, no quoting)
printf 'DOCKER_HOST=%s\nE2E_APT_PORT=%s\nE2E_PYPI_PORT=%s\nE2E_NPM_PORT=%s\nE2E_GIT_PORT=%s\n' "$DOCKER_HOST" "$APT_PORT" "$PYPI_PORT" "$NPM_PORT" "$GIT_PORT" >"$CACHE/e2e.env"

serve() { # port dir name: python http.server on 127.0.0.1:port for dir, unless it already serves dir
  local port=$1 dir=$2 name=$3 token pid
  [ -s "$dir/.serve-token" ] || head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/.serve-token"
  token=$(cat "$dir/.serve-token")
  if listening "$port"; then
    if [ "$("$HOST_PY" -c 'import sys,urllib.request as u; print(u.urlopen(sys.argv[1], timeout=5).read().decode())' \
          "http://127.0.0.1:$port/.serve-token" 2>/dev/null)" = "$token" ]; then return 0; fi
    # a stale server of ours (its directory was deleted or replaced): stop that one process
    if serves_dir "$port" "$dir"; then
      pid=$(server_pid "$port")
      log "restarting stale $name server (pid $pid)"; kill "$pid"; sleep 0.5
    else
      die "127.0.0.1:$port is taken by something else"
    fi
  fi
  setsid nohup "$HOST_PY" -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >"$LOGS/http-$name.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 50); do listening "$port" && return 0; sleep 0.1; done
  die "http server for $name did not start on 127.0.0.1:$port"
}
serve $APT_PORT "$APT_DIR" apt

# ---------------------------------------------------------------- 3. python index
PYSRC=$ROOT/test/e2e/pypkgs
if [ ! -d "$PYSRC" ] || [ -z "$(ls -A "$PYSRC" 2>/dev/null)" ]; then
  # nothing from the examples yet: a trivial C-extension package so the pipeline is exercised
  PYSRC=$CACHE/pypkgs-selftest
  mkdir -p "$PYSRC/e2e-selftest-cext"
  cat >"$PYSRC/e2e-selftest-cext/setup.py" <<'EOF'
from setuptools import setup, Extension
setup(name="e2e-selftest-cext", version="0.1", ext_modules=[Extension("e2e_selftest_cext", ["cext.c"])])
EOF
  cat >"$PYSRC/e2e-selftest-cext/cext.c" <<'EOF'
#include <Python.h>
static PyObject *hello(PyObject *s, PyObject *a) { return PyUnicode_FromString("hello from C"); }
static PyMethodDef M[] = {{"hello", hello, METH_NOARGS, ""}, {0}};
static struct PyModuleDef D = {PyModuleDef_HEAD_INIT, "e2e_selftest_cext", 0, -1, M};
PyMODINIT_FUNC PyInit_e2e_selftest_cext(void) { return PyModule_Create(&D); }
EOF
fi
PY_HASH=$( (cd "$PYSRC" && find . -type f ! -path '*/build/*' ! -path '*/dist/*' ! -path '*.egg-info*' ! -path '*__pycache__*' -print0 | sort -z | xargs -0 -r sha256sum; sha256sum "$INFRA/build-pyindex.py") | sha)
if stale "$PYPI_DIR/.hash" "$PY_HASH"; then
  log "building sdists from ${PYSRC#"$ROOT"/}"
  quiet "$LOGS/pyindex.log" "$HOST_PY" "$INFRA/build-pyindex.py" "$PYSRC" "$CACHE/pybuild" "$PYPI_DIR"
  grep 'project(s)' "$LOGS/pyindex.log" || true
  echo "$PY_HASH" >"$PYPI_DIR/.hash"
else
  log "python index up to date"
fi
serve $PYPI_PORT "$PYPI_DIR" pypi

# ---------------------------------------------------------------- 3b. npm registry
# test/e2e/npmpkgs/<name>/ -> a static registry (package documents + tarballs) for `npm install <name>`;
# the node stand-ins' /etc/npmrc names it (build-npm-registry.py says how it is laid out)
NPMSRC=$ROOT/test/e2e/npmpkgs
NPM_HASH=$( ( (cd "$NPMSRC" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); sha256sum "$INFRA/build-npm-registry.py"; echo "$NPM_PORT") | sha)
if stale "$NPM_DIR/.hash" "$NPM_HASH"; then
  log "packing the npm packages of ${NPMSRC#"$ROOT"/}"
  quiet "$LOGS/npm-registry.log" "$HOST_PY" "$INFRA/build-npm-registry.py" "$NPMSRC" "$NPM_DIR" "http://127.0.0.1:$NPM_PORT/"
  grep 'package(s)' "$LOGS/npm-registry.log" || true
  echo "$NPM_HASH" >"$NPM_DIR/.hash"
else
  log "npm registry up to date"
fi
serve $NPM_PORT "$NPM_DIR" npm

# ---------------------------------------------------------------- 3c. git repositories
# examples/<example>/git/<path>.git/<tag>/ -> the bare repository $GIT_DIR/<path>.git, one commit per <tag>
# directory (in version order, each tagged <tag>; branch main at the last), served by git daemon (the git
# protocol, so `git clone --depth 1 -b <tag>` works, which the dumb HTTP protocol refuses). The node
# stand-in's /etc/gitconfig sends https://example.org/ there (url.insteadOf): a Dockerfile keeps its URL.
GIT_HASH=$( (cd "$ROOT/examples" && find . -path './*/git/*' -type f -print0 | sort -z | xargs -0 -r sha256sum) | sha)
if stale "$GIT_DIR/.hash" "$GIT_HASH"; then
  log "making the git repositories of examples/*/git"
  find "$GIT_DIR" -mindepth 1 -maxdepth 1 ! -name .hash -exec rm -rf {} +
  while IFS= read -r -d '' src; do
    rel=${src#"$ROOT"/examples/*/git/}
    bare=$GIT_DIR/$rel
    [ ! -e "$bare" ] || die "two examples make the git repository $rel"
    quiet "$LOGS/git-repos.log" git init -q --bare -b main "$bare"
    for tree in $(find "$src" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V); do
      quiet "$LOGS/git-repos.log" env GIT_DIR="$bare" GIT_WORK_TREE="$src/$tree" \
        GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@localhost GIT_COMMITTER_NAME=e2e GIT_COMMITTER_EMAIL=e2e@localhost \
        GIT_AUTHOR_DATE='2024-01-01T00:00:00Z' GIT_COMMITTER_DATE='2024-01-01T00:00:00Z' \
        bash -c "git add -A && git commit -q -m 'release $tree' && git tag -a -m 'release $tree' '$tree'"
    done
    rm -f "$bare/index"
  done < <(find "$ROOT"/examples/*/git -type d -name '*.git' -print0 2>/dev/null | sort -z)
  echo "$GIT_HASH" >"$GIT_DIR/.hash"
  log "git: $(find "$GIT_DIR" -type d -name '*.git' | wc -l) repositories"
else
  log "git repositories up to date"
fi
if listening "$GIT_PORT"; then
  serves_git "$GIT_PORT" || die "127.0.0.1:$GIT_PORT is taken by something else"
else
  # shellcheck disable=SC2046
  setsid nohup "$GIT_DAEMON" $(git_daemon_args "$GIT_PORT") >"$LOGS/git-daemon.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 50); do listening "$GIT_PORT" && break; sleep 0.1; done
  listening "$GIT_PORT" || die "git daemon did not start on 127.0.0.1:$GIT_PORT (log: $LOGS/git-daemon.log)"
fi

# ---------------------------------------------------------------- 4. stand-in images
summary() { # tag status
  local size
  size=$(docker image inspect -f '{{.Size}}' "$1" | awk '{printf "%.1f", $1/1e6}')
  printf '  %-40s %8s MB  %s\n' "$1" "$size" "$2"
}
label_of() { docker image inspect -f '{{index .Config.Labels "dfsplit.e2e.hash"}}' "$1" 2>/dev/null || true; }
image_id() { docker image inspect -f '{{.Id}}' "$1"; }
retag() { # src tags...
  local src=$1; shift
  local t
  for t in "$@"; do
    if [ "$(docker image inspect -f '{{.Id}}' "$t" 2>/dev/null)" != "$(image_id "$src")" ]; then
      docker tag "$src" "$t"; summary "$t" "tagged"
    else summary "$t" "cached"; fi
  done
}

# build_image DOCKERFILE PARENT TAG [MORE_TAGS...]: docker build against the loopback mirror
build_image() {
  local df=$IMAGES/$1 parent=$2 tag=$3; shift 3
  local h files old=
  files=$(awk '/^COPY /{print $2}' "$df")
  # the npm and git ports only in the hash of the stand-ins that take them (the node ones)
  h=$( (cat "$df"; for f in $files; do cat "$IMAGES/$f"; done; image_id "$parent"; echo "$APT_PORT $PYPI_PORT"
    ! grep -q E2E_NPM_PORT "$df" || echo "npm $NPM_PORT"; ! grep -q E2E_GIT_PORT "$df" || echo "git $GIT_PORT") | sha)
  if [ "$(label_of "$tag")" = "$h" ]; then
    summary "$tag" cached
  else
    log "building $tag"
    local t0=$(date +%s)
    old=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
    quiet "$LOGS/image-${tag//[:\/]/_}.log" docker build --network host --label "dfsplit.e2e.hash=$h" \
      --build-arg "E2E_APT_PORT=$APT_PORT" --build-arg "E2E_PYPI_PORT=$PYPI_PORT" \
      --build-arg "E2E_NPM_PORT=$NPM_PORT" --build-arg "E2E_GIT_PORT=$GIT_PORT" -f "$df" -t "$tag" "$IMAGES"
    summary "$tag" "built in $(($(date +%s) - t0))s"
  fi
  [ $# -eq 0 ] || retag "$tag" "$@"
  # drop the superseded build once no tag points to it (fails harmlessly if still in use)
  [ -z "$old" ] || [ "$old" = "$(image_id "$tag")" ] || docker image rm "$old" >/dev/null 2>&1 || true
}

log "stand-in images"
# minbase rootfs -> dfsplit-e2e/minbase-raw (without apt lists, downloaded .debs and docs)
RAW=dfsplit-e2e/minbase-raw
RAW_HASH=$(cat "$CACHE/rootfs/minbase.done")
if [ "$(label_of $RAW)" != "$RAW_HASH" ]; then
  quiet "$LOGS/image-minbase-raw.log" bash -c "tar -C '$ROOTFS' -c --numeric-owner \
      --exclude=./var/cache/apt/archives/*.deb --exclude=./var/cache/apt/*.bin --exclude=./var/lib/apt/lists/* \
      --exclude=./usr/share/doc/* --exclude=./usr/share/man/* --exclude=./usr/share/info/* --exclude=./usr/share/locale/* \
      --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* --exclude=./run/* --exclude=./tmp/* --exclude=./etc/resolv.conf . \
    | docker import -c 'LABEL dfsplit.e2e.hash=$RAW_HASH' -c 'CMD [\"bash\"]' - $RAW"
  summary $RAW "imported"
fi

build_image debian-slim.Dockerfile $RAW debian:bookworm-slim
build_image debian.Dockerfile debian:bookworm-slim debian:bookworm debian:latest
retag debian:bookworm-slim ubuntu:latest ubuntu:22.04
# the stand-ins built on debian:bookworm-slim, in two lanes at a time (each builds mostly in one process, unpacking
# packages: two keep both cores busy); a lane that fails stops the setup
lane_a() {
build_image golang.Dockerfile debian:bookworm-slim golang:1.22 golang:1.22-bookworm golang:latest
# golang:1.8 (examples/go-wrapper-app): the golang stand-in with a go-wrapper and GOPATH mode
build_image golang-1.8.Dockerfile golang:1.22 golang:1.8
build_image python.Dockerfile debian:bookworm-slim python:3.11 python:3.11-bookworm python:3
build_image python-slim.Dockerfile debian:bookworm-slim python:3.11-slim python:3.11-slim-bookworm python:3-slim
# python:3-onbuild (examples/python-onbuild): the python stand-in with docker-library's onbuild triggers; the image it was
# built from is python:3.6-jessie, whose slim variant the runtime stage names: the python-slim stand-in under that tag
build_image python-onbuild.Dockerfile python:3.11 python:3-onbuild
retag python:3.11-slim python:3.6-slim-jessie
build_image node.Dockerfile debian:bookworm-slim node:20
build_image node-slim.Dockerfile debian:bookworm-slim node:20-slim
# node:20-bookworm(-slim): the host's own Node 20 (the official binary, in /usr/local like the real images)
# for dfsplit's container image (test/e2e/image.test.ts), whose dependencies need Node 20 where Debian's
# nodejs is 18. Built in its own context under the cache: node and npm are copied from the host. Its npm
# (prefix /usr/local) reads the npmrc in /usr/local/etc, not Debian's /etc/npmrc.
build_node_official() { # tag extra-command (run after the node user is made)
  local tag=$1 extra=$2 ctx=$CACHE/node-official h
  local node_bin npm_dir
  node_bin=$(readlink -f "$(command -v node)"); npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  h=$( ("$node_bin" --version; cat "$npm_dir/package.json"; cat "$IMAGES/npmrc"; echo "npm $NPM_PORT /usr/local/etc"; image_id debian:bookworm-slim; echo "$extra") | sha)
  if [ "$(label_of "$tag")" = "$h" ]; then summary "$tag" cached; return; fi
  log "building $tag"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$node_bin" "$ctx/node"; cp -r "$npm_dir" "$ctx/npm"; sed "s/@E2E_NPM_PORT@/$NPM_PORT/" "$IMAGES/npmrc" >"$ctx/npmrc"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
COPY npmrc /usr/local/etc/npmrc
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && ${extra:-true}
CMD ["node"]
DOCKERFILE
  quiet "$LOGS/image-${tag//[:\/]/_}.log" docker build --network host --label "dfsplit.e2e.hash=$h" \
    --build-arg "E2E_APT_PORT=$APT_PORT" -t "$tag" "$ctx"
  rm -rf "$ctx"
  summary "$tag" built
}
build_node_official node:20-bookworm-slim ''
build_node_official node:20-bookworm 'apt-get update && apt-get install -y --no-install-recommends gcc g++ make ca-certificates && rm -rf /var/lib/apt/lists/*'
}
lane_b() {
# Java, Rust, PHP, Ruby (each non-slim stand-in is built on its slim/jre sibling: same packages plus more)
build_image eclipse-temurin-jre.Dockerfile ubuntu:22.04 eclipse-temurin:17-jre eclipse-temurin:17-jre-jammy
build_image eclipse-temurin.Dockerfile eclipse-temurin:17-jre eclipse-temurin:17-jdk eclipse-temurin:17 eclipse-temurin:17-jdk-jammy
# gcc:12 too: on Hub a tag that still moves, built on bookworm today, so the same image as
# gcc:12-bookworm (the tag table, src/knowledge/tags.ts): the tag dfsplit pins it to (examples/cpp-gcc-moving-tag-pinned)
build_image gcc.Dockerfile debian:bookworm gcc:12-bookworm gcc:12.4-bookworm gcc:12
build_image rust-slim.Dockerfile debian:bookworm-slim rust:1-slim rust:1-slim-bookworm
build_image rust.Dockerfile rust:1-slim rust:1 rust:1-bookworm rust:latest rust:1.63
build_image php-cli.Dockerfile debian:bookworm-slim php:8.2-cli php:8.2-cli-bookworm php:8.2 php:cli
build_image composer.Dockerfile php:8.2-cli composer:2 composer:latest
# wordpress:php8.2-apache: the php stand-in + $PHPIZE_DEPS, php8.2-dev, PHP's source and working docker-php-ext-*
# (examples/php-wordpress-ext); no Apache, no WordPress
build_image wordpress.Dockerfile php:8.2-cli wordpress:php8.2-apache
build_image ruby-slim.Dockerfile debian:bookworm-slim ruby:3.1-slim ruby:3.1-slim-bookworm
build_image ruby.Dockerfile ruby:3.1-slim ruby:3.1 ruby:3.1-bookworm ruby:3
# Haskell: Debian's GHC 9.0.2 and cabal-install laid out as the official haskell:9.12.2-slim-bookworm (examples/haskell-cabal-install)
build_image haskell-slim.Dockerfile debian:bookworm-slim haskell:9.12.2-slim-bookworm

}
lane_a & pid_a=$!
lane_b & pid_b=$!
wait $pid_a || die "building the stand-ins (Go, Python, Node) failed"
wait $pid_b || die "building the stand-ins (Java, C, Rust, PHP, Ruby, Haskell) failed"

# distroless: FROM scratch, files only (no shell, no package manager)
deb_of() { ls "$APT_DIR/$1"_*.deb | head -1; }
DISTROLESS_RECIPE=1 # bump when the distroless() recipe below changes
DL_HASH=$( (echo "$DISTROLESS_RECIPE"; for p in libc6 libssl3 tzdata ca-certificates base-files; do basename "$(deb_of $p 2>/dev/null || echo none)"; done) | sha)
distroless() { # flavor(static|base)
  local flavor=$1 tag=gcr.io/distroless/$1-debian12
  local h
  h=$(echo "$DL_HASH $flavor" | sha)
  if [ "$(label_of "$tag")" = "$h" ] && docker image inspect "$tag:nonroot" >/dev/null 2>&1; then
    summary "$tag" cached; retag "$tag" "$tag:latest"; summary "$tag:nonroot" cached; return
  fi
  local st=$CACHE/distroless/$flavor x=$CACHE/distroless/x old old_nr
  old=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
  old_nr=$(docker image inspect -f '{{.Id}}' "$tag:nonroot" 2>/dev/null || true)
  rm -rf "$st" "$x"; mkdir -p "$st"/{etc/ssl/certs,usr/share,tmp,home/nonroot,root,var/lib} "$x"
  for p in tzdata ca-certificates; do dpkg -x "$(deb_of $p)" "$x"; done
  cp -a "$x/usr/share/zoneinfo" "$st/usr/share/zoneinfo"
  cat "$x"/usr/share/ca-certificates/mozilla/*.crt >"$st/etc/ssl/certs/ca-certificates.crt"
  cp "$ROOTFS/usr/lib/os-release" "$st/etc/os-release"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$st/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' >"$st/etc/group"
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >"$st/etc/nsswitch.conf"
  chmod 1777 "$st/tmp"; chmod 700 "$st/root"; chown 65532:65532 "$st/home/nonroot"
  if [ "$flavor" = base ]; then
    for p in libc6 libssl3; do dpkg -x "$(deb_of $p)" "$st"; done
    rm -rf "$st/usr/share/doc" "$st/usr/share/lintian" "$st/usr/share/man"
  fi
  quiet "$LOGS/image-distroless-$flavor.log" bash -c "tar -C '$st' -c --numeric-owner . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
    -c 'LABEL dfsplit.e2e.hash=$h' - '$tag'"
  summary "$tag" built
  retag "$tag" "$tag:latest"
  printf 'FROM %s\nUSER 65532\nWORKDIR /home/nonroot\n' "$tag" |
    quiet "$LOGS/image-distroless-$flavor-nonroot.log" docker build --network none -t "$tag:nonroot" -
  summary "$tag:nonroot" built
  rm -rf "$x"
  for o in $old_nr $old; do docker image rm "$o" >/dev/null 2>&1 || true; done
}
distroless static
distroless base

# BuildKit's layer cache (the tests build under BuildKit) may be hit for `FROM x` after x was replaced
# by an image with other content (seen with this daemon in bench/realworld): when a stand-in changed
# since the last setup, drop that cache so no test build meets layers made on an older stand-in. The same
# when the npm packages or the git repositories changed: a cached `RUN git clone https://example.org/...`
# or `RUN npm install -g x` (same text, same parent) would keep what the old ones held.
STANDINS=(debian:bookworm-slim debian:bookworm ubuntu:latest golang:1.22 golang:1.8 python:3.11 python:3.11-slim python:3-onbuild node:20 node:20-slim node:20-bookworm node:20-bookworm-slim
  eclipse-temurin:17-jre eclipse-temurin:17-jdk gcc:12-bookworm rust:1-slim rust:1 php:8.2-cli composer:2 wordpress:php8.2-apache
  ruby:3.1-slim ruby:3.1 haskell:9.12.2-slim-bookworm
  gcr.io/distroless/static-debian12 gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/base-debian12 gcr.io/distroless/base-debian12:nonroot)
IDS=$(for t in "${STANDINS[@]}"; do echo "$t $(image_id "$t")"; done; echo "npm $NPM_HASH"; echo "git $GIT_HASH")
if [ "$(cat "$CACHE/.standin-ids" 2>/dev/null)" != "$IDS" ]; then
  BK_DOCKER=/usr/bin/docker; [ -x $BK_DOCKER ] || BK_DOCKER=docker
  quiet "$LOGS/builder-prune.log" env DOCKER_BUILDKIT=1 $BK_DOCKER builder prune -af
  log "stand-ins, npm packages or git repositories changed: BuildKit build cache pruned"
  echo "$IDS" >"$CACHE/.standin-ids"
fi

log "done in $(($(date +%s) - T0))s"
exit 0
}
