#!/bin/sh
# shared tail of the python stand-ins: make Debian's python look like Docker Hub's /usr/local python
set -eu
rm -f /usr/lib/python3*/EXTERNALLY-MANAGED
ln -sf /usr/bin/python3 /usr/local/bin/python
ln -sf /usr/bin/python3 /usr/local/bin/python3
ln -sf /usr/bin/pip3 /usr/local/bin/pip
ln -sf /usr/bin/pip3 /usr/local/bin/pip3
# Debian installs into /usr/local/lib/python3.11/dist-packages; Docker Hub's python into .../site-packages.
# Make site-packages the real directory and dist-packages (what Debian's python searches) a link to it.
v=$(python3 -c 'import sys;print("%d.%d"%sys.version_info[:2])')
mkdir -p /usr/local/lib/python$v/site-packages
rm -rf /usr/local/lib/python$v/dist-packages
ln -s site-packages /usr/local/lib/python$v/dist-packages
rm -rf /var/lib/apt/lists/* /root/.cache
