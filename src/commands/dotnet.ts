// dotnet. https://learn.microsoft.com/dotnet/core/tools/
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily } from './types.js';

/** The word after `dotnet` (its command, `publish` or `run`, or the assembly it starts, `App.dll`; '' when none), or null when the words do not run dotnet. */
export function dotnetCommand(words: readonly string[]): string | null {
  return words[0] === 'dotnet' ? (words[1] ?? '') : null;
}

/** dotnet commands that compile .NET code. https://learn.microsoft.com/dotnet/core/tools/dotnet-msbuild */
export const DOTNET_COMPILES = ['publish', 'build', 'msbuild', 'pack'];

export default {
  id: 'dotnet',
  names: ['dotnet'],
  subcommands: {
    dotnet: [
      { kind: 'build', sub: ['build', 'publish', 'restore'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: ['run'] },
    ],
  },
  outputs({ words }, { cwd }) {
    // `dotnet publish -o DIR` writes the deployable app there; without -o, bin/<configuration>/<framework>/publish
    // https://learn.microsoft.com/dotnet/core/tools/dotnet-publish
    if (words.slice(1).find((w) => !w.startsWith('-')) !== 'publish') return null;
    const o = optionValue(words, '-o', '--output');
    return o ? { paths: [joinPath(cwd, o)], unnamed: false } : { paths: [], unnamed: true };
  },
  toolchainAtRuntime: [/^dotnet run\b/],
} satisfies CommandFamily;
