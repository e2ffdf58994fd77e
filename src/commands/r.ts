// R and Rscript: `R -e 'install.packages(...)'`, `Rscript -e ...` install packages into the system's R
// library (repeated in the runtime stage). https://stat.ethz.ch/R-manual/R-devel/library/utils/html/Rscript.html
import type { CommandFamily } from './types.js';

export default {
  id: 'r',
  names: ['R', 'Rscript'],
  kinds: { R: 'setup', Rscript: 'setup' },
  replayed: ['R', 'Rscript'],
} satisfies CommandFamily;
