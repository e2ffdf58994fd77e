// ARGs are scoped to the stage that declares them; a global ARG (before the first FROM) must be
// declared again, without a value, in every stage that uses it. Stage ARGs used by the runtime stage
// are copied with their defaults; ARGs only the build uses (tokens, versions) stay behind.
// https://docs.docker.com/reference/dockerfile/#scope
import { generated, type Pass, type RuntimeLine } from './state.js';

export default {
  id: 'redeclare-args',
  summary: 'declare in the runtime stage the ARGs its instructions use',
  run(state) {
    const used = usedVariables(state.runtime.slice(1));
    const declared: RuntimeLine[] = [];
    const stageArgs = new Set(state.plan.builder.instructions.filter((i) => state.model.instructions[i]!.keyword === 'ARG').flatMap((i) => argNames(state.model.instructions[i]!.args)).filter((n) => used.has(n)));
    for (const index of state.model.globalArgs) {
      for (const name of argNames(state.model.instructions[index]!.args)) {
        if (used.has(name) && !stageArgs.has(name) && !declared.some((d) => d.text === `ARG ${name}`)) declared.push(generated('ARG', `ARG ${name}`));
      }
    }
    for (const index of state.plan.builder.instructions) {
      const ins = state.model.instructions[index]!;
      if (ins.keyword !== 'ARG') continue;
      if (argNames(ins.args).some((n) => used.has(n))) declared.push({ text: ins.raw, source: index, keyword: 'ARG' });
    }
    if (!declared.length) return state;
    const [from, ...rest] = state.runtime;
    return { ...state, runtime: [...(from ? [from] : []), ...declared, ...rest] };
  },
} satisfies Pass;

function argNames(args: string): string[] {
  return args.trim().split(/\s+/).map((p) => p.split('=')[0]!).filter(Boolean);
}

function usedVariables(lines: readonly RuntimeLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) for (const m of l.text.matchAll(/\$\{?(\w+)/g)) out.add(m[1]!);
  return out;
}
