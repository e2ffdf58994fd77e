// The command families' registry (src/commands/index.ts): each family has one home, and no other module
// restates what a moved family knows by spelling its command names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_RULES, SYSTEM_INSTALLERS } from '../../src/analyze/tables.js';
import { families, familyOf } from '../../src/commands/index.js';
import template from '../../src/commands/_template.js';

const root = join(import.meta.dirname, '..', '..');

/** Modules that may name a family's commands, and why. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // the node preset writes npm/yarn/pnpm commands (prune) and reads their lockfiles
  'templates/node/index.ts': ['node'],
  // programs the node images have (an image fact, not command knowledge); the build tools' images too (gcc, gradle, java)
  'src/knowledge/images.ts': ['node', 'go', 'rust', 'java', 'dotnet', 'compilers', 'build-systems'],
  // `yarn` there is an npm package with native parts, not the command
  'src/knowledge/node-packages.ts': ['node'],
  // every program of Debian's minbase (an image fact)
  'src/knowledge/debian-minbase-tools.ts': ['apt', 'users'],
  // package names (BUILD_ONLY_PACKAGES, TOOL_PACKAGES: gcc, make, cargo are Debian's and Alpine's packages too)
  'src/analyze/tables.ts': ['rust', 'java', 'go', 'compilers', 'build-systems'],
  // preset ids (go, java, dotnet), not commands
  'src/preset-ids.ts': ['go', 'java', 'dotnet'],
  'src/help-text.ts': ['go', 'java', 'dotnet'],
  // `.go` is a file extension
  'src/files.ts': ['go'],
  'templates/go/runtime-files.ts': ['go'],
  // the java image's name, Gradle's jar task, the wrappers as build-context files
  'src/knowledge/java.ts': ['java'],
  // `cc` is a crate
  'src/knowledge/rust-crates.ts': ['compilers'],
  // the language presets read the commands of their language's build (the arguments of `go build`, `cargo
  // run`, `dotnet publish`, the goals of mvn and gradle) and write the one the container starts (`java -jar`)
  'templates/go/index.ts': ['go'],
  'templates/rust/index.ts': ['rust'],
  'templates/dotnet/index.ts': ['dotnet'],
  'templates/java/index.ts': ['java'],
  // pom.xml's packaging and build.gradle's plugins and tasks (jar, java), not commands
  'templates/java/build-files.ts': ['java'],
  // the gcc image's name
  'templates/cpp/index.ts': ['compilers'],
};

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
  it('each name belongs to one family, and the old tables no longer hold it', () => {
    const seen = new Map<string, string>();
    for (const f of families) {
      for (const name of f.names) {
        expect(seen.get(name), `${name} in ${f.id} and ${seen.get(name)}`).toBeUndefined();
        seen.set(name, f.id);
        expect(familyOf(name)).toBe(f);
        expect(COMMAND_RULES.has(name), `${name} still in COMMAND_RULES`).toBe(false);
        expect(SYSTEM_INSTALLERS.has(name), `${name} still in SYSTEM_INSTALLERS`).toBe(false);
      }
      for (const name of Object.keys(f.subcommands ?? {})) expect(f.names, `${f.id}: subcommands of ${name}`).toContain(name);
    }
    expect(familyOf('toString')).toBeUndefined();
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
            // `manager === 'apt'` names the package manager (images and installs say it so), not the command
            if (name === f.packages?.manager && /manager/i.test(line)) continue;
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
