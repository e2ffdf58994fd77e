// conda and mamba install packages into an environment of the image (repeated in the runtime stage).
// https://docs.conda.io/projects/conda/en/latest/commands/index.html  https://mamba.readthedocs.io/
import type { CommandFamily } from './types.js';

export default {
  id: 'conda',
  names: ['conda', 'mamba'],
  kinds: { conda: 'setup', mamba: 'setup' },
  replayed: ['conda', 'mamba'],
} satisfies CommandFamily;
