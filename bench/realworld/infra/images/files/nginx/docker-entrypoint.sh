#!/bin/sh
# Like the official nginx image's entrypoint: when the command is nginx, run the scripts in
# /docker-entrypoint.d/ first (*.envsh are sourced, executable *.sh are run), then exec the command.
set -e

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh) [ -x "$f" ] && . "$f" ;;
                *.sh) [ -x "$f" ] && "$f" ;;
                *) ;;
            esac
        done
    fi
fi

exec "$@"
