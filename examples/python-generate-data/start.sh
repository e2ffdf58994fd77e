#!/bin/bash
set -euo pipefail
# The dataset is generated at image build time; refuse to start without it.
if [[ ! -s dataset.csv ]]; then
    echo "dataset.csv missing - was the image built correctly?" >&2
    exit 1
fi
echo "dataset: $(wc -l < dataset.csv) lines"
exec python summarize.py dataset.csv
