// A declared, visible pin of a builder tag that still moves (issue 24): `FROM golang` is built on trixie today and
// on the next Debian release after it, so a runtime stage that names a release (debian:trixie-slim, distroless
// debian13) cannot be proven to match the builder, and a glibc binary runs only on its own release or a newer one.
// When that alone holds a conversion back, the builder's FROM names the tag of the same image pinned to the
// release it is built on now (`golang:trixie`, from the tag table: src/tags.ts pinnedTag), the runtime stage is
// chosen for that release, and the pin is a finding (`builder-pinned`) shown in the diff and in `explain`.
// `--no-pin-builder` (option `pinBuilder: false`) keeps the moving tag and declines as before.
import { analyze, type Analysis } from './analyze/index.js';
import type { Finding, MessageId } from './messages.js';
import type { Model } from './model.js';
import type { Plan } from './plan.js';
import { pinnedTag, releaseOf } from './tags.js';

/** The reasons that say the builder's release is not fixed: the only ones a pin answers. */
const RELEASE_MOVES: ReadonlySet<MessageId> = new Set(['unproven-release', 'unproven-release-packages', 'cpp-release-unknown', 'rust-release-unknown', 'haskell-release-unknown']);

/** The model with its builder's FROM naming `image` (the text is the original's: the printer writes the pin as an edit). */
function withBuilderImage(model: Model, image: string): Model {
  const stage = model.stages[0]!;
  const instructions = model.instructions.map((ins) => (ins.index === stage.from && ins.keyword === 'FROM' ? { ...ins, image } : ins));
  return { ...model, instructions, stages: [{ ...stage, image }, ...model.stages.slice(1)] };
}

/** Whether a reason of the builder's moving release holds the plan back (declines it, or leaves it for a build to prove). */
function heldByRelease(plan: Plan): boolean {
  const reasons: readonly Finding[] = plan.outcome === 'declined' ? plan.reasons : plan.outcome === 'split' ? (plan.proof?.unproven ?? []) : [];
  return reasons.some((r) => RELEASE_MOVES.has(r.id));
}

/** Where the FROM's image is written in the text, when it is written as one word there (no continuation inside it). */
function imageOffset(model: Model): number | null {
  const from = model.instructions[model.stages[0]!.from]!;
  if (from.keyword !== 'FROM') return null;
  const at = from.argsOffsetAt(from.args.length - from.args.trimStart().length);
  return model.text.slice(at, at + from.image.length) === from.image ? at : null;
}

/**
 * The plan with the builder pinned, its model and analysis, when the builder's moving release alone held `plan`
 * back and the pinned builder splits without that reason; null otherwise (the caller keeps `plan`).
 */
export function pinBuilder(model: Model, plan: Plan, replan: (model: Model, analysis: Analysis, pinnedFrom: string) => Plan): { model: Model; analysis: Analysis; plan: Plan } | null {
  if (model.stages.length !== 1 || !heldByRelease(plan)) return null;
  const from = model.stages[0]!.image;
  const to = pinnedTag(from);
  if (to === null || imageOffset(model) === null) return null;
  const pinnedModel = withBuilderImage(model, to);
  const analysis = analyze(pinnedModel);
  if (analysis.error) return null;
  const pinned = replan(pinnedModel, analysis, from);
  if (pinned.outcome !== 'split' || heldByRelease(pinned)) return null;
  const line = model.instructions[model.stages[0]!.from]!.line;
  const finding: Finding = { id: 'builder-pinned', data: { from, to, release: releaseOf(to) ?? '' }, line };
  return { model: pinnedModel, analysis, plan: { ...pinned, builderPin: { from, to }, findings: [finding, ...pinned.findings] } };
}
