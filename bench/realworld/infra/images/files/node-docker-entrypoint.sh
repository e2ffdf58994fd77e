#!/bin/sh
set -e

# Like the official node image: run the command with node if the first argument starts with "-"
# or is not a command (a script file, say).
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
