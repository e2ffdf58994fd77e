# Shell helpers shared by the two setup scripts (test/e2e/infra/setup.sh, bench/realworld/infra/setup.sh).
# Sourced; each script defines its own `log` and `die` first.

# run a command quietly into a log file; on failure show the tail of the log
quiet() {
  local logf=$1; shift
  if ! "$@" >"$logf" 2>&1; then
    tail -n 40 "$logf" >&2
    die "failed ($*), full log: $logf"
  fi
}
sha() { sha256sum | cut -c1-16; }
# file hash: true when the hash recorded in file (a step's inputs when it last ran) is not hash: the step runs again
stale() { [ "$(cat "$1" 2>/dev/null)" != "$2" ]; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# the URL of this host's apt source for a suite (first deb822 `URIs:` of a stanza listing the suite, or
# a one-line `deb` entry), without a trailing slash: the archive to use, never a host named in code
host_archive_url() {
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] && awk '/^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) print u } /^$/ { u = "" }' s="$1" "$f"
    done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i + 1) == s) print $i }' s="$1"
  } | head -1 | sed 's:/*$::' || true
}
