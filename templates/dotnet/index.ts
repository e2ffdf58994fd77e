// .NET: `dotnet publish -o DIR` in the SDK image; the runtime stage holds DIR on the ASP.NET Core or .NET
// runtime image of the same version and OS variant, started by the file's own `dotnet App.dll`.
// https://learn.microsoft.com/dotnet/core/docker/build-container  https://github.com/dotnet/dotnet-docker
// No .NET SDK can be installed on the machine dfsplit is developed on: this preset is proven by fixtures only.
import { dotnetRuntimeImage } from '../../src/knowledge/dotnet.js';
import { imageName, parseImage } from '../../src/images.js';
import type { Instruction } from '../../src/model.js';
import type { Finding } from '../../src/messages.js';
import type { Preset, PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { startCommand } from '../../src/runtime-contract.js';
import { optionValue } from '../../src/analyze/run.js';

const SDK_NAMES = new Set(['mcr.microsoft.com/dotnet/sdk', 'microsoft/dotnet', 'mcr.microsoft.com/dotnet/core/sdk', 'microsoft/aspnetcore-build']);


/** The assembly the container starts (`dotnet App.dll`). */
function startedDll(input: PresetInput): { dll: string; ins: Instruction } | null {
  const start = startCommand(input.model);
  const words = start?.words ?? [];
  return start && words[0] === 'dotnet' && words[1]?.endsWith('.dll') ? { dll: words[1], ins: start.ins } : null;
}

/** Whether a RUN builds .NET code (`dotnet publish`, `build`, `msbuild`, `pack`). */
function buildsDotnet(input: PresetInput): boolean {
  for (const run of input.analysis.runs.values()) {
    if (run.commands.some((c) => c.words[0] === 'dotnet' && ['publish', 'build', 'msbuild', 'pack'].includes(c.words[1] ?? ''))) return true;
  }
  return false;
}

/** `dotnet publish` commands and the directory each writes (-o / --output), by instruction index. */
function publishes(input: PresetInput): { index: number; out: string | null }[] {
  const found: { index: number; out: string | null }[] = [];
  for (const [index, run] of input.analysis.runs) for (const c of run.commands) {
    if (c.words[0] !== 'dotnet' || c.words[1] !== 'publish') continue;
    const out = optionValue(c.words, '-o', '--output');
    found.push({ index, out: out ? joinPath(c.cwd, out) : null });
  }
  return found;
}

/** aspnet for web projects (and when no project file can be read: it holds the .NET runtime too), runtime for the others. */
function runtimeKind(input: PresetInput): { kind: 'aspnet' | 'runtime'; why: string } {
  const projects = input.context.find((p) => /\.(cs|fs|vb)proj$/.test(p));
  if (!projects.length) return { kind: 'aspnet', why: 'no project file in the build context: the ASP.NET Core image runs console and web apps alike' };
  const web = projects.some((p) => /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"/.test(input.context.read(p) ?? ''));
  return web ? { kind: 'aspnet', why: 'the project uses Microsoft.NET.Sdk.Web' } : { kind: 'runtime', why: 'no project uses an ASP.NET Core SDK' };
}

export default {
  id: 'dotnet',
  summary: 'dotnet publish in the SDK image; the runtime stage holds the published directory on the ASP.NET Core or .NET runtime image of the same version',
  detect(input) {
    // a file that builds nothing (a runtime image, or a prebuilt DLL copied in) is the generic split's
    if (!SDK_NAMES.has(imageName(input.builderImage)) || !buildsDotnet(input)) return null;
    const started = startedDll(input);
    return started ? `\`dotnet ${started.dll}\` on line ${started.ins.line} in a .NET SDK image` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const started = startedDll(input)!;
    const line = started.ins.line;
    const ref = parseImage(input.builderImage);
    const kind = runtimeKind(input);
    const found = imageName(input.builderImage) === 'mcr.microsoft.com/dotnet/sdk' ? dotnetRuntimeImage(ref.tag ?? 'latest', kind.kind) : { miss: 'unknown' as const };
    if ('miss' in found) return { declines: [{ id: found.miss === 'alpine-globalization' ? 'dotnet-alpine-globalization' : 'dotnet-image-unknown', data: { image: input.builderImage } }] };
    const image = found.image;
    const workdir = input.analysis.scopes.get(started.ins.index)?.workdir ?? '/';
    const dll = joinPath(workdir, started.dll);
    const steps = publishes(input);
    if (!steps.length) return { declines: [{ id: 'dotnet-publish-missing', data: { dll: started.dll }, line }] };
    const step = [...steps].reverse().find((s) => s.out !== null && dll.startsWith(`${s.out}/`));
    if (!step || !step.out) {
      declines.push({ id: 'dotnet-output-unknown', data: { dll: started.dll, why: steps.some((s) => s.out === null) ? 'dotnet publish without -o writes to bin/<configuration>/<framework>/publish, which the file does not name' : 'no dotnet publish -o of this file writes it' }, line });
      return { declines };
    }
    return {
      runtimeBase: { image, why: `the ${kind.kind === 'aspnet' ? 'ASP.NET Core' : '.NET'} runtime of the version of ${input.builderImage} (${kind.why})` },
      artifacts: [{ path: step.out, producer: step.index, why: { id: 'artifact-output', data: { path: step.out, command: 'dotnet publish' }, line: input.model.instructions[step.index]!.line } }],
      declines,
    };
  },
} satisfies Preset;
