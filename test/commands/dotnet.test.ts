// The dotnet family (src/commands/dotnet.ts): the SDK's subcommands, where `dotnet publish` writes, and
// what a container that runs `dotnet run` needs.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf } from '../../src/commands/index.js';
import dotnet, { dotnetCommand } from '../../src/commands/dotnet.js';
import { convert } from '../../src/convert.js';

const run = (script: string) => analyzeRun(script, { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() }).commands[0]!;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('dotnet family', () => {
  it('answers for dotnet', () => {
    expect(familyOf('dotnet')).toBe(dotnet);
  });

  it('classifies subcommands (subcommands)', () => {
    for (const sub of ['build', 'publish -c Release', 'restore']) expect(run(`dotnet ${sub}`).kind, sub).toBe('build');
    expect(run('dotnet test').kind).toBe('test');
    expect(run('dotnet run').kind).toBe('toolchain-run');
    expect(run('dotnet tool install -g x').kind).toBe('unknown');
  });

  it('names the directory `dotnet publish -o` writes, else leaves it unnamed (outputs)', () => {
    expect(run('dotnet publish -c Release -o /app/out').outputs).toEqual(['/app/out']);
    expect(run('dotnet publish --output=out').outputs).toEqual(['/src/out']);
    expect(run('dotnet publish -c Release').unnamedOutputs).toBe(true);
    expect(run('dotnet build -o /app/build').unnamedOutputs).toBe(true);
  });

  it('copies the published directory into the runtime stage', () => {
    const r = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y dotnet-sdk-8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nCMD ["/app/api"]\n', { preset: 'generic' });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /app /app');
  });

  it('declines a container that runs `dotnet run` (toolchainAtRuntime)', () => {
    expect(ids('FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\nCMD dotnet run\n')).toContain('runtime-uses-toolchain');
    expect(ids('FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\nCMD ["dotnet", "run", "--project", "api"]\n')).toContain('runtime-uses-toolchain');
  });

  it('tells the dotnet preset the command after dotnet, and which compile (dotnetCommand, DOTNET_COMPILES)', () => {
    expect(dotnetCommand(['dotnet', 'publish', '-c', 'Release'])).toBe('publish');
    expect(dotnetCommand(['dotnet', 'Api.dll'])).toBe('Api.dll');
    expect(dotnetCommand(['mono', 'Api.exe'])).toBeNull();
    // a RUN that compiles with no publish is declined for the missing publish; one that only restores compiles nothing
    const file = (run: string) => ids(`FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nRUN ${run}\nENTRYPOINT ["dotnet", "bin/Release/net8.0/Api.dll"]\n`);
    for (const run of ['dotnet build -c Release', 'dotnet msbuild', 'dotnet pack -c Release']) expect(file(run), run).toEqual(['dotnet-publish-missing']);
    expect(file('dotnet restore')).not.toContain('dotnet-publish-missing');
  });
});
