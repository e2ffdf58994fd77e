#!/usr/bin/env bash
# `npm test`: type check, unit + fixture + corpus + property + CLI tests, then the real-Docker e2e suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json
npx tsc -p tsconfig.test.json
npx vitest run --config vitest.config.ts
bash test/e2e/run.sh
