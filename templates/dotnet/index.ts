// .NET: `dotnet publish -o DIR` in the SDK image; the runtime stage holds DIR on the ASP.NET Core or .NET
// runtime image of the same version and OS variant, started by the file's own `dotnet App.dll`.
// https://learn.microsoft.com/dotnet/core/docker/build-container  https://github.com/dotnet/dotnet-docker
// No .NET SDK can be installed on the machine dfsplit is developed on: this preset is proven by fixtures only.
import { dotnetRuntimeImage, imageName } from '../../src/images.js';
import type { Instruction } from '../../src/model.js';
import type { Finding } from '../../src/messages.js';
import { runBefore, type Preset, type PresetDecision, type PresetInput } from '../../src/preset.js';
import { copiesContextRoot, copyDestination } from '../../src/analyze/index.js';
import { joinPath } from '../../src/shell.js';
import { entrypointArguments, startCommand } from '../../src/runtime-contract.js';
import { optionValue } from '../../src/analyze/run.js';
import { DOTNET_COMPILES, dotnetCommand } from '../../src/commands/dotnet.js';

const SDK_NAMES = new Set(['mcr.microsoft.com/dotnet/sdk', 'microsoft/dotnet', 'mcr.microsoft.com/dotnet/core/sdk', 'microsoft/aspnetcore-build']);

/** The assembly the container starts (`dotnet App.dll`). */
function startedDll(input: PresetInput): { dll: string; ins: Instruction } | null {
  const start = startCommand(input.model);
  const words = start?.words ?? [];
  return start && dotnetCommand(words)?.endsWith('.dll') ? { dll: words[1]!, ins: start.ins } : null;
}

/** `dotnet run` as the command the container starts: its configuration, the app's arguments, and why it cannot be rewritten. */
interface DotnetRun {
  ins: Instruction;
  text: string;
  cwd: string;
  configuration: string;
  launchProfile: boolean;
  args: string[];
  refused?: string;
}

function startedRun(input: PresetInput): DotnetRun | null {
  const start = startCommand(input.model);
  const words = start?.words ?? [];
  if (!start || dotnetCommand(words) !== 'run') return null;
  const run: DotnetRun = { ins: start.ins, text: words.join(' '), cwd: input.analysis.scopes.get(start.ins.index)?.workdir ?? '/', configuration: 'Debug', launchProfile: true, args: [] };
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      run.args = words.slice(i + 1);
      break;
    }
    if (w === '-c' || w === '--configuration') run.configuration = words[++i] ?? '';
    else if (w.startsWith('--configuration=')) run.configuration = w.slice(16);
    else if (w === '--no-launch-profile') run.launchProfile = false;
    else if (w !== '--no-restore' && w !== '--no-build') return { ...run, refused: `\`${w}\` is an option dfsplit does not map, or an argument dotnet run hands on to the app` };
  }
  if (!/^\w+$/.test(run.configuration)) return { ...run, refused: 'the configuration is not a plain name' };
  const cmd = entrypointArguments(input.model, start.ins);
  if (cmd) return { ...run, refused: `CMD on line ${cmd.line} adds words to the ENTRYPOINT's dotnet run` };
  return run;
}

/**
 * `dotnet run` at start becomes `dotnet publish` of the same configuration in the builder (into bin/publish
 * of the project, which the SDK leaves out of its own inputs) and `dotnet <published dll>` in the same
 * working directory, so the content root (appsettings.json, wwwroot) is the same directory as before.
 * Declined when a launch profile would apply (it sets environment and URLs), or the project is not known.
 */
function decideRun(input: PresetInput, run: DotnetRun, image: string, why: string): PresetDecision {
  const line = run.ins.line;
  const refuse = (reason: string): PresetDecision => ({ declines: [{ id: 'command-rewrite-refused', data: { command: run.text, why: reason }, line }] });
  if (run.refused) return refuse(run.refused);
  // the project in the working directory: the context's root copied there with `COPY . <dir>`
  const copied = input.model.instructions.some((i) => i.stage === 0 && i.index < run.ins.index && i.keyword === 'COPY' && copiesContextRoot(i) && copyDestination(i, input.analysis.scopes.get(i.index) ?? '/')?.replace(/\/+$/, '') === run.cwd.replace(/\/+$/, ''));
  if (!copied) return refuse(`no \`COPY . ${run.cwd}\` puts the build context's root where it runs, so which project it runs is unknown`);
  if (!input.context.known) return refuse('no build context was given to read the project file');
  const projects = input.context.find((p) => /^[^/]+\.(cs|fs|vb)proj$/.test(p));
  if (projects.length !== 1) return refuse(projects.length ? `the build context's root has ${projects.length} project files` : "the build context's root has no project file");
  if (input.context.exists('bin')) return refuse('the build context has bin/, whose old files the COPY of the context would bring into bin/publish beside the published ones');
  if (run.launchProfile && input.context.exists('Properties/launchSettings.json')) return refuse('Properties/launchSettings.json has launch profiles, whose environment and URLs dotnet run applies and the published app does not (--no-launch-profile would say they do not matter)');
  const project = projects[0]!;
  const assembly = /<AssemblyName>\s*([\w.-]+)\s*<\/AssemblyName>/.exec(input.context.read(project) ?? '')?.[1] ?? project.replace(/\.\w+proj$/, '');
  const out = joinPath(run.cwd, 'bin/publish');
  const publish = `dotnet publish -c ${run.configuration} -o bin/publish`;
  return {
    runtimeBase: { image, why },
    artifacts: [{ path: out, producer: run.ins.index, why: { id: 'artifact-output', data: { path: out, command: publish }, line }, byPreset: true }],
    builderEdits: [runBefore(run.ins.index, publish)],
    command: {
      index: run.ins.index,
      words: ['dotnet', `${out}/${assembly}.dll`, ...run.args],
      why: `${run.text} builds ${project} in the ${run.configuration} configuration and runs ${assembly}.dll; \`${publish}\`, added to the builder, writes it with its dependencies, and the working directory (the content root) stays ${run.cwd}`,
    },
  };
}

/** Whether a RUN builds .NET code (`dotnet publish`, `build`, `msbuild`, `pack`). */
function buildsDotnet(input: PresetInput): boolean {
  for (const run of input.analysis.runs.values()) {
    if (run.commands.some((c) => DOTNET_COMPILES.includes(dotnetCommand(c.words) ?? ''))) return true;
  }
  return false;
}

/** `dotnet publish` commands and the directory each writes (-o / --output), by instruction index. */
function publishes(input: PresetInput): { index: number; out: string | null }[] {
  const found: { index: number; out: string | null }[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      if (dotnetCommand(c.words) !== 'publish') continue;
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
    if (!SDK_NAMES.has(imageName(input.builderImage))) return null;
    const run = startedRun(input);
    if (run) return `\`${run.text}\` on line ${run.ins.line} builds and starts the project in a .NET SDK image`;
    if (!buildsDotnet(input)) return null;
    const started = startedDll(input);
    return started ? `\`dotnet ${started.dll}\` on line ${started.ins.line} in a .NET SDK image` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const kind = runtimeKind(input);
    const found = dotnetRuntimeImage(input.builderImage, kind.kind);
    if ('miss' in found) return { declines: [{ id: found.miss === 'alpine-globalization' ? 'dotnet-alpine-globalization' : 'dotnet-image-unknown', data: { image: input.builderImage } }] };
    const image = found.image;
    const why = `the ${kind.kind === 'aspnet' ? 'ASP.NET Core' : '.NET'} runtime of the version of ${input.builderImage} (${kind.why})`;
    const run = startedRun(input);
    if (run) return decideRun(input, run, image, why);
    const started = startedDll(input)!;
    const line = started.ins.line;
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
      runtimeBase: { image, why },
      artifacts: [{ path: step.out, producer: step.index, why: { id: 'artifact-output', data: { path: step.out, command: 'dotnet publish' }, line: input.model.instructions[step.index]!.line } }],
      declines,
    };
  },
} satisfies Preset;
