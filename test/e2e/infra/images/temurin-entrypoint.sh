#!/usr/bin/env bash
# Stand-in for eclipse-temurin's /__cacert_entrypoint.sh. The official script imports extra CA
# certificates into the JVM truststore when USE_SYSTEM_CA_CERTS is set; this stand-in does only that
# part's trivial case (Debian's JDK already uses the system store, /etc/ssl/certs/java/cacerts).
set -e
if [ -n "${USE_SYSTEM_CA_CERTS:-}" ] && [ -d /certificates ]; then
	find -L /certificates -type f -name '*.crt' -exec cp -t /usr/local/share/ca-certificates/ {} + 2>/dev/null || true
	update-ca-certificates >/dev/null 2>&1 || true
fi
exec "$@"
