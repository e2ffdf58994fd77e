#!/bin/sh
# The step a multi-repository campaign runs in each repository (docs/campaigns.md): dfsplit --write on
# the repository in the current directory, its markdown report on stdout (a pull request's body).
#
#   campaign/run.sh            only rewrite the files; the engine (multi-gitter, Sourcegraph Batch
#                              Changes) turns the change into a commit and a pull request, none when
#                              nothing changed
#   campaign/run.sh --commit   also git checkout -b the branch first, and commit on it when something
#                              changed; when nothing changed, go back and delete the branch (for a
#                              bot or a plain loop: push the branch where it exists)
#
# Environment:
#   DFSPLIT         the command that runs dfsplit (e.g. "npx --yes dfsplit", or
#                   "node /app/dist/src/cli.js" inside the image); default: the container image,
#                   docker run (no network) with the repository mounted at /work as the calling user
#   DFSPLIT_IMAGE   that image (default dfsplit:latest)
#   DFSPLIT_ARGS    more options for dfsplit (e.g. "--no-js-config --runtime-base IMAGE")
#   DFSPLIT_BRANCH  the branch --commit makes (default dfsplit/multi-stage)
#
# Exit 0: done (files rewritten or not; a repository without a Dockerfile is nothing to do).
# Exit 2: an error (dfsplit's own, a dirty working tree, a failed git command); nothing is committed.
set -u
commit=false
case "${1:-}" in
  --commit) commit=true ;;
  '') ;;
  *) echo "usage: run.sh [--commit]" >&2; exit 2 ;;
esac
branch=${DFSPLIT_BRANCH:-dfsplit/multi-stage}
image=${DFSPLIT_IMAGE:-dfsplit:latest}

dfsplit() {
  if [ -n "${DFSPLIT:-}" ]; then
    # shellcheck disable=SC2086 # DFSPLIT is a command line, split on purpose
    $DFSPLIT "$@"
  else
    docker run --rm --network none -u "$(id -u):$(id -g)" -v "$PWD:/work" "$image" "$@"
  fi
}

if $commit; then
  if [ -n "$(git status --porcelain)" ]; then
    echo "run.sh: the working tree has changes already; commit or remove them first" >&2
    exit 2
  fi
  git checkout -q -b "$branch" || exit 2
fi

err=$(mktemp) || exit 2
# shellcheck disable=SC2086 # DFSPLIT_ARGS is a list of options, split on purpose
dfsplit --write --format markdown ${DFSPLIT_ARGS:-} . 2>"$err"
code=$?
cat "$err" >&2
if [ "$code" -eq 2 ] && grep -q ': no Dockerfiles found$' "$err"; then code=0; fi
rm -f "$err"

if [ "$code" -ne 0 ]; then
  echo "run.sh: dfsplit exited $code; nothing committed" >&2
  exit 2
fi
if $commit; then
  if [ -n "$(git status --porcelain)" ]; then
    git add -A && git commit -q -m "Split the Dockerfiles into build and runtime stages (dfsplit)" || exit 2
    echo "run.sh: committed on $branch" >&2
  else
    git checkout -q - && git branch -q -D "$branch" || exit 2
    echo "run.sh: nothing changed; no branch" >&2
  fi
fi
exit 0
