"""Report which libpq the app is linked against, the way a DB-backed service logs it at startup."""
import os

import greetlib
import pgver


def describe(v):
    # PQlibVersion() encodes 15.3 as 150003 (major * 10000 + minor).
    return "%d.%d" % (v // 10000, v % 10000)


if __name__ == "__main__":
    v = pgver.version()
    print("libpq version: %d (%s)" % (v, describe(v)))
    print(greetlib.greet(os.environ.get("APP_USER", "postgres")))
