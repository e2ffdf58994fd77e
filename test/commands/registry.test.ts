// The command families' registry (src/commands/index.ts): each family has one home, and no other module
// restates what a moved family knows by spelling its command names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { families, familyOf, packageProvides } from '../../src/commands/index.js';
import { convert } from '../../src/convert.js';
import { PACKAGE_PROGRAMS } from '../../src/knowledge/package-programs.js';
import template from '../../src/commands/_template.js';
import { TOOLBOX_PROGRAMS } from '../../src/knowledge/toolbox.js';

const root = join(import.meta.dirname, '..', '..');

/** Modules that may name a family's commands, and why. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // programs the node, python, ruby, php and composer images have, the tools every image has, and the build tools' images (gcc, gradle, java) and adduser of the full images (an image fact, not command knowledge)
  'src/knowledge/images.ts': ['node', 'python', 'ruby', 'php', 'archive', 'fetch', 'system', 'go', 'rust', 'haskell', 'java', 'dotnet', 'compilers', 'build-systems', 'prefix', 'users'],
  // the instructions of the official onbuild images, as their Dockerfiles wrote them (an image fact)
  'src/knowledge/onbuild.ts': ['node', 'python', 'ruby', 'go', 'java', 'apt', 'files'],
  // `yarn` there is an npm package with native parts, not the command
  'src/knowledge/node-packages.ts': ['node'],
  // every program of Debian's minbase (an image fact)
  'src/knowledge/debian-minbase-tools.ts': ['apt', 'users', 'archive', 'files', 'prefix', 'shell', 'system', 'editors'],
  // every program of Alpine's minirootfs (an image fact)
  'src/knowledge/alpine-tools.ts': ['apk', 'users', 'archive', 'files', 'prefix', 'shell', 'system', 'editors', 'fetch'],
  // package names, not commands: git, curl and wget (build-only ones, the ones that give a HEALTHCHECK's tool);
  // gcc, make, cargo (BUILD_ONLY_PACKAGES, TOOL_PACKAGES: Debian's and Alpine's packages too)
  'src/analyze/tables.ts': ['fetch', 'rust', 'java', 'go', 'compilers', 'build-systems'],
  // `git+` is a pip VCS scheme
  // (and `go` there is the Go preset's id in the list of presets whose same-image splits need a build)
  'src/proof.ts': ['fetch', 'go'],
  // `cp` is the name JavaScript code gives child_process (`cp.exec('git ...')`), read as a receiver, not the command; `.go` is a file name's extension
  'src/code-programs.ts': ['files', 'go'],
  // a gem from git needs the package git
  'templates/ruby/index.ts': ['fetch'],
  // file names' extensions (.tar, .xz, .go)
  'src/files.ts': ['archive', 'go'],
  // the shell readers follow `cd` to know each command's working directory
  'src/shell.ts': ['shell'],
  'src/shell-fast.ts': ['shell'],
  // verify writes its own shell commands for the containers it runs
  'src/verify/index.ts': ['shell', 'files'],
  'src/verify/session.ts': ['shell', 'files'],
  'src/verify/probe.ts': ['files'],
  // `git://` there is a URL's scheme (an ENV value naming code to fetch), not the command
  'src/runtime-contract.ts': ['fetch'],
  // the cpp preset writes `ldconfig` into its runtime stage after copying gcc's libraries (a step it prints, not what the command is)
  // preset ids (go, java, dotnet), not commands
  'src/preset-ids.ts': ['go', 'java', 'dotnet'],
  'src/help-text.ts': ['go', 'java', 'dotnet'],
  // the languages' names, and the build files and endings of their sources (`.cc` is a C++ source, `configure`, `.cmake`, `.cabal` files the build reads, not the commands)
  'templates/shared/runtime-files.ts': ['go', 'compilers', 'build-systems', 'haskell'],
  // the java image's name, Gradle's jar task, the wrappers as build-context files
  'src/knowledge/java.ts': ['java'],
  // `cc` is a crate
  'src/knowledge/rust-crates.ts': ['compilers'],
  // the go and dotnet presets ask their families which commands build (src/commands/go.ts, dotnet.ts; the rust
  // preset too, and cargo's options that change nothing) and name only their preset id, the command the container
  // starts (`dotnet App.dll`) and the go preset a HEALTHCHECK's downloader; the java preset reads mvn/gradle goals
  // through JAVA_BUILD_TOOLS, the file `jar` creates through jarFile, and writes and reads `java -jar`
  'templates/go/index.ts': ['go', 'fetch'],
  'templates/dotnet/index.ts': ['dotnet'],
  // package names, not commands: the Autotools packages autoconf and automake among the compiler packages (COMPILER_PACKAGES)
  'src/knowledge/toolbox.ts': ['build-systems'],
  // the python-distro preset lists the families whose commands name every path they write (family ids), and asks the apt
  // family which commands install a package from a file (`dpkg -i`)
  'templates/python-distro/index.ts': ['apt'],
  // (the cp/mv/mkdir that place a jar are the files family's `copies` and `directories`; `chown` there is COPY's --chown flag)
  'templates/java/index.ts': ['java', 'files'],
  // the preset id, the `java` the container starts and the `javac` an artifact is said to come from (javac's words are read by javacRun)
  'templates/java/classes.ts': ['java'],
  // pom.xml's packaging and build.gradle's plugins and tasks (jar, java), not commands
  'templates/java/build-files.ts': ['java'],
  // the gcc image's name; the cpp preset writes `ldconfig` into its runtime stage after copying gcc's libraries (a step it prints, not what the command is)
  'templates/cpp/index.ts': ['compilers', 'system'],
};

/**
 * Command names that are ordinary words of the code as well (a subcommand `install`, the kind `test`, the
 * path `.`, a variable `source`): spelling them restates nothing, so they are not looked for.
 */
const ORDINARY = new Set(['.', ':', '[', 'test', 'install', 'true', 'false', 'set', 'time', 'type', 'command', 'exec', 'id', 'env', 'export', 'read', 'hash', 'wait', 'alias', 'exit', 'source', 'unset']);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

/** A name written as a string (`'npm'`) or as a regular expression's alternative (`(npm|`, `|npm)`, `/^npm$/`). */
function restates(line: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(['"\`])${n}\\1|(?:[(|]|/\\^?)${n}(?:[|)$(]|\\\\b)`).test(line);
}

describe('command families', () => {
  it('each name belongs to one family', () => {
    const seen = new Map<string, string>();
    for (const f of families) {
      for (const name of f.names) {
        expect(seen.get(name), `${name} in ${f.id} and ${seen.get(name)}`).toBeUndefined();
        seen.set(name, f.id);
        expect(familyOf(name)).toBe(f);
      }
      for (const name of Object.keys(f.subcommands ?? {})) expect(f.names, `${f.id}: subcommands of ${name}`).toContain(name);
      // every name the family's data speaks of is one it answers for (a module or script is read as one)
      const spoken = { kinds: Object.keys(f.kinds ?? {}), replayed: f.replayed ?? [], languageInstallers: f.languageInstallers ?? [], versioned: f.versioned ?? [], modules: Object.values({ ...f.modules?.names, ...f.modules?.scripts }) };
      for (const [field, names] of Object.entries(spoken)) for (const name of names) expect(f.names, `${f.id}: ${field} ${name}`).toContain(name);
    }
    expect(familyOf('toString')).toBeUndefined();
  });

  it('leaves src/knowledge/toolbox.ts only the toolbox programs no family classifies', () => {
    expect(TOOLBOX_PROGRAMS.length).toBeGreaterThan(0);
    for (const name of TOOLBOX_PROGRAMS) expect(familyOf(name), name).toBeUndefined();
    expect(TOOLBOX_PROGRAMS.filter((name) => families.some((f) => f.toolbox?.includes(name)))).toEqual([]);
  });

  it('answers what a package gives from the families, then src/knowledge/package-programs.ts for the packages no family owns (packageProvides)', () => {
    for (const f of families) for (const pkg of Object.keys(f.provides ?? {})) expect(Object.hasOwn(PACKAGE_PROGRAMS, pkg), `${pkg}: ${f.id} and the knowledge`).toBe(false);
    expect(packageProvides('postgresql-client')).toEqual(['psql', 'pg_dump']);
    expect(packageProvides('toString')).toBeUndefined();
    // the state model asks it: the runtime stage's reinstall of postgresql-client gives the psql its CMD runs
    const file = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc postgresql-client\nCOPY . /src\nRUN gcc -o /usr/local/bin/app /src/app.c\nCMD ["psql"]\n';
    expect(convert(file).status).toBe('changed');
  });

  it('each family has a test file of the same name; the template is no family', () => {
    for (const f of families) expect(existsSync(join(root, 'test', 'commands', `${f.id}.test.ts`)), f.id).toBe(true);
    expect(families).not.toContain(template);
    expect(template.names).toEqual([]);
  });

  it("no module outside src/commands/ restates a moved family's command names", () => {
    const found: string[] = [];
    for (const file of [...sources('src'), ...sources('transforms'), ...sources('templates')]) {
      if (file.startsWith('src/commands/')) continue;
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const f of families) {
          if (ALLOWED[file]?.includes(f.id)) continue;
          for (const name of f.names) {
            if (ORDINARY.has(name)) continue;
            // `manager === 'apt'` names the package manager (images and installs say it so), not the command
            if (name === f.packages?.manager && /manager/i.test(line)) continue;
            // `kind === 'pip'` names the analyzer's kind of a pip install (CommandKind), not the command
            if (name === 'pip' && /kind/i.test(line)) continue;
            if (restates(line, name)) found.push(`${file}:${i + 1}: ${name}`);
          }
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('recognises a restated name in the forms the old tables used', () => {
    expect(restates("if (name === 'npm') {", 'npm')).toBe(true);
    expect(restates('const R = /^(npm|yarn|pnpm|gem)$/;', 'yarn')).toBe(true);
    expect(restates('const R = /^(npm|yarn|pnpm|gem)$/;', 'pnpm')).toBe(true);
    expect(restates('const R = /^npm$/;', 'npm')).toBe(true);
    expect(restates('/^apt(-get)?$/.test(tool)', 'apt')).toBe(true);
    expect(restates("'the npm package {package}'", 'npm')).toBe(false);
    expect(restates("const f = 'npm-shrinkwrap.json';", 'npm')).toBe(false);
  });
});
