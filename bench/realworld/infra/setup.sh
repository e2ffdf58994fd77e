#!/usr/bin/env bash
# Infrastructure of the real-world differential build harness (bench/realworld/run.mjs): a second Docker
# daemon that lives in a network namespace holding only `lo`, so builds of arbitrary third-party
# Dockerfiles can reach nothing but loopback, plus the two loopback services those builds may use:
#   1. host packages: docker.io iproute2 socat debootstrap apt-cacher-ng util-linux curl (nodejs npm)
#   2. netns dfsplit-rw (lo only, no routes)
#   3. dockerd inside it: unix:///run/dfsplit-rw/docker.sock, data /var/lib/dfsplit-rw/docker
#   4. apt-cacher-ng on the host (127.0.0.1:13142), allowed to fetch from the Debian archives of this
#      host's apt configuration and nothing else
#   5. socat bridges: netns 127.0.0.1:3142 -> /run/dfsplit-rw/apt.sock -> host apt-cacher-ng, and
#      netns 127.0.0.1:4873 -> /run/dfsplit-rw/npm.sock -> host verdaccio (uplink: `npm config get registry`)
#   6. stand-in base images built in that daemon, tagged like Docker Hub's (see README.md)
#   7. images.json: every stand-in's family, variant, config and size
# Idempotent: each step is skipped when already done. See bench/realworld/infra/README.md.
set -euo pipefail
{ # the whole script is read before it runs, so editing it during a run is harmless

INFRA=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IMAGES=$INFRA/images
NS=dfsplit-rw
NETNS=/run/netns/$NS
RUN_DIR=/run/dfsplit-rw
DATA=${RW_DATA:-/var/lib/dfsplit-rw}
CACHE=${RW_CACHE:-/var/cache/dfsplit-rw}
LOGS=$CACHE/logs
SOCK=$RUN_DIR/docker.sock
DOCKER=/usr/bin/docker # Debian's docker.io client: BuildKit without buildx (a newer client on PATH may refuse)
APT_PORT=3142                              # inside the netns
APT_HOST_PORT=${RW_APT_HOST_PORT:-13142}   # apt-cacher-ng on the host
NPM_PORT=4873                              # inside the netns
NPM_HOST_PORT=${RW_NPM_HOST_PORT:-14873}   # verdaccio on the host
YARN_VERSION=1.22.22                       # what Hub's node images carry
RECIPE=2 # bump when the rootfs or build recipe below changes (rebuilds every image)
export DOCKER_HOST=unix://$SOCK DOCKER_BUILDKIT=1 DEBIAN_FRONTEND=noninteractive
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

T0=$(date +%s)
log() { printf '[rw-setup %4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
die() { printf '[rw-setup] ERROR: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (it creates a network namespace and starts dockerd)"
mkdir -p "$LOGS" "$RUN_DIR" "$DATA"
# one setup at a time
exec 9>"$CACHE/.setup.lock"
flock -w 3600 9 || die "another setup.sh holds $CACHE/.setup.lock"

# quiet, sha, listening, host_archive_url (shared with the e2e setup)
source "$INFRA/../../../test/e2e/infra/common.sh"
in_ns() { nsenter --net="$NETNS" -- "$@"; }

# ---------------------------------------------------------------- 1. host packages
need=()
have() { command -v "$1" >/dev/null 2>&1; }
[ -x /usr/sbin/dockerd ] && [ -x /usr/bin/docker ] || need+=(docker.io)
have ip || need+=(iproute2)
have socat || need+=(socat)
have debootstrap || need+=(debootstrap)
have nsenter || need+=(util-linux)
have curl || need+=(curl)
have node || need+=(nodejs)
have npm || need+=(npm)
[ -x /usr/sbin/apt-cacher-ng ] || need+=(apt-cacher-ng)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  # the apt-cacher-ng package would start a system-wide proxy with its default (unrestricted) config:
  # keep services from starting while installing, and disable that one afterwards
  tmp_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && tmp_policy=1
  fi
  echo 'apt-cacher-ng apt-cacher-ng/tunnelenable boolean false' | debconf-set-selections 2>/dev/null || true
  rc=0
  bash -c "apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=600 ${need[*]}" >"$LOGS/host-apt.log" 2>&1 || rc=$?
  [ -z "$tmp_policy" ] || rm -f /usr/sbin/policy-rc.d
  [ $rc = 0 ] || { tail -n 30 "$LOGS/host-apt.log" >&2; die "apt-get install ${need[*]} failed, log: $LOGS/host-apt.log"; }
  if [[ " ${need[*]} " == *" apt-cacher-ng "* ]]; then
    if [ -d /run/systemd/system ]; then systemctl disable --now apt-cacher-ng >/dev/null 2>&1 || true
    else update-rc.d apt-cacher-ng disable >/dev/null 2>&1 || true; fi
  fi
fi

# the Debian archives this host uses: what the apt proxy may reach, and what the images' apt names
DEBIAN_URL=${RW_DEBIAN_URL:-$(host_archive_url bookworm)}
SECURITY_URL=${RW_SECURITY_URL:-$(host_archive_url bookworm-security)}
[ -n "$DEBIAN_URL" ] || die "no bookworm source in /etc/apt (sources.list.d/*.sources or sources.list); set RW_DEBIAN_URL"
# proxy mode: the images' apt sources name the archive as the host does and apt sends absolute-URI requests
# to the loopback proxy (Acquire::http::Proxy), so Dockerfiles that add a suite of the same archive work.
# mirror mode (an https archive, which a proxy cannot see into): the sources point at the proxy's paths.
if [[ $DEBIAN_URL == http://* ]] && [[ -z $SECURITY_URL || $SECURITY_URL == http://* ]]; then
  APT_MODE=proxy; IMG_DEBIAN_URI=$DEBIAN_URL; IMG_SECURITY_URI=$SECURITY_URL
else
  APT_MODE=mirror; IMG_DEBIAN_URI=http://127.0.0.1:$APT_PORT/debian
  IMG_SECURITY_URI=${SECURITY_URL:+http://127.0.0.1:$APT_PORT/debian-security}
fi

# ---------------------------------------------------------------- 2. network namespace
if [ ! -e "$NETNS" ]; then
  log "ip netns add $NS"
  ip netns add "$NS"
fi
ip -n "$NS" link set lo up
links=$(ip -n "$NS" -o link show | awk -F': ' '{ sub(/@.*/, "", $2); printf "%s ", $2 }')
[ "$links" = "lo " ] || die "netns $NS must hold only lo, it has: $links(delete it: bash $INFRA/teardown.sh)"
[ -z "$(ip -n "$NS" -4 route show)" ] || die "netns $NS has IPv4 routes: $(ip -n "$NS" -4 route show | tr '\n' ';')"
NS_NET="net:[$(stat -L -c %i "$NETNS")]"
in_netns() { [ "$(readlink "/proc/$1/ns/net" 2>/dev/null)" = "$NS_NET" ]; }
log "netns $NS: lo only, no routes"

# ---------------------------------------------------------------- 3. the isolated dockerd
# nsenter --net (not `ip netns exec`, which remounts /sys and so hides /sys/fs/cgroup from dockerd).
# Its own socket, pidfile, data-root and exec-root (where its containerd keeps socket and state), its
# own (empty) daemon.json and cgroup parent: nothing shared with the host's dockerd.
if ! "$DOCKER" info >/dev/null 2>&1; then
  log "starting dockerd in netns $NS ($SOCK)"
  mkdir -p "$DATA/docker" "$RUN_DIR/exec"
  [ -f "$CACHE/daemon.json" ] || echo '{}' >"$CACHE/daemon.json"
  setsid nohup nsenter --net="$NETNS" -- dockerd \
    --config-file "$CACHE/daemon.json" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
    -H "unix://$SOCK" --data-root "$DATA/docker" --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/docker.pid" \
    --cgroup-parent /dfsplit-rw \
    >>"$LOGS/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 90); do "$DOCKER" info >/dev/null 2>&1 && break; sleep 1; done
  "$DOCKER" info >/dev/null 2>&1 || { tail -20 "$LOGS/dockerd.log" >&2; die "dockerd did not come up on $SOCK (log: $LOGS/dockerd.log)"; }
fi
DOCKERD_PID=$(cat "$RUN_DIR/docker.pid" 2>/dev/null || true)
[ -n "$DOCKERD_PID" ] && in_netns "$DOCKERD_PID" || die "the dockerd answering on $SOCK (pid ${DOCKERD_PID:-?}) is not in netns $NS"
log "dockerd $("$DOCKER" version -f '{{.Server.Version}}') ready in netns $NS (pid $DOCKERD_PID)"

# ---------------------------------------------------------------- 4. apt proxy (apt-cacher-ng)
# ForceManaged: only URLs that a Remap rule maps onto a backend are fetched, and the only backends are
# this host's archives; any other host is refused with 403. PassThroughPattern matches nothing, so no
# CONNECT tunnel (https) is allowed either. No report/maintenance page, no local directories.
hostpath() { sed -E 's#^[a-z]+://##' <<<"$1"; }
ACNG=$CACHE/acng
mkdir -p "$ACNG/conf" "$CACHE/apt" "$LOGS/acng"
acng_conf="# generated by bench/realworld/infra/setup.sh
CacheDir: $CACHE/apt
LogDir: $LOGS/acng
SupportDir: /usr/lib/apt-cacher-ng
SocketPath: $RUN_DIR/acng.socket
Port: $APT_HOST_PORT
BindAddress: 127.0.0.1
ForceManaged: 1
PassThroughPattern: ^\$
Remap-debrep: /debian $(hostpath "$DEBIAN_URL") ; $DEBIAN_URL"
[ -z "$SECURITY_URL" ] || acng_conf+="
Remap-secdeb: /debian-security $(hostpath "$SECURITY_URL") ; $SECURITY_URL"
acng_conf+="
ExThreshold: 4
VerboseLog: 1
ForeGround: 1
"
running() { # name match: our pidfile names a live process whose command line contains match
  local pid
  pid=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}
stop() { # name match: stop the process of our pidfile (only if it still is what we started)
  local pid
  if running "$1" "$2"; then
    pid=$(cat "$RUN_DIR/$1.pid"); kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$RUN_DIR/$1.pid"
}
start() { # name match command...: start a background service unless it runs; its log is $LOGS/name.log
  local name=$1 match=$2; shift 2
  running "$name" "$match" && return 0
  log "starting $name"
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN_DIR/$name.pid"
}
if [ "$(cat "$ACNG/conf/acng.conf" 2>/dev/null)" != "$(printf '%s' "$acng_conf")" ]; then
  printf '%s' "$acng_conf" >"$ACNG/conf/acng.conf"
  stop acng "$ACNG/conf"
fi
start acng "$ACNG/conf" /usr/sbin/apt-cacher-ng -c "$ACNG/conf"
for _ in $(seq 1 50); do listening "$APT_HOST_PORT" && break; sleep 0.1; done
listening "$APT_HOST_PORT" || { tail "$LOGS/acng.log" >&2; die "apt-cacher-ng did not start on 127.0.0.1:$APT_HOST_PORT"; }
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "http://127.0.0.1:$APT_HOST_PORT/debian/dists/bookworm/InRelease" || true)
[ "$code" = 200 ] || die "apt-cacher-ng cannot fetch bookworm's InRelease from $DEBIAN_URL (HTTP $code; logs: $LOGS/acng/)"
log "apt proxy 127.0.0.1:$APT_HOST_PORT ($APT_MODE mode) -> $DEBIAN_URL${SECURITY_URL:+ + $SECURITY_URL}"

# ---------------------------------------------------------------- 5. npm proxy (verdaccio)
NPM_OK=0
VD=$CACHE/verdaccio
REGISTRY=$(npm config get registry 2>/dev/null | tail -1 || true)
if [ "${RW_NO_NPM:-}" = 1 ] || [ -z "$REGISTRY" ]; then
  log "npm proxy skipped (RW_NO_NPM=1 or no npm registry configured)"
else
  mkdir -p "$VD/app" "$VD/storage"
  if [ ! -x "$VD/app/node_modules/.bin/verdaccio" ]; then
    log "npm install verdaccio (into $VD/app, not the repo)"
    # this registry lacks node-fetch's `cjs` dist-tag, which a verdaccio dependency asks for
    echo '{ "name": "dfsplit-rw-verdaccio", "private": true, "dependencies": { "verdaccio": "6" }, "overrides": { "node-fetch": "2.7.0" } }' >"$VD/app/package.json"
    (cd "$VD/app" && timeout 900 npm install --no-audit --no-fund --loglevel=error) >"$LOGS/verdaccio-install.log" 2>&1 ||
      log "verdaccio did not install (log: $LOGS/verdaccio-install.log): builds get no npm registry"
  fi
  if [ -x "$VD/app/node_modules/.bin/verdaccio" ]; then
    vd_conf="# generated by bench/realworld/infra/setup.sh: a caching proxy of the host's npm registry
storage: $VD/storage
uplinks:
  upstream:
    url: $REGISTRY
    timeout: 60s
    maxage: 30m
packages:
  '@*/*':
    access: \$all
    publish: \$authenticated
    proxy: upstream
  '**':
    access: \$all
    publish: \$authenticated
    proxy: upstream
auth:
  htpasswd:
    file: $VD/htpasswd
    max_users: -1
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
"
    if [ "$(cat "$VD/config.yaml" 2>/dev/null)" != "$(printf '%s' "$vd_conf")" ]; then
      printf '%s' "$vd_conf" >"$VD/config.yaml"
      stop verdaccio verdaccio
    fi
    # (verdaccio renames its process to plain "verdaccio")
    start verdaccio verdaccio "$VD/app/node_modules/.bin/verdaccio" -c "$VD/config.yaml" -l "127.0.0.1:$NPM_HOST_PORT"
    for _ in $(seq 1 100); do listening "$NPM_HOST_PORT" && break; sleep 0.2; done
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$NPM_HOST_PORT/-/ping" || true)" = 200 ]; then
      NPM_OK=1
      log "npm proxy 127.0.0.1:$NPM_HOST_PORT (verdaccio) -> $REGISTRY"
    else
      log "verdaccio is not answering on 127.0.0.1:$NPM_HOST_PORT (log: $LOGS/verdaccio.log): builds get no npm registry"
    fi
  fi
fi

# ---------------------------------------------------------------- 6. loopback bridges into the netns
# host: UNIX-LISTEN socket -> host TCP service; netns: TCP-LISTEN 127.0.0.1 -> that socket. The netns
# gets no interface and no route: only these two ports lead out of it, and only to these two services.
bridge() { # name netns-port host-port
  local name=$1 port=$2 hport=$3 pid
  start "$name-host" "UNIX-LISTEN:$RUN_DIR/$name.sock," \
    socat "UNIX-LISTEN:$RUN_DIR/$name.sock,fork,unlink-early,mode=600" "TCP:127.0.0.1:$hport"
  start "$name-netns" "TCP-LISTEN:$port,bind=127.0.0.1," \
    nsenter --net="$NETNS" -- socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$RUN_DIR/$name.sock"
  pid=$(cat "$RUN_DIR/$name-netns.pid")
  for _ in $(seq 1 50); do [ -S "$RUN_DIR/$name.sock" ] && in_ns bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null && break; sleep 0.1; done
  in_netns "$pid" || die "the $name bridge listener (pid $pid) is not in netns $NS"
}
bridge apt $APT_PORT "$APT_HOST_PORT"
if [ $NPM_OK = 1 ]; then bridge npm $NPM_PORT "$NPM_HOST_PORT"; else stop npm-netns "TCP-LISTEN:$NPM_PORT,"; stop npm-host "UNIX-LISTEN:$RUN_DIR/npm.sock,"; fi

# prove it from inside the netns: the archive answers through the bridge, other hosts are refused by
# the proxy, and without the proxy nothing is reachable at all
if [ $APT_MODE = proxy ]; then
  code=$(in_ns curl -s -o /dev/null -w '%{http_code}' --max-time 60 -x "http://127.0.0.1:$APT_PORT" "$DEBIAN_URL/dists/bookworm/InRelease" || true)
else
  code=$(in_ns curl -s -o /dev/null -w '%{http_code}' --max-time 60 "http://127.0.0.1:$APT_PORT/debian/dists/bookworm/InRelease" || true)
fi
[ "$code" = 200 ] || die "from inside netns $NS the apt proxy does not answer (HTTP $code)"
code=$(in_ns curl -s -o /dev/null -w '%{http_code}' --max-time 10 -x "http://127.0.0.1:$APT_PORT" "http://example.invalid/debian/dists/bookworm/InRelease" || true)
[ "$code" = 403 ] || die "the apt proxy did not refuse a host outside the allowed archives (HTTP $code)"
if in_ns curl -s -o /dev/null --max-time 5 "$DEBIAN_URL/dists/bookworm/InRelease" 2>/dev/null; then
  die "netns $NS reaches $DEBIAN_URL without the proxy: it is not isolated"
fi
if [ $NPM_OK = 1 ]; then
  [ "$(in_ns curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$NPM_PORT/-/ping" || true)" = 200 ] ||
    die "from inside netns $NS the npm proxy does not answer"
fi
if [ $NPM_OK = 1 ]; then log "bridges up: netns 127.0.0.1:$APT_PORT -> apt proxy, 127.0.0.1:$NPM_PORT -> npm proxy"
else log "bridge up: netns 127.0.0.1:$APT_PORT -> apt proxy; no npm proxy (npm install in builds fails fast)"; fi

# ---------------------------------------------------------------- 7. base rootfs -> debian:bookworm(-slim)
label_of() { "$DOCKER" image inspect -f '{{index .Config.Labels "dfsplit.rw.hash"}}' "$1" 2>/dev/null || true; }
image_id() { "$DOCKER" image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }
size_of() { "$DOCKER" image inspect -f '{{.Size}}' "$1" | awk '{ printf "%.1f", $1 / 1e6 }'; }
summary() { printf '  %-45s %8s MB  %s\n' "$1" "$(size_of "$1")" "$2"; }

ROOTFS=$CACHE/rootfs
MIRROR=http://127.0.0.1:$APT_HOST_PORT
if [ ! -f "$ROOTFS/minbase.done" ]; then
  log "debootstrap --variant=minbase bookworm (through the apt proxy)"
  umount "$ROOTFS/minbase/proc" 2>/dev/null || true # left mounted by an interrupted run
  rm -rf "$ROOTFS/minbase"; mkdir -p "$ROOTFS/minbase"
  quiet "$LOGS/debootstrap.log" debootstrap --variant=minbase bookworm "$ROOTFS/minbase" "$MIRROR/debian"
  # Hub's debian images include the point release and security updates: upgrade in a chroot
  log "apt-get upgrade of the rootfs (bookworm-updates, bookworm-security)"
  {
    echo "deb $MIRROR/debian bookworm main"
    echo "deb $MIRROR/debian bookworm-updates main"
    [ -z "$SECURITY_URL" ] || echo "deb $MIRROR/debian-security bookworm-security main"
  } >"$ROOTFS/minbase/etc/apt/sources.list"
  mount -t proc proc "$ROOTFS/minbase/proc"
  rc=0
  chroot "$ROOTFS/minbase" bash -c 'apt-get update -q && apt-get -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold upgrade && apt-get clean' \
    >"$LOGS/rootfs-upgrade.log" 2>&1 || rc=$?
  umount "$ROOTFS/minbase/proc"
  [ $rc = 0 ] || { tail -n 30 "$LOGS/rootfs-upgrade.log" >&2; die "rootfs upgrade failed, log: $LOGS/rootfs-upgrade.log"; }
  date -u +%Y%m%dT%H%M%SZ >"$ROOTFS/minbase.done"
fi

# what the images' apt knows: Hub's deb822 file (this host's archive URLs), Hub's apt/dpkg tweaks
# (debuerreotype), and, stand-in only, the loopback proxy
debian_sources() {
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$IMG_DEBIAN_URI"
  [ -z "$IMG_SECURITY_URI" ] ||
    printf '\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$IMG_SECURITY_URI"
}
configure_rootfs() { # dir
  local d=$1 clean='"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";'
  rm -f "$d/etc/apt/sources.list"
  debian_sources >"$d/etc/apt/sources.list.d/debian.sources"
  printf 'Apt::AutoRemove::SuggestsImportant "false";\n' >"$d/etc/apt/apt.conf.d/docker-autoremove-suggests"
  printf 'DPkg::Post-Invoke { %s };\nAPT::Update::Post-Invoke { %s };\n\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' "$clean" "$clean" \
    >"$d/etc/apt/apt.conf.d/docker-clean"
  printf 'Acquire::GzipIndexes "true";\n' >"$d/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'Acquire::Languages "none";\n' >"$d/etc/apt/apt.conf.d/docker-no-languages"
  printf 'force-unsafe-io\n' >"$d/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  printf '#!/bin/sh\n\n# For most Docker users, "apt-get install" only happens during "docker build",\n# where starting services does not work: do not try.\n\nexit 101\n' >"$d/usr/sbin/policy-rc.d"
  chmod 755 "$d/usr/sbin/policy-rc.d"
  if [ $APT_MODE = proxy ]; then
    printf '// dfsplit-rw stand-in (not on Docker Hub): apt reaches the Debian archive only through the\n// loopback apt proxy of bench/realworld/infra/setup.sh\nAcquire::http::Proxy "http://127.0.0.1:%s/";\n' "$APT_PORT" \
      >"$d/etc/apt/apt.conf.d/00dfsplit-rw-proxy"
  fi
  rm -rf "$d"/var/lib/apt/lists/* "$d"/var/cache/apt/*.bin "$d"/var/cache/apt/archives/*.deb "$d"/var/log/apt/* \
    "$d/var/log/dpkg.log" "$d/var/log/bootstrap.log" "$d/var/log/alternatives.log" "$d/etc/resolv.conf" "$d/etc/hostname"
  # /run keeps its directories (/var/lock -> /run/lock must resolve, as in Hub's image), nothing else
  find "$d/run" -mindepth 1 -not -type d -delete
}
slimify() { # dir: debuerreotype-slimify (Hub's -slim variants): no docs, man pages, locales, and dpkg keeps it so
  local d=$1 p
  # (quoted: these are dpkg patterns, not globs for this host)
  local excludes=('/usr/share/doc/*' '/usr/share/info/*' '/usr/share/linda/*' '/usr/share/lintian/overrides/*' '/usr/share/locale/*'
    '/usr/share/man/*' '/usr/share/doc/kde/HTML/*/*' '/usr/share/gnome/help/*/*' '/usr/share/omf/*/*-*.emf')
  local includes=('/usr/share/doc/*/copyright' '/usr/share/doc/kde/HTML/C/*' '/usr/share/gnome/help/*/C/*' '/usr/share/locale/all_languages'
    '/usr/share/locale/currency/*' '/usr/share/locale/l10n/*' '/usr/share/locale/languages' '/usr/share/locale/locale.alias' '/usr/share/omf/*/*-C.emf')
  {
    echo '# This is the "slim" variant of the Debian base image.'
    echo '# Many files which are normally unnecessary in containers are excluded,'
    echo '# and this configuration file keeps them that way.'
    for p in "${excludes[@]}"; do echo "path-exclude $p"; done
    echo
    for p in "${includes[@]}"; do echo "path-include $p"; done
  } >"$d/etc/dpkg/dpkg.cfg.d/docker"
  for p in doc info linda lintian/overrides locale man; do
    [ -d "$d/usr/share/$p" ] || continue
    find "$d/usr/share/$p" -depth -mindepth 1 -not -type d \
      -not -path "$d/usr/share/doc/*/copyright" -not -path "$d/usr/share/locale/all_languages" \
      -not -path "$d/usr/share/locale/currency/*" -not -path "$d/usr/share/locale/l10n/*" \
      -not -path "$d/usr/share/locale/languages" -not -path "$d/usr/share/locale/locale.alias" -delete
    find "$d/usr/share/$p" -depth -mindepth 1 -type d -empty -delete
  done
}
import_rootfs() { # tag dir hash
  "$DOCKER" image rm "$1" >/dev/null 2>&1 || true
  tar -C "$2" -c --numeric-owner --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* --exclude=./tmp/* . |
    "$DOCKER" import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' \
      -c "LABEL dfsplit.rw.hash=$3" - "$1" >/dev/null
}
FULL_HASH=$( (echo "$RECIPE"; cat "$ROOTFS/minbase.done"; debian_sources; echo "$APT_MODE $APT_PORT"; declare -f configure_rootfs import_rootfs) | sha)
SLIM_HASH=$( (echo "$FULL_HASH"; declare -f slimify) | sha)
if [ "$(label_of debian:bookworm)" != "$FULL_HASH" ] || [ "$(label_of debian:bookworm-slim)" != "$SLIM_HASH" ]; then
  rm -rf "$ROOTFS/debian" "$ROOTFS/slim"
  cp -a "$ROOTFS/minbase" "$ROOTFS/debian"
  configure_rootfs "$ROOTFS/debian"
  if [ "$(label_of debian:bookworm)" != "$FULL_HASH" ]; then
    log "importing debian:bookworm from the rootfs"
    import_rootfs debian:bookworm "$ROOTFS/debian" "$FULL_HASH"
    summary debian:bookworm imported
  else summary debian:bookworm cached; fi
  if [ "$(label_of debian:bookworm-slim)" != "$SLIM_HASH" ]; then
    log "importing debian:bookworm-slim from the slimmed rootfs"
    mv "$ROOTFS/debian" "$ROOTFS/slim"
    slimify "$ROOTFS/slim"
    import_rootfs debian:bookworm-slim "$ROOTFS/slim" "$SLIM_HASH"
    summary debian:bookworm-slim imported
  else summary debian:bookworm-slim cached; fi
  rm -rf "$ROOTFS/debian" "$ROOTFS/slim"
else
  summary debian:bookworm cached; summary debian:bookworm-slim cached
fi

# ---------------------------------------------------------------- 8. versions (for the images' *_VERSION ENV)
# the upstream part of the Debian version of each runtime, probed once a day (and when the base changes)
VERSIONS=$CACHE/versions.env
if [ ! -s "$VERSIONS" ] || [ "$(sed -n 's/^# base=//p' "$VERSIONS")" != "$(image_id debian:bookworm-slim)" ] ||
   [ -n "$(find "$VERSIONS" -mmin +1440)" ] || [ "$(grep -c '_VERSION=' "$VERSIONS")" != 11 ]; then
  log "probing Debian package versions"
  probe=$("$DOCKER" run --rm --network host debian:bookworm-slim bash -c '
    set -e
    uri=$(awk "/^URIs:/ { print \$2; exit }" /etc/apt/sources.list.d/debian.sources)
    printf "Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n" "$uri" >/etc/apt/sources.list.d/backports.sources
    apt-get update -qq >/dev/null
    up() { v=$(apt-cache policy "$2" | awk "/Candidate:/ { print \$2 }"); [ -n "$v" ] && [ "$v" != "(none)" ] || { echo "no $2" >&2; exit 1; }
           v=${v#*:}; v=${v%-*}; v=${v%%+dfsg*}; v=${v%%~*}; echo "$1=$v"; }
    up PYTHON_VERSION python3.11; up NODE_VERSION nodejs; up GOLANG_VERSION golang-1.22-go; up RUBY_VERSION ruby3.1
    up PHP_VERSION php8.2-cli; up RUST_VERSION rustc; up GCC_VERSION gcc-12; up JAVA_VERSION openjdk-17-jdk-headless
    up MAVEN_VERSION maven; up NGINX_VERSION nginx; up GRADLE_VERSION gradle' 2>"$LOGS/versions.log") || probe=
  if [ -n "$probe" ]; then
    { echo "# base=$(image_id debian:bookworm-slim)"; echo "$probe"; } >"$VERSIONS"
  elif [ -s "$VERSIONS" ]; then
    log "version probe failed (log: $LOGS/versions.log): keeping the last versions"
  else
    die "version probe failed (log: $LOGS/versions.log)"
  fi
fi
declare -A V
while IFS='=' read -r k v; do [[ $k == \#* || -z $k ]] || V[$k]=$v; done <"$VERSIONS"
V[YARN_VERSION]=$([ $NPM_OK = 1 ] && echo "$YARN_VERSION" || true)

# ---------------------------------------------------------------- 9. stand-in images
# build DOCKERFILE TAG [--target T]: BuildKit, --network host (= the netns: only the loopback proxies),
# skipped when the label dfsplit.rw.hash (Dockerfile, copied files, build args, parent images) matches.
# Always --no-cache: this daemon's BuildKit (moby 20.10) can hit its layer cache for `FROM x` after x was
# replaced by an image with different content (seen here after re-importing debian:bookworm), so a
# rebuild must not trust cached layers. For the same reason the build cache is pruned after a rebuild,
# so the harness's own builds cannot pick up layers made on an older stand-in.
FAILED=()
BUILT=0
build() {
  local df=$1 tag=$2; shift 2
  local target=() args=() h a k parents=() p old id t0 missing=
  [ "${1:-}" != --target ] || target=(--target "$2")
  for k in $(awk '/^ARG /{ sub(/=.*/, "", $2); print $2 }' "$IMAGES/$df"); do args+=(--build-arg "$k=${V[$k]:-}"); done
  # parents: FROM images and COPY --from images (not stage names)
  for p in $(awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; break } }
                  toupper($1) == "COPY" { for (i = 2; i <= NF; i++) if ($i ~ /^--from=/) { sub(/^--from=/, "", $i); print $i } }' "$IMAGES/$df" | sort -u); do
    [ "$p" = scratch ] || grep -qiE "^FROM .* AS $p\$" "$IMAGES/$df" || parents+=("$p")
  done
  for p in "${parents[@]}"; do [ -n "$(image_id "$p")" ] || missing+="$p "; done
  if [ -n "$missing" ]; then
    FAILED+=("$tag (missing parent: $missing)"); log "skipping $tag: parent image(s) missing: $missing"; return 0
  fi
  h=$( (echo "$RECIPE"; cat "$IMAGES/$df"; echo "${target[*]} ${args[*]}"
        for a in $(awk 'toupper($1) == "COPY" && $2 !~ /^--from/ { for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }' "$IMAGES/$df"); do
          find "$IMAGES/$a" -type f -print0 | sort -z | xargs -0 cat; done
        for p in "${parents[@]}"; do image_id "$p"; done) | sha)
  if [ "$(label_of "$tag")" = "$h" ]; then summary "$tag" cached; return 0; fi
  log "building $tag"
  t0=$(date +%s)
  old=$(image_id "$tag")
  BUILT=1
  if "$DOCKER" build --no-cache --progress plain --network host --label "dfsplit.rw.hash=$h" --label dfsplit.rw.standin=1 \
       "${target[@]}" "${args[@]}" -f "$IMAGES/$df" -t "$tag" "$IMAGES" >"$LOGS/image-${tag//[:\/]/_}.log" 2>&1; then
    summary "$tag" "built in $(($(date +%s) - t0))s"
  else
    tail -n 25 "$LOGS/image-${tag//[:\/]/_}.log" | sed 's/^/    | /' >&2
    FAILED+=("$tag (log: $LOGS/image-${tag//[:\/]/_}.log)")
    log "FAILED: $tag"
    return 0
  fi
  id=$(image_id "$tag")
  [ -z "$old" ] || [ "$old" = "$id" ] || "$DOCKER" image rm "$old" >/dev/null 2>&1 || true
}

log "stand-in images (daemon $DOCKER_HOST)"
build buildpack-deps-curl.Dockerfile buildpack-deps:bookworm-curl
build buildpack-deps-scm.Dockerfile buildpack-deps:bookworm-scm
build buildpack-deps.Dockerfile buildpack-deps:bookworm
build ubuntu.Dockerfile ubuntu:22.04
build python.Dockerfile python:3.11
build python-slim.Dockerfile python:3.11-slim
build node.Dockerfile node:20
build node-slim.Dockerfile node:20-slim
build golang.Dockerfile golang:1.22
build ruby.Dockerfile ruby:3.2
build ruby-slim.Dockerfile ruby:3.2-slim
build php-cli.Dockerfile php:8.2-cli
build php-apache.Dockerfile php:8.2-apache
build rust.Dockerfile rust:1.70
build rust-slim.Dockerfile rust:1.70-slim
build gcc.Dockerfile gcc:12
build openjdk.Dockerfile openjdk:17
build openjdk-slim.Dockerfile openjdk:17-slim
build eclipse-temurin.Dockerfile eclipse-temurin:17
build eclipse-temurin-jre.Dockerfile eclipse-temurin:17-jre
build maven.Dockerfile maven:3-eclipse-temurin-17
build gradle.Dockerfile gradle:jdk17
build nginx.Dockerfile nginx:latest
build distroless-files.Dockerfile dfsplit-rw/distroless-files
for f in static base cc python3 java17; do
  build distroless.Dockerfile "gcr.io/distroless/$f-debian12:latest" --target "$f"
  build distroless.Dockerfile "gcr.io/distroless/$f-debian12:nonroot" --target "$f-nonroot"
done
if [ $BUILT = 1 ]; then
  log "pruning the build cache (layers made on replaced stand-ins must not serve later builds)"
  "$DOCKER" builder prune -af >/dev/null
  "$DOCKER" image prune -f >/dev/null # the untagged images the rebuilt stand-ins replaced
fi

# ---------------------------------------------------------------- 10. images.json
# tag|family|variant|version command (run with --network none; distroless: the binary itself)
TABLE='debian:bookworm|debian|full|. /etc/os-release; echo "Debian $(cat /etc/debian_version)"
debian:bookworm-slim|debian|slim|. /etc/os-release; echo "Debian $(cat /etc/debian_version)"
ubuntu:22.04|ubuntu|debian-slim|. /etc/os-release; echo "$PRETTY_NAME"
buildpack-deps:bookworm-curl|buildpack-deps|curl|curl --version | head -1
buildpack-deps:bookworm-scm|buildpack-deps|scm|git --version
buildpack-deps:bookworm|buildpack-deps|full|gcc --version | head -1
python:3.11|python|full|python --version; pip --version
python:3.11-slim|python|slim|python --version; pip --version
node:20|node|full|node --version; npm --version; yarn --version 2>/dev/null || echo "no yarn"
node:20-slim|node|slim|node --version; npm --version; yarn --version 2>/dev/null || echo "no yarn"
golang:1.22|golang|full|go version
ruby:3.2|ruby|full|ruby --version; bundle --version
ruby:3.2-slim|ruby|slim|ruby --version; bundle --version
php:8.2-cli|php|cli|php --version | head -1
php:8.2-apache|php|apache|php --version | head -1; apache2 -v | head -1
rust:1.70|rust|full|rustc --version; cargo --version
rust:1.70-slim|rust|slim|rustc --version; cargo --version
gcc:12|gcc|full|gcc --version | head -1
openjdk:17|openjdk|jdk|java -version 2>&1 | head -1
openjdk:17-slim|openjdk|jdk-slim|java -version 2>&1 | head -1
eclipse-temurin:17|eclipse-temurin|jdk|java -version 2>&1 | head -1
eclipse-temurin:17-jre|eclipse-temurin|jre|java -version 2>&1 | head -1
maven:3-eclipse-temurin-17|maven|eclipse-temurin-17|mvn --version 2>&1 | head -1; java -version 2>&1 | head -1
gradle:jdk17|gradle|jdk17|gradle --version 2>/dev/null | grep ^Gradle; java -version 2>&1 | head -1
nginx:latest|nginx|debian|nginx -v 2>&1
gcr.io/distroless/static-debian12:latest|distroless|static|
gcr.io/distroless/static-debian12:nonroot|distroless|static-nonroot|
gcr.io/distroless/base-debian12:latest|distroless|base|
gcr.io/distroless/base-debian12:nonroot|distroless|base-nonroot|
gcr.io/distroless/cc-debian12:latest|distroless|cc|
gcr.io/distroless/cc-debian12:nonroot|distroless|cc-nonroot|
gcr.io/distroless/python3-debian12:latest|distroless|python3|/usr/bin/python3.11 --version
gcr.io/distroless/python3-debian12:nonroot|distroless|python3-nonroot|/usr/bin/python3.11 --version
gcr.io/distroless/java17-debian12:latest|distroless|java17|/usr/bin/java -version
gcr.io/distroless/java17-debian12:nonroot|distroless|java17-nonroot|/usr/bin/java -version'
# runtime versions are kept per image id, so a warm run starts no containers
RT=$CACHE/runtime-versions.tsv
touch "$RT"
tsv=$CACHE/images.tsv
: >"$tsv"
while IFS='|' read -r tag family variant cmd; do
  id=$(image_id "$tag")
  [ -n "$id" ] || continue
  rt=$(awk -F'\t' -v id="$id" '$1 == id { print $2; exit }' "$RT")
  if [ -z "$rt" ] && [ -n "$cmd" ]; then
    if [ "$family" = distroless ]; then
      set -- $cmd
      rt=$("$DOCKER" run --rm --network none --entrypoint "$1" "$tag" "${@:2}" 2>&1 | head -3 | paste -sd ';' | sed 's/; */; /g') || true
    else
      rt=$("$DOCKER" run --rm --network none --entrypoint /bin/sh "$tag" -c "$cmd" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | paste -sd ';' | sed 's/; */; /g') || true
    fi
    printf '%s\t%s\n' "$id" "$rt" >>"$RT"
  fi
  printf '%s\t%s\t%s\t%s\n' "$tag" "$family" "$variant" "$rt" >>"$tsv"
done <<<"$TABLE"
# shellcheck disable=SC2046
"$DOCKER" image inspect $(cut -f1 "$tsv") >"$CACHE/images-inspect.json"
node - "$tsv" "$CACHE/images-inspect.json" "$INFRA/images.json" "$NPM_OK" <<'EOF'
const fs = require('fs');
const [tsv, inspectFile, out, npmOk] = process.argv.slice(2);
const inspect = JSON.parse(fs.readFileSync(inspectFile, 'utf8'));
const byTag = new Map();
for (const i of inspect) for (const t of i.RepoTags ?? []) byTag.set(t, i);
const images = fs.readFileSync(tsv, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [tag, family, variant, runtime] = line.split('\t');
  const i = byTag.get(tag.includes(':', tag.lastIndexOf('/')) ? tag : `${tag}:latest`) ?? {};
  const c = i.Config ?? {};
  return {
    tag, family, variant, runtime: runtime || null, id: i.Id, size: i.Size, size_mb: Math.round(i.Size / 1e5) / 10,
    config: { Env: c.Env ?? null, WorkingDir: c.WorkingDir ?? '', User: c.User ?? '', Cmd: c.Cmd ?? null, Entrypoint: c.Entrypoint ?? null,
      ExposedPorts: c.ExposedPorts ? Object.keys(c.ExposedPorts) : null, StopSignal: c.StopSignal ?? null },
  };
});
const doc = {
  comment: 'Generated by bench/realworld/infra/setup.sh: the stand-in images of the isolated daemon (unix:///run/dfsplit-rw/docker.sock). See README.md there for how each differs from Docker Hub.',
  npm_registry_proxy: npmOk === '1',
  images,
};
fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
console.log(`  images.json: ${images.length} images`);
EOF

if [ ${#FAILED[@]} -gt 0 ]; then
  printf '[rw-setup] ERROR: %d image(s) failed:\n' ${#FAILED[@]} >&2
  printf '  %s\n' "${FAILED[@]}" >&2
  exit 1
fi
log "done in $(($(date +%s) - T0))s (DOCKER_HOST=$DOCKER_HOST; use $DOCKER, DOCKER_BUILDKIT=1, --network host)"
exit 0
}
