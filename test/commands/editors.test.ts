// The editors family (src/commands/editors.ts): `sed -i` edits the files it names in place, so they must exist.
import { describe, expect, it } from 'vitest';
import { familyOf, pathOperands } from '../../src/commands/index.js';
import editors from '../../src/commands/editors.js';

describe('editors family', () => {
  it('answers for sed', () => {
    expect(familyOf('sed')).toBe(editors);
  });

  it('needs the files sed -i edits, and none when sed only prints (paths, onlyWith)', () => {
    expect(pathOperands(['sed', '-i', 's/a/b/', '/etc/app.conf'])?.needs).toEqual(['/etc/app.conf']);
    expect(pathOperands(['sed', '-i.bak', '-e', 's/a/b/', 'x.conf', 'y.conf'])?.needs).toEqual(['y.conf']);
    expect(pathOperands(['sed', 's/a/b/', 'x.conf'])).toBeUndefined();
  });
});
