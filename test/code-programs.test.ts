import { describe, expect, it } from 'vitest';
import { programsCodeRuns } from '../src/code-programs.js';
import { NO_CONTEXT, type BuildContext } from '../src/context.js';

function context(files: Record<string, string>): BuildContext {
  return { known: true, read: (p) => files[p] ?? null, find: (match) => Object.keys(files).filter(match), exists: (p) => p in files };
}

describe('programsCodeRuns', () => {
  it('reads the literal commands Node, Python and Ruby code starts', () => {
    const found = programsCodeRuns(
      context({
        'src/a.js': "const { execSync } = require('child_process');\nexecSync('git rev-parse HEAD');\nrequire('child_process').spawn('ps', ['aux']);\ncp.execFile(\"unzip\", []);",
        'lib/b.py': "import subprocess, os\nsubprocess.check_output(['openssl', 'rand', '8'])\nos.system('free -m')",
        'app/c.rb': "system('patch', '-p1')",
        'cli/config.go': 'out, err := exec.Command("hg", "id").Output()\nexec.CommandContext(ctx, "unzip", f)',
        'cli/config_test.go': 'exec.Command("svn", "info")',
      }),
    );
    expect(found).toEqual([
      { program: 'git', by: 'src/a.js:2' },
      { program: 'ps', by: 'src/a.js:3' },
      { program: 'unzip', by: 'src/a.js:4' },
      { program: 'openssl', by: 'lib/b.py:2' },
      { program: 'free', by: 'lib/b.py:3' },
      { program: 'patch', by: 'app/c.rb:1' },
      { program: 'hg', by: 'cli/config.go:1' },
    ]);
  });

  it("skips RegExp's exec, unknown receivers, commands held in variables, and files that never run in the image", () => {
    const found = programsCodeRuns(
      context({
        'src/a.js': "/v(\\d+)/.exec('git x'); re.exec('hg'); db.exec('select'); execFile(phantomjs.path);",
        'test/a.test.js': "execSync('svn info')",
        'src/b.spec.ts': "exec('make')",
        'goofenv/lib/python3.9/site-packages/setuptools/package_index.py': "os.system('svn checkout -q %s %s' % (url, filename))",
        'src/c.py': 'subprocess.run(cmd)\n# subprocess.run(["git", "log"]) is not run',
        'src/d.go': '// exec.Command("sh", "-c", x) would be read, were it code',
      }),
    );
    expect(found).toEqual([]);
  });

  it('reads nothing without a context', () => {
    expect(programsCodeRuns(NO_CONTEXT)).toEqual([]);
  });
});
