// The state transform passes hand on. A pass never mutates its input; it returns the next state.
import type { Analysis } from '../src/analyze/index.js';
import type { Model } from '../src/model.js';
import type { Plan } from '../src/plan.js';
import type { Edit, RuntimeLine } from '../src/print.js';

export type { RuntimeLine };

export interface State {
  readonly model: Model;
  readonly analysis: Analysis;
  readonly plan: Plan;
  readonly builderEdits: readonly Edit[];
  readonly runtime: readonly RuntimeLine[];
}

/** A transform pass. */
export interface Pass {
  id: string;
  summary: string;
  run(state: State): State;
}

export function generated(keyword: string, text: string): RuntimeLine {
  return { text, source: null, keyword };
}
