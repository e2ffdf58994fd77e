// What a conversion saves in base-image size (issue 24): the image table's estimates (src/images.ts imageSizeMB),
// the result's `saves.size`, and how the reports word it (src/report/saves.ts).
import { describe, expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import { imageSizeMB } from '../src/images.js';
import { addSize, leftBehind, savesBrief, savesText, type SizeTotal } from '../src/report/saves.js';

describe('imageSizeMB', () => {
  it('estimates the builder and runtime images of each family, variant by variant', () => {
    const pairs: [string, string, number, number][] = [
      ['node:20', 'node:20-slim', 1100, 200],
      ['node:20-bookworm', 'node:20-bookworm-slim', 1100, 200],
      ['python:3.12', 'python:3.12-slim-bookworm', 1020, 130],
      ['python:3.12-alpine3.19', 'alpine:3.19', 55, 8],
      ['ruby:3.3', 'ruby:3.3-slim', 1000, 220],
      ['golang:1.22', 'gcr.io/distroless/static-debian12', 830, 2],
      ['golang:1.22-alpine', 'alpine:3.19', 250, 8],
      ['golang:1.22-bookworm', 'debian:bookworm-slim', 830, 75],
      ['rust:1-bookworm', 'debian:bookworm-slim', 1500, 75],
      ['gcc:13', 'gcr.io/distroless/cc-debian12', 1400, 23],
      ['eclipse-temurin:17-jdk', 'eclipse-temurin:17-jre', 410, 270],
      ['eclipse-temurin:17-jdk-alpine', 'eclipse-temurin:17-jre-alpine', 330, 170],
      ['maven:3-eclipse-temurin-17', 'eclipse-temurin:17-jre', 480, 270],
      ['maven:3-jdk-8', 'openjdk:8-jre', 525, 270],
      ['maven:3.6-openjdk-11-slim', 'openjdk:11-jre-slim', 435, 220],
      ['openjdk:8-jdk-alpine', 'openjdk:8-jre-alpine', 105, 85],
      ['gradle:8.5-jdk17', 'eclipse-temurin:17-jre', 700, 270],
      ['debian:bookworm', 'debian:bookworm-slim', 120, 75],
      ['ubuntu:22.04', 'scratch', 78, 0],
      ['php:8.2-apache', 'php:8.2-fpm-alpine', 500, 95],
      ['mcr.microsoft.com/dotnet/sdk:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0', 850, 220],
    ];
    for (const [from, to, before, after] of pairs) expect([from, to, imageSizeMB(from), imageSizeMB(to)]).toEqual([from, to, before, after]);
  });

  it('has no estimate for an image outside the table, a variant it does not size, a variable tag or a Windows image', () => {
    for (const image of ['myorg/app:1', 'rustlang/rust:nightly', 'gcr.io/distroless/java17-debian12', 'openjdk:17', 'eclipse-temurin:17-jre-ubi9-minimal', 'golang:1.22-slim', 'mcr.microsoft.com/dotnet/sdk:6.0', 'node:${NODE_VERSION}', 'python:3.12-windowsservercore'])
      expect([image, imageSizeMB(image)]).toEqual([image, null]);
  });
});

describe('saves.size', () => {
  const go = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /app .\nCMD ["/app"]\n';
  const dotnet = (version: string) => `FROM mcr.microsoft.com/dotnet/sdk:${version}\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nWORKDIR /app\nENTRYPOINT ["dotnet", "app.dll"]\n`;
  it("is the builder's and the runtime base's estimates when the table has both", () => {
    expect(convert(go).saves?.size).toEqual({ before: 830, after: 20 });
    expect(convert(dotnet('8.0')).saves?.size).toEqual({ before: 850, after: 220 });
  });
  it('is absent when either image has no estimate, and on the same image', () => {
    const unknown = convert(dotnet('6.0')).saves!;
    expect(unknown.image).toEqual({ from: 'mcr.microsoft.com/dotnet/sdk:6.0', to: 'mcr.microsoft.com/dotnet/aspnet:6.0' });
    expect('size' in unknown).toBe(false);
    const same = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y g++ make\nWORKDIR /src\nCOPY . .\nRUN ./configure --prefix=/opt/app && make && make install\nCMD ["/opt/app/bin/tool"]\n').saves!;
    expect(same.image).toBeNull();
    expect('size' in same).toBe(false);
  });
});

describe('the words of what a conversion saves', () => {
  const saves = { packages: ['gcc', 'libpq-dev'], tools: ['go'], caches: [] as string[], image: { from: 'golang:1.22', to: 'debian:bookworm-slim' }, env: ['GOPATH'], size: { before: 830, after: 75 } };
  it('explain and --interactive: the images with their sizes, then what stays in the builder', () => {
    expect(savesText(saves)).toBe('runs on debian:bookworm-slim instead of golang:1.22 (base images ≈ 830 MB → 75 MB); leaves the build and test tools behind (go); leaves the build-only packages behind (gcc, libpq-dev); leaves the build-tool variables in the builder (GOPATH)');
    expect(savesText({ ...saves, size: undefined })).toMatch(/^runs on debian:bookworm-slim instead of golang:1\.22; leaves/);
  });
  it('the CI formats: the sizes, the tools and the packages, names written as the format needs', () => {
    expect(savesBrief(saves)).toBe('base images ≈ 830 MB → 75 MB; tools left behind: go; packages left behind: gcc, libpq-dev');
    expect(savesBrief({ ...saves, size: undefined, packages: [] }, (s) => `<${s}>`)).toBe('tools left behind: <go>');
    // a same-image split whose gain is a JVM build's dependency cache says so
    const maven = { ...saves, tools: ['mvn'], packages: [], caches: ['~/.m2'], image: null, env: [], size: undefined };
    expect(savesBrief(maven)).toBe('tools left behind: mvn; caches left behind: ~/.m2');
    // written as the format needs (markdown escapes `~`, which strikes text through)
    expect(savesBrief(maven, (s) => `<${s}>`)).toBe('tools left behind: <mvn>; caches left behind: <~/.m2>');
    expect(savesText(maven)).toBe('runs on the same image; leaves the build and test tools behind (mvn); leaves the dependency caches in the builder (~/.m2)');
  });
  it('the summary: the base image left behind over the files with an estimate, in MB or GB; nothing without one', () => {
    const total: SizeTotal = { files: 0, before: 0, after: 0 };
    addSize(total, { ...saves, size: undefined });
    addSize(total, null);
    expect(leftBehind(total)).toBe('');
    addSize(total, saves);
    expect(total).toEqual({ files: 1, before: 830, after: 75 });
    expect(leftBehind(total)).toBe('≈ 755 MB of base image left behind');
    addSize(total, { ...saves, size: { before: 1100, after: 200 } });
    expect(leftBehind(total)).toBe('≈ 1.7 GB of base image left behind');
  });
});
