#!/usr/bin/env bash
# Undo bench/realworld/infra/setup.sh: stop the processes it started (by their pidfiles in
# /run/dfsplit-rw, each checked against its command line first), stop the isolated dockerd and delete
# the dfsplit-rw network namespace. The images (/var/lib/dfsplit-rw) and caches (/var/cache/dfsplit-rw)
# stay, so the next setup.sh is a warm one.
#   bash bench/realworld/infra/teardown.sh            stop everything
#   bash bench/realworld/infra/teardown.sh --purge    ... and delete the images, apt/npm caches, rootfs
# The host's own dockerd (/var/run/docker.sock) is never touched.
set -euo pipefail
NS=dfsplit-rw
RUN_DIR=/run/dfsplit-rw
DATA=${RW_DATA:-/var/lib/dfsplit-rw}
CACHE=${RW_CACHE:-/var/cache/dfsplit-rw}
log() { printf '[rw-teardown] %s\n' "$*"; }
[ "$(id -u)" = 0 ] || { echo "[rw-teardown] ERROR: run as root" >&2; exit 1; }

stop() { # name match [seconds]
  local pid
  pid=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"; then
    log "stopping $1 (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 $((${3:-5} * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then log "$1 (pid $pid) did not stop; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$RUN_DIR/$1.pid"
}
stop npm-netns "TCP-LISTEN:4873,"
stop npm-host "UNIX-LISTEN:$RUN_DIR/npm.sock,"
stop apt-netns "TCP-LISTEN:3142,"
stop apt-host "UNIX-LISTEN:$RUN_DIR/apt.sock,"
stop verdaccio verdaccio
stop acng "$CACHE/acng/conf"
# dockerd stops its containers and its containerd itself
stop docker "--exec-root $RUN_DIR/exec" 60

if [ -e "/run/netns/$NS" ]; then
  log "ip netns del $NS"
  ip netns del "$NS"
fi
# dockerd leaves its namespace bind-mounted at <exec-root>/netns/default: unmount what is left below /run/dfsplit-rw
findmnt -rn -o TARGET | grep -F "$RUN_DIR/" | sort -r | while read -r m; do umount -l "$m" || true; done
rm -rf "$RUN_DIR"

if [ "${1:-}" = --purge ]; then
  # anything still mounted below the data-root (an unclean dockerd exit) is unmounted first
  findmnt -rn -o TARGET | grep -F "$DATA/" | sort -r | while read -r m; do umount -l "$m" || true; done
  log "deleting $DATA and $CACHE"
  rm -rf "$DATA" "$CACHE"
fi
log "done"
