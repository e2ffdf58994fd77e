// R and Rscript: `R -e 'install.packages(...)'`, `Rscript -e ...` install packages into the system's R
// library (repeated in the runtime stage). https://stat.ethz.ch/R-manual/R-devel/library/utils/html/Rscript.html
import type { CommandFamily } from './types.js';

export default {
  id: 'r',
  names: ['R', 'Rscript'],
  kinds: { R: 'setup', Rscript: 'setup' },
  replayed: ['R', 'Rscript'],
  // install.packages(lib = ...) or a library path set in the expression
  installsElsewhere: (words) => /lib\s*=|\.libPaths|lib\.loc/.test(words.join(' ')),
} satisfies CommandFamily;
