// conda and mamba install packages into an environment of the image (repeated in the runtime stage).
// https://docs.conda.io/projects/conda/en/latest/commands/index.html  https://mamba.readthedocs.io/
import type { CommandFamily } from './types.js';

/**
 * Subcommands that only unpack prebuilt packages from a channel, or only read or change conda's own settings and
 * caches: they compile nothing (https://docs.conda.io/projects/conda/en/latest/user-guide/concepts/packages.html).
 * Not `env create`/`env update` (an environment file's `pip:` section runs pip), `run`, `build` or `develop`.
 */
const PREBUILT = ['install', 'create', 'update', 'upgrade', 'remove', 'uninstall', 'config', 'clean', 'list', 'info', 'search'];

export default {
  id: 'conda',
  names: ['conda', 'mamba'],
  kinds: { conda: 'setup', mamba: 'setup' },
  replayed: ['conda', 'mamba'],
  compilesNothing: ({ args }) => PREBUILT.includes(args.find((w) => !w.startsWith('-')) ?? ''),
} satisfies CommandFamily;
