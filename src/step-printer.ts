// The one printer of what presets (and the runtime contract) hand over as data: a runtime step becomes
// its Dockerfile line, a builder edit becomes a text edit of the original. Nothing reads these lines back;
// the plan and the state model read the steps' fields. https://docs.docker.com/reference/dockerfile/
import { installCommand } from './analyze/packages.js';
import { packageManager } from './commands/index.js';
import type { Model } from './model.js';
import type { BuilderEdit, PresetStep } from './preset.js';
import type { Edit } from './print.js';

/** The instruction keyword a step is written with. */
export function stepKeyword(step: PresetStep): string {
  switch (step.kind) {
    case 'copy':
      return 'COPY';
    case 'run':
    case 'install':
      return 'RUN';
    case 'env':
      return 'ENV';
    case 'workdir':
      return 'WORKDIR';
    case 'user':
      return 'USER';
  }
}

/** The script a RUN step runs (null for the other steps). */
export function stepScript(step: PresetStep): string | null {
  if (step.kind === 'run') return step.script;
  if (step.kind === 'install') return installCommand(step.tool ?? packageManager(step.manager).defaultTool, step.manager, step.packages, step.recommends ?? false);
  return null;
}

/** The Dockerfile line of a step; a copy comes from the stage named `builder`. */
export function stepText(step: PresetStep, builder: string): string {
  switch (step.kind) {
    case 'copy':
      return `COPY --from=${builder} ${step.chown === undefined ? '' : `--chown=${step.chown} `}${copyArguments(step.source, step.dest)}`;
    case 'run':
    case 'install':
      return `RUN ${stepScript(step)!}`;
    case 'env':
      return `ENV ${step.pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
    case 'workdir':
      return `WORKDIR ${step.path}`;
    case 'user':
      return `USER ${step.user}`;
  }
}

/** `SRC DEST`, or the JSON form when either has a space, a quote or a `$` the plain form would change. */
function copyArguments(source: string, dest: string): string {
  const plain = (p: string) => /^[^\s"'$]+$/.test(p);
  return plain(source) && plain(dest) ? `${source} ${dest}` : JSON.stringify([source, dest]).replace(/,/g, ', ');
}

/** The text edit that writes a builder edit into the original text of `model`. */
export function builderEditText(model: Model, edit: BuilderEdit): Edit {
  if (edit.kind === 'run') return { at: model.instructions[edit.after]!.end, remove: 0, text: `${model.eol}RUN ${edit.script}` };
  if (edit.kind === 'image') {
    // the image is the first word after the FROM's flags (src/pin.ts pins only one written in one piece)
    const from = model.instructions[edit.index]!;
    return { at: from.argsOffsetAt(from.args.length - from.args.trimStart().length), remove: edit.from.length, text: edit.to };
  }
  if (edit.kind === 'insert') return { at: model.instructions[edit.index]!.argsOffsetAt(edit.at), remove: 0, text: `${edit.script} && ` };
  return { at: model.instructions[edit.index]!.argsOffsetAt(edit.at), remove: 0, text: `${edit.name}=${edit.value} ` };
}
