// Types of bench/corpus-files.mjs for test/corpus/files.ts and vitest.corpus.config.ts.
export function corpusArchive(): string;
export function corpusDir(): string;
export function corpusRoot(): string;
export function corpusFiles(): string[];
