// The one printer of presets' steps and builder edits (src/step-printer.ts): each kind of step as the
// Dockerfile line it becomes, and each builder edit as the text it puts into the original.
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse.js';
import { print } from '../src/print.js';
import { runBefore, type PresetStep } from '../src/preset.js';
import { builderEditText, stepKeyword, stepScript, stepText } from '../src/step-printer.js';

describe('stepText', () => {
  const cases: [PresetStep, string][] = [
    [{ kind: 'copy', source: '/wheels', dest: '/wheels' }, 'COPY --from=builder /wheels /wheels'],
    [{ kind: 'copy', source: '/usr/local/lib64/libstdc++.so.6*', dest: '/usr/local/lib64/' }, 'COPY --from=builder /usr/local/lib64/libstdc++.so.6* /usr/local/lib64/'],
    [{ kind: 'copy', source: '/srv/my app', dest: '/app' }, 'COPY --from=builder ["/srv/my app", "/app"]'],
    [{ kind: 'copy', source: '/opt/$x', dest: '/opt/x' }, 'COPY --from=builder ["/opt/$x", "/opt/x"]'],
    [{ kind: 'copy', source: '/app', dest: '/app', chown: 'app:app' }, 'COPY --from=builder --chown=app:app /app /app'],
    [{ kind: 'run', script: 'ldconfig' }, 'RUN ldconfig'],
    [{ kind: 'install', manager: 'apt', packages: ['libpq5', 'ca-certificates'] }, 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/*'],
    [{ kind: 'install', manager: 'apt', packages: ['libpq5'], recommends: true }, 'RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*'],
    [{ kind: 'install', manager: 'apk', packages: ['libpq'] }, 'RUN apk add --no-cache libpq'],
    [{ kind: 'install', manager: 'yum', packages: ['libpq'], tool: 'microdnf' }, 'RUN microdnf install -y libpq && microdnf clean all'],
    [
      {
        kind: 'env',
        pairs: [
          ['GOPATH', '/go'],
          ['PATH', '/go/bin:/usr/bin'],
        ],
      },
      'ENV GOPATH=/go PATH=/go/bin:/usr/bin',
    ],
    [{ kind: 'workdir', path: '/go' }, 'WORKDIR /go'],
    [{ kind: 'user', user: 'root' }, 'USER root'],
  ];
  it.each(cases)('%j', (step, line) => {
    expect(stepText(step, 'builder')).toBe(line);
    expect(line.startsWith(`${stepKeyword(step)} `)).toBe(true);
  });

  it('copies from the stage it is given', () => {
    expect(stepText({ kind: 'copy', source: '/a', dest: '/b' }, 'build')).toBe('COPY --from=build /a /b');
  });

  it('gives the script of RUN steps only', () => {
    expect(stepScript({ kind: 'run', script: 'ldconfig' })).toBe('ldconfig');
    expect(stepScript({ kind: 'install', manager: 'apk', packages: ['git'] })).toBe('apk add --no-cache git');
    expect(stepScript({ kind: 'copy', source: '/a', dest: '/a' })).toBeNull();
  });
});

describe('builderEditText', () => {
  const model = parse('FROM golang:1.22\nWORKDIR /src\nRUN go mod download && go build -o /app .\nCMD ["/app"]\n');
  const script = 'go mod download && go build -o /app .';

  it('writes a RUN on a line of its own after the instruction', () => {
    const out = print(model, [builderEditText(model, { kind: 'run', after: 2, script: 'go vet ./...' })], []);
    expect(out.split('\n').slice(0, 5)).toEqual(['FROM golang:1.22', 'WORKDIR /src', `RUN ${script}`, 'RUN go vet ./...', 'CMD ["/app"]']);
  });

  it('runBefore adds the line right before the instruction it names', () => {
    const out = print(model, [builderEditText(model, runBefore(3, 'go vet ./...'))], []);
    expect(out.split('\n')[3]).toBe('RUN go vet ./...');
  });

  it('puts an assignment in front of the command at its offset in the script', () => {
    const at = script.indexOf('go build');
    const out = print(model, [builderEditText(model, { kind: 'assign', index: 2, at, name: 'CGO_ENABLED', value: '0' })], []);
    expect(out.split('\n')[2]).toBe('RUN go mod download && CGO_ENABLED=0 go build -o /app .');
  });

  it('finds the offset across a continuation and CRLF line ends', () => {
    const crlf = parse('FROM golang:1.22\r\nRUN go mod download \\\r\n && go build -o /app .\r\n');
    const out = print(crlf, [builderEditText(crlf, { kind: 'assign', index: 1, at: crlf.instructions[1]!.keyword === 'RUN' ? crlf.instructions[1]!.script.indexOf('go build') : -1, name: 'CGO_ENABLED', value: '0' })], []);
    expect(out.split('\r\n')[2]).toBe(' && CGO_ENABLED=0 go build -o /app .');
  });
});
