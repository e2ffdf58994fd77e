#!/usr/bin/env python3
"""Build sdists of test/e2e/pypkgs/*/ and lay them out as a PEP 503 simple index.

usage: build-pyindex.py PYPKGS_DIR WORK_DIR INDEX_ROOT
Each package is copied to WORK_DIR first so nothing is written into the source tree.
"""
import html, os, re, shutil, subprocess, sys, tarfile

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
        with tarfile.open(path) as t:
            info = next(m for m in t.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
            meta = t.extractfile(info).read().decode()
        pname = re.search(r"^Name:\s*(.+)$", meta, re.M).group(1).strip()
        d = os.path.join(simple, norm(pname))
        os.makedirs(d, exist_ok=True)
        shutil.copy(path, d)
        projects.setdefault(norm(pname), []).append(f)
        print(f"  pypi: {norm(pname)} <- {f}")

for p, files in projects.items():
    links = "".join(f'<a href="{html.escape(f)}">{html.escape(f)}</a><br>\n' for f in sorted(files))
    with open(os.path.join(simple, p, "index.html"), "w") as fh:
        fh.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
links = "".join(f'<a href="{p}/">{p}</a><br>\n' for p in sorted(projects))
with open(os.path.join(simple, "index.html"), "w") as fh:
    fh.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
print(f"  pypi: {len(projects)} project(s)")
