#!/bin/bash
# Stand-in for the composer image's /docker-entrypoint.sh: run composer under tini when the first argument
# is an option, `composer`, or a composer command; anything else runs as given.
isCommand() {
	composer help "$1" >/dev/null 2>&1
}
if [ "$(printf %c "${1:-}")" = '-' ]; then
	set -- /sbin/tini -- composer "$@"
elif [ "${1:-}" = 'composer' ]; then
	set -- /sbin/tini -- "$@"
elif isCommand "${1:-}"; then
	set -- /sbin/tini -- composer "$@"
fi
exec "$@"
