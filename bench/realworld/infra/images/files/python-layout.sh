#!/bin/sh
# Make Debian's python3 look like Docker Hub's /usr/local python (shared by python:3.11 and -slim).
set -eux
# Hub's python is not "externally managed": plain `pip install` as root works
rm -f /usr/lib/python3*/EXTERNALLY-MANAGED
# Hub installs python into /usr/local/bin and adds unversioned links (python, pip, pydoc, python-config, idle)
for src in python3 pip3 pydoc3 python3-config idle3; do
	[ -e "/usr/bin/$src" ] || continue
	ln -sfT "/usr/bin/$src" "/usr/local/bin/$src"
	ln -sfT "/usr/bin/$src" "/usr/local/bin/$(echo "$src" | tr -d 3)"
done
v=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
ln -sfT "/usr/bin/python$v" "/usr/local/bin/python$v"
[ ! -e "/usr/bin/pip$v" ] || ln -sfT "/usr/bin/pip$v" "/usr/local/bin/pip$v"
# Debian's pip installs into /usr/local/lib/pythonX.Y/dist-packages, Hub's into .../site-packages:
# make site-packages the real directory and dist-packages (what Debian's python searches) a link to it
mkdir -p "/usr/local/lib/python$v/site-packages"
rm -rf "/usr/local/lib/python$v/dist-packages"
ln -s site-packages "/usr/local/lib/python$v/dist-packages"
rm -rf /var/lib/apt/lists/* /root/.cache
python3 --version
pip3 --version
