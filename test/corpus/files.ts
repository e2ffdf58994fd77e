// Where the corpus is and its Dockerfiles: used by the tests in test/corpus/ and by
// vitest.corpus.config.ts (which must not load src/, so this module loads neither vitest nor src/). The
// unpacking lives in bench/corpus-files.mjs, shared with the scripts of bench/.
export { corpusArchive, corpusFiles } from '../../bench/corpus-files.mjs';
