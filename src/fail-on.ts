// `--check --fail-on`: the file statuses that fail a check run (exit 1 for changed and declined, 2 for an
// error), from the command line or the configuration's `failOn`. Light: src/cli-main.ts validates the flag
// with it before anything heavy loads.

export const FAIL_ON_STATUSES = ['changed', 'declined', 'error'] as const;
export type FailOnStatus = (typeof FAIL_ON_STATUSES)[number];

/** What `--check` fails on when neither the command line nor the configuration says: as eslint, changes and errors. */
export const DEFAULT_FAIL_ON: readonly FailOnStatus[] = ['changed', 'error'];

/** `--fail-on` as typed (comma-separated, the flag repeatable), or the sentence that refuses it. */
export function parseFailOn(values: readonly string[]): FailOnStatus[] | string {
  const words = values.flatMap((v) => v.split(',')).map((w) => w.trim());
  const bad = words.find((w) => !(FAIL_ON_STATUSES as readonly string[]).includes(w));
  if (bad !== undefined || !words.length) return `--fail-on takes a comma-separated list of ${FAIL_ON_STATUSES.join(', ')}${bad === undefined ? '' : `; got ${JSON.stringify(bad)}`}`;
  return [...new Set(words as FailOnStatus[])];
}
