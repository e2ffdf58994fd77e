#!/usr/bin/env bash
# Real-Docker e2e: prepare the suite's own dockerd + loopback mirrors + stand-in images, build dfsplit,
# run the suite against that dockerd (DOCKER_HOST from .e2e-cache/e2e.env), never the default engine.
# Extra arguments go to vitest (e.g. `bash test/e2e/run.sh -t go-module`); E2E_ONLY=a,b limits examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CACHE=${E2E_CACHE:-$PWD/.e2e-cache}
DOCKER=/usr/bin/docker; [ -x $DOCKER ] || DOCKER=docker
# the images of the engine on the default socket (nothing when none answers there), to show afterwards
# that the suite changed none of the names it uses
default_images() {
  env -u DOCKER_HOST -u DOCKER_CONTEXT "$DOCKER" -H unix:///var/run/docker.sock images --format '{{.Repository}}:{{.Tag}} {{.ID}}' 2>/dev/null | sort || true
}
before=$(default_images)
bash test/e2e/infra/setup.sh
set -a
# shellcheck disable=SC1091
source "$CACHE/e2e.env" # DOCKER_HOST (the suite's dockerd), E2E_APT_PORT, E2E_PYPI_PORT
set +a
# always rebuild: a stale dist/ would test old code (tsc takes seconds)
npm run build
rc=0
npx vitest run --config vitest.e2e.config.ts "$@" || rc=$?

# every name the suite's daemon holds (stand-ins; not the per-run dfsplit-* test images, which other runs
# on the default engine create and delete too) must be as it was on the default engine
names=$("$DOCKER" images --format '{{.Repository}}:{{.Tag}}' | grep -v -e '^<none>' -e '^dfsplit-' || true)
pick() { awk 'NR == FNR { n[$1] = 1; next } $1 in n' <(echo "$names") -; }
changed=$(diff <(echo "$before" | pick) <(default_images | pick) || true)
if [ -n "$changed" ]; then
  printf '[e2e] ERROR: images on the default engine (/var/run/docker.sock) changed during the run (< before, > after):\n%s\n' "$changed" >&2
  echo "[e2e] the suite must use only its own dockerd ($DOCKER_HOST); or did something else change them meanwhile?" >&2
  exit 1
fi
exit $rc
