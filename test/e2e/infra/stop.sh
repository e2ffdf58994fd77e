#!/usr/bin/env bash
# Stop what test/e2e/infra/setup.sh leaves running for the next run: the suite's own dockerd (socket
# /run/dfsplit-e2e-<hash>/docker.sock, data .e2e-cache/docker), the three loopback http servers (apt,
# pypi, npm) and the git daemon. Each process is found by its pidfile or port and checked against its
# command line before it is signalled.
# The engine on the default socket is never touched.
#   bash test/e2e/infra/stop.sh            stop them; the images stay, so the next setup is a warm one
#   bash test/e2e/infra/stop.sh --purge    ... and delete the daemon's data (all stand-ins and test images)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
CACHE=${E2E_CACHE:-$ROOT/.e2e-cache}
source "$ROOT/test/e2e/infra/e2e-daemon.sh"
log() { printf '[e2e-stop] %s\n' "$*"; }

stop_pid() { # name pid cmdline-substring seconds
  local name=$1 pid=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$3" || { log "pid $pid is not $name, left alone"; return 0; }
  log "stopping $name (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 $(($4 * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "$name (pid $pid) did not stop in $4 s; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true
}

# dockerd stops its containers and its containerd itself
stop_pid dockerd "$(cat "$RUN_DIR/docker.pid" 2>/dev/null || true)" "--exec-root $RUN_DIR/exec" 60
if [ -f "$CACHE/ports" ]; then
  # shellcheck disable=SC1091
  source "$CACHE/ports"
  port_pid() { ss -ltnpH "sport = :$1" | { grep -o 'pid=[0-9]*' || true; } | head -1 | cut -d= -f2; }
  for p in "$APT_PORT:$CACHE/apt" "$PYPI_PORT:$CACHE/pypi" "${NPM_PORT:-}:$CACHE/npm"; do
    [ -n "${p%%:*}" ] || continue
    stop_pid "http server ${p%%:*}" "$(port_pid "${p%%:*}")" "http.server ${p%%:*} --bind 127.0.0.1 --directory ${p#*:}" 5
  done
  [ -z "${GIT_PORT:-}" ] || stop_pid "git daemon $GIT_PORT" "$(port_pid "$GIT_PORT")" "--port=$GIT_PORT --base-path=$CACHE/git" 5
fi
# what an unclean dockerd exit leaves mounted below its directories
findmnt -rn -o TARGET | { grep -F -e "$RUN_DIR/" -e "$DOCKER_DATA/" || true; } | sort -r | while read -r m; do umount -l "$m" || true; done
rm -rf "$RUN_DIR"
if [ "${1:-}" = --purge ]; then
  log "deleting $DOCKER_DATA"
  rm -rf "$DOCKER_DATA"
fi
log "done"
