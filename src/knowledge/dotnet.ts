// The .NET images (github.com/dotnet/dotnet-docker): runtime-deps <- runtime <- aspnet <- sdk, one tag
// scheme for all four (<major>.<minor>[-<os>]). What each sets is in the image table (image-config.ts).

/** .NET versions whose images dfsplit knows. */
export const DOTNET_VERSIONS: ReadonlySet<string> = new Set(['6.0', '7.0', '8.0', '9.0', '10.0']);

/** OS variants the runtime images share with the SDK's (the same suffix names the same OS). */
const VARIANT = /^(?:-(alpine(?:3\.\d+)?|bookworm-slim|bullseye-slim|jammy|jammy-chiseled|noble|noble-chiseled|azurelinux3\.0|cbl-mariner2\.0))?$/;

/** The runtime image of `kind` for an SDK tag (`8.0-alpine` -> mcr.microsoft.com/dotnet/aspnet:8.0-alpine), or null. */
export function dotnetRuntimeImage(sdkTag: string, kind: 'aspnet' | 'runtime'): string | null {
  const m = /^(\d+\.\d+)(.*)$/.exec(sdkTag);
  if (!m || !DOTNET_VERSIONS.has(m[1]!) || !VARIANT.test(m[2]!)) return null;
  // the SDK has no chiseled variant; a plain tag maps to the plain runtime tag
  return `mcr.microsoft.com/dotnet/${kind}:${m[1]}${m[2]}`;
}
