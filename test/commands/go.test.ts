// The go family (src/commands/go.ts): what each go subcommand is, where `go build`, `go install` and
// `go get` put binaries, and what a container that runs `go run` needs.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, packageProvides, toolboxPrograms } from '../../src/commands/index.js';
import go, { buildsGoBinary, goBuildSources, goGetInGopathMode, goGetPackage, goImportsOnlyStd, goModuleNeed, goSubcommand } from '../../src/commands/go.js';
import { goVersion } from '../../src/images.js';
import { convert } from '../../src/convert.js';
import { memoryContext } from '../../src/context.js';

const env = (vars: Record<string, string> = {}) => new Map(Object.entries(vars));
const run = (script: string, vars: Record<string, string> = {}) => analyzeRun(script, { workdir: '/src/app', user: null, env: env(vars), removedLater: new Set<string>() }).commands[0]!;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('go family', () => {
  it('answers for go', () => {
    expect(familyOf('go')).toBe(go);
  });

  it('classifies subcommands (subcommands)', () => {
    for (const sub of ['build', 'install', 'mod download', 'get', 'generate', 'vet']) expect(run(`go ${sub}`).kind, sub).toBe('build');
    expect(run('go test ./...').kind).toBe('test');
    expect(run('go run .').kind).toBe('toolchain-run');
    expect(run('go env GOPATH').kind).toBe('unknown');
    expect(run('/usr/local/go/bin/go build').kind).toBe('build');
  });

  it('names the binary `go build` writes (outputs)', () => {
    expect(run('go build -o /out/server ./cmd/server').outputs).toEqual(['/out/server']);
    expect(run('go build').outputs).toEqual(['/src/app/app']);
    expect(run('go build main.go util.go').outputs).toEqual(['/src/app/main']);
    expect(run('go build -ldflags "-s -w" ./cmd/api').outputs).toEqual(['/src/app/api']);
    expect(run('go build -tags netgo ./cmd/api').outputs).toEqual(['/src/app/api']);
    expect(run('go build ./...').unnamedOutputs).toBe(true);
  });

  it('names the directories whose sources `go build` and `go install` compile (goBuildSources)', () => {
    const at = { cwd: '/src/app', env: env({ GOPATH: '/go' }) };
    const words = (s: string) => s.split(' ');
    expect(goBuildSources(words('go build -o /out/server ./cmd/server'), at)).toEqual(['/src/app/cmd/server']);
    expect(goBuildSources(words('go build'), at)).toEqual(['/src/app']);
    expect(goBuildSources(words('go build main.go util.go'), at)).toEqual(['/src/app']);
    expect(goBuildSources(words('go build /go/src/app/notifyuser.go'), at)).toEqual(['/go/src/app']);
    expect(goBuildSources(words('go install -tags netgo ./...'), at)).toEqual(['/src/app']);
    // an import path is a directory of the GOPATH's src, with a domain or without (`go install myapp`)
    expect(goBuildSources(words('go install github.com/me/app'), at)).toEqual(['/go/src/github.com/me/app']);
    expect(goBuildSources(words('go install myapp'), at)).toEqual(['/go/src/myapp']);
    expect(goBuildSources(words('go install example.com/x/tool@v1.2.3'), at)).toBeNull();
    expect(goBuildSources(words('go build $PKG'), at)).toBeNull();
    expect(goBuildSources(words('go get github.com/me/app'), at)).toBeNull();
  });

  it('puts `go install` and GOPATH-mode `go get` binaries in GOBIN, else GOPATH/bin (outputs)', () => {
    expect(run('go install ./cmd/tool').outputs).toEqual(['/root/go/bin/tool']);
    expect(run('go install example.com/x/tool@v1.2.3', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/tool']);
    expect(run('go install ./cmd/tool', { GOBIN: '/usr/local/bin', GOPATH: '/go' }).outputs).toEqual(['/usr/local/bin/tool']);
    // every main package `./...` matches goes to GOBIN: the directory holds exactly them
    expect(run('go install -v ./...', { GOPATH: '/go' }).outputs).toEqual(['/go/bin']);
    expect(run('go build ./...').outputs).toEqual([]);
    expect(run('go get github.com/x/tool/...', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/tool']);
    expect(run('go get -d github.com/x/tool').outputs).toEqual([]);
    // one package by import path: the binary, and the GOPATH's src where the fetched sources stay
    expect(run('go get -u github.com/x/tool', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/tool', '/go/src']);
    expect(run('go get github.com/x/tool', { GOPATH: '/go:/other' }).outputs).toEqual(['/go/bin/tool', '/go/src']);
    // module mode names the binary without the major-version suffix (golang.org/issue/24667); v1 is no such suffix
    expect(run('go install github.com/x/tool/v2@latest', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/tool']);
    expect(run('go install github.com/x/tool/v12/cmd/z@v12.0.1', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/z']);
    expect(run('go install github.com/x/v1@latest', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/v1']);
    for (const sub of ['mod download', 'generate ./...', 'vet ./...']) {
      const c = run(`go ${sub}`);
      expect([c.outputs, c.unnamedOutputs], sub).toEqual([[], false]);
    }
  });

  it('reads the one package a GOPATH-mode go get names (goGetPackage)', () => {
    expect(goGetPackage(['go', 'get', '-u', '-v', 'github.com/x/tool'])).toBe('github.com/x/tool');
    expect(goGetPackage(['go', 'get', 'gopkg.in/yaml.v2'])).toBe('gopkg.in/yaml.v2');
    for (const words of [
      ['go', 'get', '-d', 'github.com/x/tool'],
      ['go', 'get', 'github.com/x/tool/...'],
      ['go', 'get', '.'],
      ['go', 'get', './cmd/x'],
      ['go', 'get', 'github.com/x/a', 'github.com/x/b'],
      ['go', 'get', '-tags', 'netgo', 'github.com/x/tool'],
      ['go', 'get', '$PKG'],
      ['go', 'get', 'github.com/x/tool@v1.2.3'],
      ['go', 'install', 'github.com/x/tool'],
    ])
      expect(goGetPackage(words), words.join(' ')).toBeNull();
  });

  it('tells when go get runs in GOPATH mode (goGetInGopathMode, goVersion)', () => {
    expect(goVersion('golang:1.10')).toBe('1.10');
    expect(goVersion('golang:1.9.2-alpine3.7')).toBe('1.9');
    for (const image of ['golang', 'golang:1', 'golang:alpine', 'golang:latest', 'node:1.2']) expect(goVersion(image), image).toBeNull();
    expect(goGetInGopathMode('1.10', undefined, true)).toBe(true);
    expect(goGetInGopathMode('1.12', undefined, false)).toBe(true);
    expect(goGetInGopathMode('1.12', 'auto', true)).toBe(false);
    expect(goGetInGopathMode('1.15', 'on', false)).toBe(false);
    expect(goGetInGopathMode('1.16', undefined, false)).toBe(false);
    expect(goGetInGopathMode('1.21', 'off', true)).toBe(true);
    expect(goGetInGopathMode(null, undefined, false)).toBe(false);
  });

  it('copies the binary a build names into the runtime stage', () => {
    const r = convert('FROM golang:1.22-bookworm\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/server ./cmd/server\nCMD ["server"]\n', { preset: 'generic', runtimeBase: 'debian:bookworm-slim' });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /usr/local/bin/server /usr/local/bin/server');
  });

  it('declines a container that runs `go run` (toolchainAtRuntime)', () => {
    expect(ids('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./...\nCMD go run .\n')).toContain('runtime-uses-toolchain');
    expect(ids('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n')).not.toContain('runtime-uses-toolchain');
  });

  it('reads the vendoring tools as build steps that write nothing the container needs (kinds, outputs)', () => {
    for (const script of ['govendor sync', '/go/bin/govendor sync', 'dep ensure -update', 'glide install']) {
      const c = run(script, { GOPATH: '/go' });
      expect([c.kind, c.outputs, c.unnamedOutputs], script).toEqual(['build', [], false]);
    }
    expect(familyOf('glide')).toBe(go);
    for (const name of ['govendor', 'dep', 'glide']) expect(toolboxPrograms, name).toContain(name);
    // not repeated in the runtime stage, which has no go to run them with
    const r = convert('FROM golang:1.12-alpine\nWORKDIR /go/src/app\nCOPY main.go ./\nRUN govendor sync && go build -o /app .\nCMD ["/app"]\n');
    expect(r.status).toBe('changed');
    expect(r.output.slice(r.output.lastIndexOf('\nFROM '))).not.toContain('govendor');
  });

  it('copies a binary where the mv or cp of its RUN puts it (carriedOut)', () => {
    const out = (text: string) => convert(`FROM golang:1.12-alpine\nWORKDIR /go/src/app\nCOPY main.go ./\n${text}\nCMD ["/srv/app"]\n`);
    expect(out('RUN go build && mv app /srv/app && rm -rf /go/src').output).toContain('COPY --from=builder /srv/app /srv/app');
    // into a directory every image has: the binary's own name inside it
    expect(convert('FROM golang:1.12-alpine\nWORKDIR /go/src/app\nCOPY main.go ./\nRUN go build && mv app /usr/local/bin\nCMD ["app"]\n').output).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app');
    // a mv whose failure is ignored, one of a directory around it, or one deleted again: where the binary is, is not known
    for (const text of ['RUN go build && mv app /srv/app; true', 'RUN go build && mv app /srv/app || true', 'RUN go build && mv app /srv/app || (echo failed)', 'RUN go build && mv /go/src/app /srv/src', 'RUN go build && mv app /srv/app && rm -rf /srv'])
      expect(
        out(text).reasons.map((r) => r.id),
        text,
      ).toContain('output-not-located');
  });

  it('knows go as a build tool and Debian golang-go as its package (toolbox, provides)', () => {
    expect(toolboxPrograms).toContain('go');
    expect(packageProvides('golang-go')).toEqual(['go']);
  });

  it('tells the go preset which commands build a binary: go build, go install, a GOPATH-mode go get (buildsGoBinary)', () => {
    expect(goSubcommand(['go', '-C', 'x'])).toBe('x');
    expect(goSubcommand(['gofmt', '-l', '.'])).toBeNull();
    const builds = (script: string) => buildsGoBinary(run(script).words, run(script).outputs);
    for (const script of ['go build -o /app .', 'go install ./cmd/server', 'go get github.com/x/tool']) expect(builds(script), script).toBe(true);
    for (const script of ['go get -d ./...', 'go mod download', 'go test ./...', 'gofmt -l .']) expect(builds(script), script).toBe(false);
    // the preset builds on it: a `go build` is copied out of the builder
    expect(convert('FROM golang:1.22\nWORKDIR /src\nCOPY main.go ./\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n').output).toContain('COPY --from=builder /app /app');
  });
});

describe('what a go command needs of a main module on the newest Go', () => {
  it('needs none for a versioned install, the files for a build of .go files, a module for the rest', () => {
    expect(goModuleNeed(['go', 'install', 'example.com/tool@v1.2.3'])).toBe('none');
    expect(goModuleNeed(['go', 'run', 'example.com/tool@latest'])).toBe('none');
    expect(goModuleNeed(['go', 'build', '-o', 'report', 'report.go', 'util.go'])).toBe('files');
    for (const words of [
      ['go', 'build', '.'],
      ['go', 'install', 'github.com/x/y'],
      ['go', 'get', 'github.com/x/y'],
      ['go', 'build', 'main.go', './cmd'],
      ['go', 'install', 'example.com/a@v1', 'example.com/b'],
    ])
      expect(goModuleNeed(words), words.join(' ')).toBe('module');
  });
  it('tells a standard-library-only source from one that imports a module', () => {
    expect(goImportsOnlyStd('package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n')).toBe(true);
    expect(goImportsOnlyStd('package main\n\n// #include <stdio.h>\nimport "C"\nimport f "fmt"\n')).toBe(true);
    expect(goImportsOnlyStd('package main\n\nimport (\n\t"fmt"\n\t"github.com/gorilla/mux"\n)\n')).toBe(false);
    expect(goImportsOnlyStd('package main\nimport m "gopkg.in/yaml.v2"\n')).toBe(false);
  });
  it('leaves a GOPATH-era build on a pinned golang to a build, and keeps a module static', () => {
    const gopath = 'FROM golang\nADD . /go/src/github.com/x/app\nRUN go install github.com/x/app\nENTRYPOINT ["/go/bin/app"]\n';
    expect(ids(gopath)).toEqual(['needs-verify']);
    expect(convert(gopath).reasons[0]!.message).toContain('golang:trixie, the builder pinned from golang');
    const module = 'FROM golang\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY main.go ./\nRUN go build -o /app .\nCMD ["/app"]\n';
    expect(convert(module).status).toBe('changed');
    expect(convert(module).output).toContain('FROM golang:trixie AS builder');
    // a tag that names its Go version named the same Go then: the pin fixes only the release
    expect(
      convert('FROM golang:1.26\nADD . /go/src/github.com/x/app\nRUN GO111MODULE=off go install github.com/x/app\nENTRYPOINT ["/go/bin/app"]\n')
        .reasons.map((r) => r.message)
        .join(),
    ).not.toContain('newest Go');
  });
});

describe("go-wrapper, the golang images' helper before 1.10 (helpers)", () => {
  it('reads download and install as the go commands they run', () => {
    const download = run('go-wrapper download', { GOPATH: '/go' });
    expect(download.words).toEqual(['go', 'get', '-v', '-d', './...']);
    expect(download.kind).toBe('build');
    expect(download.outputs).toEqual([]);
    // which binary it installs depends on the import path the sources declare: the GOPATH's bin holds it either way
    const install = run('go-wrapper install', { GOPATH: '/go' });
    expect(install.words).toEqual(['go', 'install', '-v', './...']);
    expect(install.outputs).toEqual(['/go/bin']);
    // options go to go install; packages named are installed as named
    expect(run('go-wrapper install -ldflags "-s" -a', { GOPATH: '/go' }).words).toEqual(['go', 'install', '-v', '-ldflags', '-s', '-a', './...']);
    expect(run('/usr/local/bin/go-wrapper install github.com/x/tool', { GOPATH: '/go' }).outputs).toEqual(['/go/bin/tool']);
  });

  it('leaves `go-wrapper run` and other words as they are', () => {
    expect(run('go-wrapper run').words).toEqual(['go-wrapper', 'run']);
    expect(run('go-wrapper').words).toEqual(['go-wrapper']);
  });

  it('starts the binary it installed instead of `go-wrapper run` (the go preset), named from the sources when the context has them', () => {
    const file = 'FROM golang:1.8\nWORKDIR /go/src/app\nCOPY . .\nRUN go-wrapper download && go-wrapper install\nCMD ["go-wrapper", "run", "-v"]\n';
    const bare = convert(file, { verify: true });
    expect(bare.status).toBe('changed');
    expect(bare.command?.to).toBe('["app", "-v"]');
    expect(bare.proof?.unproven.map((u) => u.id)).toContain('unproven-go-wrapper-binary');
    const named = convert(file, { context: memoryContext({ 'main.go': 'package main // import "example.com/acme/srv"\n\nfunc main() {}\n' }) });
    expect(named.status).toBe('changed');
    expect(named.command?.to).toBe('["/go/bin/srv", "-v"]');
    expect(named.proof?.level).toBe('static');
    const godir = convert(file, { context: memoryContext({ 'main.go': 'package main\n\nfunc main() {}\n', '.godir': 'example.com/acme/tool\n' }) });
    expect(godir.command?.to).toBe('["/go/bin/tool", "-v"]');
  });

  it('declines a `go-wrapper run` of the image with nothing it installed: the wrapper is not in the /go/bin the runtime copies', () => {
    expect(ids('FROM golang:1.8\nWORKDIR /go/src/app\nCOPY . .\nRUN go install -v ./...\nCMD ["go-wrapper", "run"]\n')).toContain('command-missing');
  });
});
