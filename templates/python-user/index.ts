// Python `pip install --user`: the builder installs into the user's ~/.local, the runtime stage copies
// that directory (ownership kept by COPY --from). https://pip.pypa.io/en/stable/user_guide/#user-installs
import { homeOf } from '../../src/analyze/run.js';
import { pipUserBase } from '../../src/commands/python.js';
import type { Override, Preset, PresetStep } from '../../src/preset.js';
import { isTestToolsInstall, pipInstalls, pythonArtifacts } from '../shared/python.js';

export default {
  id: 'python-user',
  summary: 'pip install --user in the builder; the runtime stage copies ~/.local',
  detect(input) {
    const p = pipInstalls(input).find((x) => x.args.includes('--user'));
    return p ? `pip install --user (line ${input.model.instructions[p.index]!.line})` : null;
  },
  decide(input) {
    const installs = pipInstalls(input);
    const replacements = new Map<number, PresetStep[]>();
    const overrides = new Map<number, Override>();
    const { artifacts, declines } = pythonArtifacts(input);
    const homes = new Set<string>();
    for (const p of installs) {
      if (isTestToolsInstall(p)) {
        replacements.set(p.index, replacements.get(p.index) ?? []);
        overrides.set(p.index, { phase: 'build', reason: 'run-test', data: { commands: p.command.words.slice(0, 4).join(' ') } });
        continue;
      }
      if (!p.args.includes('--user')) continue;
      const scope = input.analysis.scopes.get(p.index)!;
      // PYTHONUSERBASE moves the user install (`ENV PYTHONUSERBASE=/srv/env`; review moved-2026-12-07g: simple-storage)
      const local = pipUserBase(scope.env, homeOf(scope.user, scope.env, scope.home));
      if (!local.startsWith('/') || local.includes('$')) return { declines: [{ id: 'output-not-located', data: { why: `PYTHONUSERBASE is ${local}, no absolute path` }, line: input.model.instructions[p.index]!.line }] };
      homes.add(local);
      replacements.set(p.index, replacements.get(p.index) ?? []);
      overrides.set(p.index, { phase: 'both', reason: 'run-preset', data: { preset: 'python-user', detail: `packages installed into ${local} are copied from the builder` } });
      artifacts.push({ path: local, producer: Math.max(...installs.filter((q) => q.args.includes('--user')).map((q) => q.index)), why: { id: 'pip-user', data: { from: local }, line: input.model.instructions[p.index]!.line } });
    }
    return { artifacts: dedupe(artifacts), runtimeReplacements: replacements, overrides, declines };
  },
} satisfies Preset;

function dedupe<T extends { path: string }>(list: T[]): T[] {
  return list.filter((a, i) => list.findIndex((b) => b.path === a.path) === i);
}
