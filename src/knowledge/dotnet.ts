// The .NET images (github.com/dotnet/dotnet-docker): runtime-deps <- runtime <- aspnet <- sdk, one tag
// scheme for all four (<major>.<minor>[-<os>]). What each sets is in the image table (image-config.ts).

/** .NET versions whose images dfsplit knows. */
const DOTNET_VERSIONS: ReadonlySet<string> = new Set(['6.0', '7.0', '8.0', '9.0', '10.0']);

/** OS variants the runtime images share with the SDK's (the same suffix names the same OS). */
const VARIANT = /^(?:-(alpine(?:3\.\d+)?|bookworm-slim|bullseye-slim|jammy|jammy-chiseled|noble|noble-chiseled|azurelinux3\.0|cbl-mariner2\.0))?$/;

/**
 * The Alpine SDK turns globalization back on (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false) and adds ICU
 * and tzdata; the plain Alpine runtime images run invariant without them. From 8.0 on, the `-extra`
 * runtime images hold ICU and tzdata with globalization on, as in the SDK; 6.0 and 7.0 have none.
 */
const ALPINE_EXTRA_FROM = 8;

/** Why no runtime image can be named for an SDK tag. */
export type DotnetImageMiss = 'unknown' | 'alpine-globalization';

/** The runtime image of `kind` for an SDK tag (`8.0-alpine` -> mcr.microsoft.com/dotnet/aspnet:8.0-alpine-extra), or why there is none. */
export function dotnetRuntimeImage(sdkTag: string, kind: 'aspnet' | 'runtime'): { image: string } | { miss: DotnetImageMiss } {
  const m = /^(\d+\.\d+)(.*)$/.exec(sdkTag);
  if (!m || !DOTNET_VERSIONS.has(m[1]!) || !VARIANT.test(m[2]!)) return { miss: 'unknown' };
  const alpine = m[2]!.startsWith('-alpine');
  if (alpine && parseInt(m[1]!, 10) < ALPINE_EXTRA_FROM) return { miss: 'alpine-globalization' };
  // the SDK has no chiseled variant; a plain tag maps to the plain runtime tag
  return { image: `mcr.microsoft.com/dotnet/${kind}:${m[1]}${m[2]}${alpine ? '-extra' : ''}` };
}
