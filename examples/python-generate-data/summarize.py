"""Summarize dataset.csv and verify each row's checksum."""
import csv
import sys

import zcrc

rows = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else "dataset.csv")))
bad = [r["id"] for r in rows if "%08x" % zcrc.crc32("%s,%s,%s" % (r["id"], r["city"], r["reading"])) != r["checksum"]]
total = sum(int(r["reading"]) for r in rows)
cities = sorted({r["city"] for r in rows})
print("rows=%d cities=%d total=%d bad=%d" % (len(rows), len(cities), total, len(bad)))
