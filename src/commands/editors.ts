// Stream editors that edit files in place: sed -i.
// https://www.gnu.org/software/sed/manual/sed.html#Command_002dLine-Options
import type { CommandFamily } from './types.js';

export default {
  id: 'editors',
  names: ['sed'],
  // `sed -i 's/a/b/' FILE...` edits each file after the script in place: the files must exist (-e and -f take the script's value)
  paths: { sed: { needs: 'after-first', valueOptions: ['-e', '-f'], onlyWith: '-i' } },
} satisfies CommandFamily;
