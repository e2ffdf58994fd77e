#!/usr/bin/env bash
# Real-Docker e2e: prepare docker + loopback mirrors + stand-in images, build dfsplit, run the suite.
# Extra arguments go to vitest (e.g. `bash test/e2e/run.sh -t go-module`); E2E_ONLY=a,b limits examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash test/e2e/infra/setup.sh
# always rebuild: a stale dist/ would test old code (tsc takes seconds)
npm run build
exec npx vitest run --config vitest.e2e.config.ts "$@"
