// Types of bench/safety-scan.mjs for test/secrets.test.ts, which runs its detector on src/ instead of dist/.
export interface Unsafe {
  kind: 'deleted' | 'deleted-part' | 'secret' | 'system-dir';
  text: string;
  detail: string;
}
export interface ScanLib {
  parse: (text: string) => unknown;
  analyze: (model: never) => unknown;
  copyDestination: (ins: never, workdir: string) => string | null;
  joinPath: (base: string | null, next: string) => string;
  homeOf: (user: string | null, env: never) => string;
  flag: (ins: never, name: string) => string | undefined;
  secretLike: (path: string) => string | null;
  systemDir: (path: string) => boolean;
}
export function detect(input: string, result: { status: string; output: string; runtimeStage: { text: string; line: number | null }[] }, lib: ScanLib): Unsafe[];
