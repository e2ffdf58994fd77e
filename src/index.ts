// dfsplit's library entry point.
export { convert } from './convert.js';
export type { ConvertOptions, ConvertResult, InstructionReport, Reason, StageReport } from './convert.js';
export { directoryContext, memoryContext, NO_CONTEXT } from './context.js';
export type { BuildContext } from './context.js';
export type { Preset, PresetDecision, PresetInput, PresetStep, BuilderEdit, Artifact } from './preset.js';
export { MESSAGES } from './messages.js';
export type { MessageId } from './messages.js';
