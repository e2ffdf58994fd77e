// On a runtime base without /bin/sh, a shell-form CMD/ENTRYPOINT cannot start. When the command needs
// no shell features it is rewritten to exec form, which runs the same program with the same words.
// https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
import { plainWords } from '../src/shell-words.js';
import type { Pass, RuntimeLine } from './state.js';

export default {
  id: 'exec-form',
  summary: 'rewrite shell-form CMD/ENTRYPOINT to exec form when the runtime base has no shell',
  run(state) {
    if (state.plan.runtimeHasShell) return state;
    const findings = [...state.findings];
    const declines = [...state.declines];
    const runtime = state.runtime.map((line): RuntimeLine => {
      if (line.source === null || !['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'RUN'].includes(line.keyword)) return line;
      const ins = state.model.instructions[line.source]!;
      if (ins.json || (line.keyword === 'HEALTHCHECK' && /^\s*NONE\s*$/i.test(ins.args))) return line;
      const words = line.keyword === 'CMD' || line.keyword === 'ENTRYPOINT' ? plainWords(ins.args) : null;
      if (!words) {
        declines.push({ id: 'shell-needed', data: { keyword: line.keyword, image: state.plan.runtimeBase }, line: ins.line });
        return line;
      }
      findings.push({ id: 'exec-form', data: { keyword: line.keyword }, line: ins.line });
      return { ...line, source: null, text: `${line.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}` };
    });
    return { ...state, runtime, findings, declines };
  },
} satisfies Pass;
