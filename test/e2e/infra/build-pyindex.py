#!/usr/bin/env python3
"""Build sdists of test/e2e/pypkgs/*/ and lay them out as a PEP 503 simple index.

usage: build-pyindex.py PYPKGS_DIR WORK_DIR INDEX_ROOT
Each package is copied to WORK_DIR first so nothing is written into the source tree.

The sdists are made reproducible (repack below), so their sha256 is the same on every run and in every
checkout: a lock file that pins them by hash (examples/python-pipenv/Pipfile.lock) is a committed file.
What is left to change them is the host's setuptools (the PKG-INFO and egg-info it writes: setup.sh uses
Debian bookworm's /usr/bin/python3, setuptools 66.1.1) and zlib's compressor (bookworm's 1.2.13).
"""
import gzip, hashlib, html, io, os, re, shutil, subprocess, sys, tarfile

# the time every member of every sdist carries (SOURCE_DATE_EPOCH would make the hashes the caller's choice)
EPOCH = 1700000000


def repack(path):
    """Rewrite the sdist at `path` so its bytes depend only on the files' names, contents and x bits:
    members sorted by name, one mtime, owner root (0/0, no names), modes 0755/0644, and a gzip header
    with no time and no file name (setuptools writes the build's time and the checkout's mtimes, uid
    and umask into the archive, so two runs never gave the same sha256)."""
    with tarfile.open(path) as t:
        members = [(m, t.extractfile(m).read() if m.isfile() else None) for m in t.getmembers()]
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as out:
        for m, data in sorted(members, key=lambda md: md[0].name):
            if not (m.isfile() or m.isdir()):
                raise SystemExit(f"{path}: {m.name} is neither a file nor a directory")
            m.mtime = EPOCH
            m.uid = m.gid = 0
            m.uname = m.gname = ""
            m.mode = 0o755 if m.isdir() or m.mode & 0o100 else 0o644
            m.pax_headers = {}
            out.addfile(m, io.BytesIO(data) if data is not None else None)
    with open(path, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())

src, work, root = sys.argv[1:4]
simple = os.path.join(root, "simple")
shutil.rmtree(work, ignore_errors=True)
shutil.rmtree(simple, ignore_errors=True)
os.makedirs(work)
os.makedirs(simple)


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


projects = {}
for name in sorted(os.listdir(src)) if os.path.isdir(src) else []:
    pkg = os.path.join(src, name)
    if not os.path.isdir(pkg) or not (
        os.path.exists(os.path.join(pkg, "setup.py")) or os.path.exists(os.path.join(pkg, "pyproject.toml"))
    ):
        continue
    wd = os.path.join(work, name)
    shutil.copytree(pkg, wd, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__"))
    out = os.path.join(work, "_dist", name)
    if os.path.exists(os.path.join(wd, "setup.py")):
        cmd = [sys.executable, "setup.py", "-q", "sdist", "-d", out]
    else:  # pyproject-only setuptools project
        cmd = [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "sdist", "-d", out]
    r = subprocess.run(cmd, cwd=wd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"sdist failed for {name}:\n{r.stdout}\n{r.stderr}\n")
        sys.exit(1)
    for f in os.listdir(out):
        path = os.path.join(out, f)
        repack(path)
        with tarfile.open(path) as t:
            info = next(m for m in t.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
            meta = t.extractfile(info).read().decode()
        pname = re.search(r"^Name:\s*(.+)$", meta, re.M).group(1).strip()
        d = os.path.join(simple, norm(pname))
        os.makedirs(d, exist_ok=True)
        shutil.copy(path, d)
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        projects.setdefault(norm(pname), []).append((f, digest))
        print(f"  pypi: {norm(pname)} <- {f} sha256:{digest}")

for p, files in projects.items():
    links = "".join(f'<a href="{html.escape(f)}#sha256={d}">{html.escape(f)}</a><br>\n' for f, d in sorted(files))
    with open(os.path.join(simple, p, "index.html"), "w") as fh:
        fh.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
links = "".join(f'<a href="{p}/">{p}</a><br>\n' for p in sorted(projects))
with open(os.path.join(simple, "index.html"), "w") as fh:
    fh.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
print(f"  pypi: {len(projects)} project(s)")
