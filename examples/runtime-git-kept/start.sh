#!/bin/sh
# A bot that keeps its own history: it needs git at run time, which no build step of the Dockerfile uses.
set -e
cd /tmp && git init -q repo && cd repo
git -c user.email=bot@example.invalid -c user.name=bot commit -q --allow-empty -m start
stamp "$(git rev-list --count HEAD) commit"
