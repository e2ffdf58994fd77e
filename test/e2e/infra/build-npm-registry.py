#!/usr/bin/env python3
"""Pack test/e2e/npmpkgs/*/ and lay them out as a static npm registry served on loopback.

usage: build-npm-registry.py NPMPKGS_DIR REGISTRY_ROOT REGISTRY_URL
For each package directory (a package.json with "name" and "version"; no scopes) this writes
  REGISTRY_ROOT/<name>                           the package document npm reads for `npm install <name>`
                                                 (versions, dist-tags.latest, dist.tarball/shasum/integrity)
  REGISTRY_ROOT/-/tarballs/<name>-<version>.tgz  the tarball, as `npm pack` lays it out (package/...)
A static file server (python3 -m http.server) is then a registry npm installs from: the document's
address has no extension and npm parses the body as JSON whatever its content type. The tarball
addresses are absolute (REGISTRY_URL, with the port), so the tree is rebuilt when the port changes.
The tarballs are reproducible: sorted entries, fixed mtime, owner 0, gzip without a timestamp.
"""
import base64, gzip, hashlib, io, json, os, shutil, sys, tarfile

src, root, url = sys.argv[1:4]
url = url.rstrip("/") + "/"
shutil.rmtree(root, ignore_errors=True)
os.makedirs(os.path.join(root, "-", "tarballs"))
MTIME = 499162500  # what npm pack writes (1985-10-26)


def pack(pkg_dir):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        files = []
        for d, dirs, names in os.walk(pkg_dir):
            dirs[:] = sorted(x for x in dirs if x not in ("node_modules", ".git"))
            files += [os.path.join(d, n) for n in names]
        for path in sorted(files):
            rel = os.path.relpath(path, pkg_dir)
            info = tarfile.TarInfo("package/" + rel)
            data = open(path, "rb").read()
            info.size, info.mtime, info.uid, info.gid = len(data), MTIME, 0, 0
            info.mode = 0o755 if os.access(path, os.X_OK) else 0o644
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(buf.getvalue(), mtime=0)


names = []
for entry in sorted(os.listdir(src)) if os.path.isdir(src) else []:
    pkg_dir = os.path.join(src, entry)
    if not os.path.isfile(os.path.join(pkg_dir, "package.json")):
        continue
    manifest = json.load(open(os.path.join(pkg_dir, "package.json")))
    name, version = manifest["name"], manifest["version"]
    if name.startswith("@") or name != entry:
        sys.exit(f"{pkg_dir}: the directory must be named as the package (unscoped): {name}")
    tgz = pack(pkg_dir)
    file = f"{name}-{version}.tgz"
    open(os.path.join(root, "-", "tarballs", file), "wb").write(tgz)
    dist = {
        "tarball": f"{url}-/tarballs/{file}",
        "shasum": hashlib.sha1(tgz).hexdigest(),
        "integrity": "sha512-" + base64.b64encode(hashlib.sha512(tgz).digest()).decode(),
    }
    doc = {
        "name": name,
        "dist-tags": {"latest": version},
        "versions": {version: {**manifest, "_id": f"{name}@{version}", "dist": dist}},
    }
    with open(os.path.join(root, name), "w") as f:
        json.dump(doc, f, indent=1)
    names.append(f"{name}@{version}")
print(f"{len(names)} package(s): {' '.join(names)}")
