# Where the e2e suite's own dockerd lives (sourced by setup.sh, stop.sh and run.sh after CACHE is set).
# One daemon per cache directory: data-root inside it (gitignored), exec-root, socket and pidfile in a
# short directory under /run named by the cache's path (unix socket paths are limited to 107 bytes).
DOCKER_DATA=$(realpath -m "$CACHE/docker")
RUN_DIR=/run/dfsplit-e2e-$(printf '%s' "$(realpath -m "$CACHE")" | sha256sum | cut -c1-8)
SOCK=$RUN_DIR/docker.sock
