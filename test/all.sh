#!/usr/bin/env bash
# `npm test`: type check, unit + fixture + corpus + property + CLI tests, then the real-Docker e2e suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# the diff test applies dfsplit's output with git apply and GNU patch
if ! command -v patch >/dev/null || ! command -v git >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq patch git) >/dev/null
fi
npx tsc -p tsconfig.json
npx tsc -p tsconfig.test.json
npx vitest run --config vitest.config.ts
bash test/e2e/run.sh
