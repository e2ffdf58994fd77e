// The small pure helpers behind `dfsplit verify` and the e2e builds: stripping a `# syntax=` directive
// (BuildKit would fetch a frontend image for it, which fails offline) and reading Docker versions.
import { describe, expect, it } from 'vitest';
import { stripSyntaxDirective } from '../src/verify/syntax-directive.js';
import { versionBefore } from '../src/verify/index.js';

describe('stripSyntaxDirective', () => {
  it('removes a leading # syntax= line and keeps the rest byte for byte', () => {
    expect(stripSyntaxDirective('# syntax=docker/dockerfile:1\nFROM alpine\nRUN true\n')).toBe('FROM alpine\nRUN true\n');
    expect(stripSyntaxDirective('#syntax = docker/dockerfile:1.4\nFROM alpine\n')).toBe('FROM alpine\n');
    expect(stripSyntaxDirective('# SYNTAX=docker/dockerfile:1\nFROM alpine\n')).toBe('FROM alpine\n');
  });

  it('keeps the other directives, a BOM and CRLF line ends', () => {
    expect(stripSyntaxDirective('# escape=`\n# syntax=docker/dockerfile:1\nFROM alpine\n')).toBe('# escape=`\nFROM alpine\n');
    expect(stripSyntaxDirective('\uFEFF# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM alpine\r\n')).toBe('\uFEFF# escape=`\r\nFROM alpine\r\n');
  });

  it('leaves a # syntax= that is no directive alone (after a comment, a blank line or an instruction)', () => {
    for (const text of ['FROM alpine\n# syntax=docker/dockerfile:1\n', '# a comment\n# syntax=docker/dockerfile:1\nFROM alpine\n', '\n# syntax=docker/dockerfile:1\nFROM alpine\n', 'FROM alpine\n', '']) {
      expect(stripSyntaxDirective(text)).toBe(text);
    }
  });
});

describe('versionBefore', () => {
  it('compares major.minor of Docker versions', () => {
    expect(versionBefore('20.10.24+dfsg1', 18, 9)).toBe(false);
    expect(versionBefore('18.09.7', 18, 9)).toBe(false);
    expect(versionBefore('18.06.3-ce', 18, 9)).toBe(true);
    expect(versionBefore('17.12.1-ce', 18, 9)).toBe(true);
    expect(versionBefore('20.10.24+dfsg1', 23, 0)).toBe(true);
    expect(versionBefore('27.3.1', 23, 0)).toBe(false);
    expect(versionBefore('master-dockerproject-2024', 18, 9)).toBe(false);
  });
});
