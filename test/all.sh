#!/usr/bin/env bash
# `npm test`: type check, unit + fixture + property + CLI tests (`npm run test:unit`), the integrations
# (`npm run test:integrations`: the packed tarball installed, the pre-commit hooks, the Action's script), the corpus tests
# (`npm run test:corpus`: skipped with one line when ../shared/corpus or $DFSPLIT_CORPUS is missing,
# unless DFSPLIT_CORPUS_REQUIRED=1, as .ci/run sets), then the real-Docker e2e suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# the diff test applies dfsplit's output with git apply and GNU patch
if ! command -v patch >/dev/null || ! command -v git >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq patch git) >/dev/null
fi
# the hooks of .pre-commit-hooks.yaml are run by Debian's pre-commit (test/integrations/pre-commit.test.ts)
if ! command -v pre-commit >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq pre-commit) >/dev/null
fi
# the terminal test of --interactive runs dfsplit in tmux (test/interactive-tmux.test.ts, skipped without it)
if ! command -v tmux >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null
fi
npx tsc -p tsconfig.json
npx tsc -p tsconfig.test.json
npm run test:unit
npm run test:integrations
npm run test:corpus
bash test/e2e/run.sh
