// dotnet. https://learn.microsoft.com/dotnet/core/tools/
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily } from './types.js';

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
