#!/bin/bash
set -euo pipefail

# "selftest" packs a fixed phrase; options and plain words are handed to
# zpack; an installed command (e.g. bash) is run as-is.
if [[ "${1:-}" == "selftest" ]]; then
    set -- zpack "the quick brown fox jumps over the lazy dog, the quick brown fox"
elif [[ $# -eq 0 || "$1" == -* ]] || ! command -v "$1" > /dev/null 2>&1; then
    set -- zpack "$@"
fi

echo "entrypoint: running $1" >&2
exec "$@"
