// A `# syntax=IMAGE` parser directive makes BuildKit fetch that frontend image from a registry before
// it reads the rest of the file, which fails offline (and runs a frontend other than the engine's own).
// Builds made for testing (`dfsplit verify`, the e2e suite) use a copy without it.

/** One parser directive line (`# name=value`; BuildKit reads them only at the top of the file). */
const DIRECTIVE = /^[ \t]*#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=/;

/**
 * The text without its `# syntax=` directive. Directives are the leading `# key=value` lines; the
 * first other line (a plain comment, a blank line, an instruction) ends them, so a `# syntax=` comment
 * further down is left alone. A BOM, CRLF line ends and every other directive (`# escape=`, `# check=`)
 * are kept. Returns the text itself when it has no such directive.
 */
export function stripSyntaxDirective(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = text.slice(bom.length).split('\n');
  const kept: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) break;
    if (m[1]!.toLowerCase() !== 'syntax') kept.push(lines[i]!);
  }
  if (kept.length === i) return text;
  return bom + [...kept, ...lines.slice(i)].join('\n');
}
