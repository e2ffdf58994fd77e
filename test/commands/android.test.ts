// The android family (src/commands/android.ts): Android's sdkmanager installs SDK packages the app needs,
// so the runtime stage repeats it.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf } from '../../src/commands/index.js';
import android from '../../src/commands/android.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;

describe('android family', () => {
  it('answers for sdkmanager', () => {
    expect(familyOf('sdkmanager')).toBe(android);
  });

  it('makes sdkmanager setup whatever its arguments (kinds)', () => {
    expect(kind('sdkmanager "platforms;android-34" "build-tools;34.0.0"')).toBe('setup');
    expect(kind('sdkmanager --update')).toBe('setup');
  });
});
