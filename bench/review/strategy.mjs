// What kind of conversion a result is, read from its fields (ConvertResult in src/convert.ts): the preset
// (or `generic`) and where the runtime stage runs, so that a review can give its shares by strategy
// (issue 23's table). `lib` as in detectors.mjs.

/**
 * The runtime base relative to the builder's image: `same-base` (the same image, packages dropped and
 * steps replayed), `slim` (the builder's own slim variant), `distro-slim` (another repository's slim
 * image, `golang` -> `debian:bookworm-slim`), `scratch`, `distroless`, `alpine`, or `other`.
 */
export function runtimeKind(builder, runtime, lib) {
  if (builder === runtime) return 'same-base';
  if (lib.slimVariant(builder) === runtime) return 'slim';
  if (lib.isEmptyImage(runtime)) return 'scratch';
  const ref = lib.parseImage(runtime);
  if (/distroless/.test(ref.name)) return 'distroless';
  if (ref.name === 'alpine' || /(^|-)alpine/.test(ref.tag ?? '')) return 'alpine';
  if (/(^|-)slim(-|$)/.test(ref.tag ?? '')) return ref.name === lib.parseImage(builder).name ? 'slim' : 'distro-slim';
  return 'other';
}

/**
 * The strategy of a changed result: `<preset or generic>/<runtime kind>`, plus the builder's repository
 * (its family: node, python, ...) and both images, and the proof level when the result states one.
 */
export function strategyOf(result, lib) {
  const builder = result.stages.find((s) => s.role === 'builder')?.image ?? '';
  const runtime = result.stages.find((s) => s.role === 'runtime')?.image ?? '';
  const preset = result.preset?.id ?? 'generic';
  const proof = typeof result.proof === 'string' ? result.proof : (result.proof?.level ?? null);
  return { strategy: `${preset}/${runtimeKind(builder, runtime, lib)}`, family: lib.parseImage(builder).name, builder, runtime, proof };
}
