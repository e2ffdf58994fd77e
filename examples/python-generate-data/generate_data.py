"""Generate a small deterministic sample dataset (dataset.csv) at build time."""
import csv

import zcrc

CITIES = ["Lisbon", "Oslo", "Quito", "Hanoi", "Perth"]

with open("dataset.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "city", "reading", "checksum"])
    for i in range(1, 101):
        city = CITIES[i % len(CITIES)]
        reading = (i * 37) % 101
        w.writerow([i, city, reading, "%08x" % zcrc.crc32("%d,%s,%d" % (i, city, reading))])
print("wrote dataset.csv")
