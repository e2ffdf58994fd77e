// The image table (src/knowledge/images.ts) answers every question about base images. The expectations
// below were written from the answers of the functions it replaced (regular expressions in src/images.ts,
// src/knowledge/image-config.ts, src/plan.ts and the python, rust and go presets), before the change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtOnBuildpackDeps, devTableApplies, distributionOf, dotnetRuntimeImage, hasShell, isDistributionImage, isEmptyImage, isWindowsImage, jreImage, libcOf, packageManagerOf, shipsCompiler, slimVariant } from '../src/images.js';
import { gccRelease } from '../src/knowledge/cpp.js';
import { imageConfig } from '../src/knowledge/image-config.js';
import { runtimeImage as rustRuntimeImage } from '../templates/rust/index.js';

/** A stable digest of a configuration (keys sorted, sets as sorted lists). */
function digest(config: unknown): string {
  const canon = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canon)
      : x instanceof Set
        ? [...x].sort()
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.keys(x)
                .sort()
                .map((k) => [k, canon((x as Record<string, unknown>)[k])]),
            )
          : x;
  return createHash('sha256')
    .update(JSON.stringify(canon(config)))
    .digest('hex')
    .slice(0, 12);
}

// image, libc, shell, package manager, slim variant, Debian 12 library names, Windows, built on buildpack-deps,
// C compiler (python), a distribution's own image (go), the rust preset's runtime image (rust images), configuration digest
type Row = [string, string, boolean, string | null, string | null, boolean, boolean, boolean, boolean, boolean, string | null, string | null];
const OLD_ANSWERS: Row[] = [
  ['python', 'glibc', true, 'apt', 'python:slim', true, false, true, true, false, null, '0767f927804f'],
  ['python:3.11', 'glibc', true, 'apt', 'python:3.11-slim', true, false, true, true, false, null, '0767f927804f'],
  ['python:3.11-slim', 'glibc', true, 'apt', null, true, false, true, false, false, null, '5bc7bf1160cf'],
  ['python:3.11-slim-bookworm', 'glibc', true, 'apt', null, true, false, true, false, false, null, '8c6193dec368'],
  ['python:3.12-bookworm', 'glibc', true, 'apt', 'python:3.12-slim-bookworm', true, false, true, true, false, null, '0767f927804f'],
  ['python:3.6-stretch', 'glibc', true, 'apt', 'python:3.6-slim-stretch', false, false, true, true, false, null, '0767f927804f'],
  ['python:3.7-alpine', 'musl', true, 'apk', null, false, false, true, false, false, null, null],
  ['python:3.9-alpine3.18', 'musl', true, 'apk', null, true, false, true, false, false, null, null],
  ['python:3.8-onbuild', 'glibc', true, 'apt', null, true, false, true, true, false, null, '0767f927804f'],
  ['python:2.7-wheezy', 'glibc', true, 'apt', null, false, false, true, true, false, null, '0767f927804f'],
  ['python:3-windowsservercore', 'glibc', true, 'apt', null, false, true, true, false, false, null, '0767f927804f'],
  ['python:latest', 'glibc', true, 'apt', 'python:slim', true, false, true, true, false, null, '0767f927804f'],
  ['python:3.7-buster', 'glibc', true, 'apt', 'python:3.7-slim-buster', false, false, true, true, false, null, '0767f927804f'],
  ['python:3.10-bullseye', 'glibc', true, 'apt', 'python:3.10-slim-bullseye', false, false, true, true, false, null, '0767f927804f'],
  ['python:3.7', 'glibc', true, 'apt', 'python:3.7-slim', false, false, true, true, false, null, '0767f927804f'],
  ['python:3.8', 'glibc', true, 'apt', 'python:3.8-slim', true, false, true, true, false, null, '0767f927804f'],
  ['library/python:3.11', 'glibc', true, 'apt', 'python:3.11-slim', true, false, true, true, false, null, '0767f927804f'],
  ['docker.io/python:3.11', 'glibc', true, 'apt', null, true, false, true, true, false, null, '0767f927804f'],
  ['docker.io/library/python:3.11', 'glibc', true, 'apt', null, true, false, true, true, false, null, '0767f927804f'],
  ['localhost:5000/python:3.11', 'glibc', true, 'apt', null, true, false, true, true, false, null, null],
  ['myregistry.example.com:5000/python:3.11', 'glibc', true, 'apt', null, true, false, true, true, false, null, null],
  ['python:3.11@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'glibc', true, 'apt', null, true, false, true, true, false, null, '0767f927804f'],
  ['python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'glibc', true, 'apt', null, true, false, true, true, false, null, '0767f927804f'],
  ['node', 'glibc', true, 'apt', 'node:slim', true, false, true, false, false, null, '1649b882e0be'],
  ['node:18', 'glibc', true, 'apt', 'node:18-slim', true, false, true, false, false, null, '1649b882e0be'],
  ['node:16', 'glibc', true, 'apt', 'node:16-slim', false, false, true, false, false, null, '1649b882e0be'],
  ['node:20-slim', 'glibc', true, 'apt', null, true, false, true, false, false, null, '7962fff34fc6'],
  ['node:8-stretch', 'glibc', true, 'apt', 'node:8-stretch-slim', false, false, true, false, false, null, '1649b882e0be'],
  ['node:20-bookworm', 'glibc', true, 'apt', 'node:20-bookworm-slim', true, false, true, false, false, null, '1649b882e0be'],
  ['node:18-alpine', 'musl', true, 'apk', null, true, false, true, false, false, null, null],
  ['node:10-jessie', 'glibc', true, 'apt', null, false, false, true, false, false, null, '1649b882e0be'],
  ['node:lts', 'glibc', true, 'apt', 'node:lts-slim', true, false, true, false, false, null, '1649b882e0be'],
  ['node:current-slim', 'glibc', true, 'apt', null, true, false, true, false, false, null, '1969120e084b'],
  ['node:8-onbuild', 'glibc', true, 'apt', null, false, false, true, false, false, null, '1649b882e0be'],
  ['ruby', 'glibc', true, 'apt', 'ruby:slim', true, false, true, false, false, null, 'd4a3330f2bd3'],
  ['ruby:3.2', 'glibc', true, 'apt', 'ruby:3.2-slim', true, false, true, false, false, null, 'd4a3330f2bd3'],
  ['ruby:2.7-slim', 'glibc', true, 'apt', null, false, false, true, false, false, null, 'eff8840f12cc'],
  ['ruby:3.1-alpine', 'musl', true, 'apk', null, true, false, true, false, false, null, '0ccd92ee96a3'],
  ['ruby:2.6-stretch', 'glibc', true, 'apt', 'ruby:2.6-slim-stretch', false, false, true, false, false, null, 'd4a3330f2bd3'],
  ['ruby:3.3-slim-bookworm', 'glibc', true, 'apt', null, true, false, true, false, false, null, 'eff8840f12cc'],
  ['perl', 'glibc', true, 'apt', 'perl:slim', true, false, true, false, false, null, null],
  ['perl:5.36', 'glibc', true, 'apt', 'perl:5.36-slim', true, false, true, false, false, null, null],
  ['perl:5.30-threaded', 'glibc', true, 'apt', null, false, false, true, false, false, null, null],
  ['perl:5.38-slim', 'glibc', true, 'apt', null, true, false, true, false, false, null, null],
  ['golang', 'glibc', true, 'apt', null, true, false, true, false, false, null, '2e9379827e78'],
  ['golang:1.21', 'glibc', true, 'apt', null, true, false, true, false, false, null, '2e9379827e78'],
  ['golang:1.19', 'glibc', true, 'apt', null, false, false, true, false, false, null, '2e9379827e78'],
  ['golang:1.21-alpine', 'musl', true, 'apk', null, true, false, true, false, false, null, 'cfb771ab55ce'],
  ['golang:1.20-bullseye', 'glibc', true, 'apt', null, false, false, true, false, false, null, '2e9379827e78'],
  ['golang:1.22-bookworm', 'glibc', true, 'apt', null, true, false, true, false, false, null, '2e9379827e78'],
  ['rust', 'glibc', true, 'apt', 'rust:slim', true, false, true, false, false, null, '1a2cb81bf4ea'],
  ['rust:1.75', 'glibc', true, 'apt', 'debian:bookworm-slim', true, false, true, false, false, 'debian:bookworm-slim', '1a2cb81bf4ea'],
  ['rust:1.70', 'glibc', true, 'apt', 'debian:bookworm-slim', true, false, true, false, false, 'debian:bookworm-slim', '1a2cb81bf4ea'],
  ['rust:1.60', 'glibc', true, 'apt', 'debian:bookworm-slim', false, false, true, false, false, null, '1a2cb81bf4ea'],
  ['rust:1-bookworm', 'glibc', true, 'apt', 'debian:bookworm-slim', true, false, true, false, false, 'debian:bookworm-slim', '1a2cb81bf4ea'],
  ['rust:1.75-bullseye', 'glibc', true, 'apt', 'rust:1.75-slim-bullseye', false, false, true, false, false, 'debian:bullseye-slim', '1a2cb81bf4ea'],
  ['rust:1-slim', 'glibc', true, 'apt', null, false, false, true, false, false, null, '1b91f2b6bb4b'],
  ['rust:1.75-slim-bookworm', 'glibc', true, 'apt', null, true, false, true, false, false, 'debian:bookworm-slim', '1fe8d7fb65a3'],
  ['rust:1-alpine', 'musl', true, 'apk', null, false, false, true, false, false, null, null],
  ['rust:nightly', 'glibc', true, 'apt', null, false, false, true, false, false, null, '1a2cb81bf4ea'],
  ['rust:1-trixie', 'glibc', true, 'apt', 'rust:1-slim-trixie', false, false, true, false, false, 'debian:trixie-slim', '1a2cb81bf4ea'],
  ['rust:latest', 'glibc', true, 'apt', 'rust:slim', true, false, true, false, false, null, '1a2cb81bf4ea'],
  ['openjdk', 'glibc', true, 'apt', null, false, false, true, false, false, null, null],
  ['openjdk:8', 'glibc', true, 'apt', 'openjdk:8-slim', false, false, true, false, false, null, '13afcb88d488'],
  ['openjdk:11-jdk', 'glibc', true, 'apt', 'openjdk:11-jdk-slim', false, false, true, false, false, null, 'b4b9b474d4d7'],
  ['openjdk:8-jre', 'glibc', true, 'apt', 'openjdk:8-jre-slim', false, false, true, false, false, null, '3205629414c6'],
  ['openjdk:8-jre-slim', 'glibc', true, 'apt', null, false, false, true, false, false, null, '19965708c758'],
  ['openjdk:11-jdk-slim', 'glibc', true, 'apt', null, false, false, true, false, false, null, 'a64d3dad13a8'],
  ['openjdk:8-jdk-alpine', 'musl', true, 'apk', null, false, false, true, false, false, null, '780c608a21a0'],
  ['openjdk:11-jdk-buster', 'glibc', true, 'apt', null, false, false, true, false, false, null, 'b4b9b474d4d7'],
  ['openjdk:17-oracle', 'glibc', true, 'apt', null, false, false, true, false, false, null, null],
  ['openjdk:8u212-jdk-stretch', 'glibc', true, 'apt', null, false, false, true, false, false, null, '13afcb88d488'],
  ['openjdk:11-windowsservercore', 'glibc', true, 'apt', null, false, true, true, false, false, null, null],
  ['eclipse-temurin:17', 'glibc', true, 'apt', 'eclipse-temurin:17-jre', false, false, false, false, false, null, '96b92befce22'],
  ['eclipse-temurin:17-jdk', 'glibc', true, 'apt', 'eclipse-temurin:17-jre', false, false, false, false, false, null, '96b92befce22'],
  ['eclipse-temurin:17-jre', 'glibc', true, 'apt', null, false, false, false, false, false, null, 'e4e8a80aa637'],
  ['eclipse-temurin:21-jdk-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['eclipse-temurin:17-jdk-jammy', 'glibc', true, 'apt', null, false, false, false, false, false, null, '96b92befce22'],
  ['eclipse-temurin:11-jre-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['maven:3.9-eclipse-temurin-17', 'glibc', true, 'apt', 'eclipse-temurin:17-jre', false, false, false, false, false, null, '7293aeecaef0'],
  ['maven:3-eclipse-temurin-21-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['maven:3.8-openjdk-11', 'glibc', true, 'apt', null, false, false, false, false, false, null, '2f6b2b30b943'],
  ['maven:3.6-jdk-8-slim', 'glibc', true, 'apt', null, false, false, false, false, false, null, 'e7f6227879f9'],
  ['maven:3-jdk-11', 'glibc', true, 'apt', null, false, false, false, false, false, null, '2f6b2b30b943'],
  ['maven', 'glibc', true, 'apt', null, false, false, false, false, false, null, '7293aeecaef0'],
  ['maven:3.9', 'glibc', true, 'apt', null, false, false, false, false, false, null, '7293aeecaef0'],
  ['maven:latest', 'glibc', true, 'apt', null, false, false, false, false, false, null, '7293aeecaef0'],
  ['maven:3.9-eclipse-temurin-17-jammy', 'glibc', true, 'apt', null, false, false, false, false, false, null, '7293aeecaef0'],
  ['maven:3-amazoncorretto-17', 'glibc', true, 'apt', null, false, false, false, false, false, null, null],
  // the one answer that changed: the old rule read `maven:` off the raw reference, so `library/maven` (the same
  // image) had no runtime image; the table reads the repository, as for every other family
  ['library/maven:3.9-eclipse-temurin-17', 'glibc', true, 'apt', 'eclipse-temurin:17-jre', false, false, false, false, false, null, '7293aeecaef0'],
  ['gradle:8-jdk17', 'glibc', true, 'apt', 'eclipse-temurin:17-jre', false, false, false, false, false, null, '55847d7a1b28'],
  ['gradle:jdk21', 'glibc', true, 'apt', 'eclipse-temurin:21-jre', false, false, false, false, false, null, '55847d7a1b28'],
  ['gradle:7.6-jdk11-jammy', 'glibc', true, 'apt', null, false, false, false, false, false, null, '55847d7a1b28'],
  ['gradle:6-jdk8', 'glibc', true, 'apt', 'eclipse-temurin:8-jre', false, false, false, false, false, null, '55847d7a1b28'],
  ['gradle:8-jdk17-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['gradle', 'glibc', true, 'apt', null, false, false, false, false, false, null, null],
  ['java:8', 'unknown', true, null, null, false, false, false, false, false, null, 'ad72acc4dfb6'],
  ['java:8-jre', 'unknown', true, null, null, false, false, false, false, false, null, 'cb47c01e09cf'],
  ['java:openjdk-8-jdk', 'unknown', true, null, null, false, false, false, false, false, null, 'ad72acc4dfb6'],
  ['java:latest', 'unknown', true, null, null, false, false, false, false, false, null, 'ad72acc4dfb6'],
  ['debian', 'glibc', true, 'apt', null, true, false, false, false, true, null, 'ea37fad26de4'],
  ['debian:bookworm', 'glibc', true, 'apt', 'debian:bookworm-slim', true, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:bookworm-slim', 'glibc', true, 'apt', null, true, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:11', 'glibc', true, 'apt', 'debian:11-slim', false, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:bullseye', 'glibc', true, 'apt', 'debian:bullseye-slim', false, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:buster-slim', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:stretch', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:sid', 'glibc', true, 'apt', 'debian:sid-slim', true, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:12.4', 'glibc', true, 'apt', null, true, false, false, false, true, null, '49c8a98bb0d4'],
  ['debian:latest', 'glibc', true, 'apt', null, true, false, false, false, true, null, 'ea37fad26de4'],
  ['debian:testing', 'glibc', true, 'apt', 'debian:testing-slim', true, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu:22.04', 'glibc', true, 'apt', null, true, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu:jammy', 'glibc', true, 'apt', null, true, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu:20.04', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu:24.04', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['ubuntu:focal', 'glibc', true, 'apt', null, false, false, false, false, true, null, '49c8a98bb0d4'],
  ['alpine', 'musl', true, 'apk', null, false, false, false, false, true, null, 'd7de961f11f2'],
  ['alpine:3.19', 'musl', true, 'apk', null, false, false, false, false, true, null, 'd7de961f11f2'],
  ['alpine:edge', 'musl', true, 'apk', null, false, false, false, false, true, null, 'd7de961f11f2'],
  ['busybox', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['busybox:1.36-glibc', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['busybox:musl', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['myorg/alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['ghcr.io/foo/alpine:3', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['scratch', 'none', false, null, null, false, false, false, false, false, null, 'f4eba0bf4809'],
  ['gcr.io/distroless/static-debian12', 'none', false, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/static', 'none', false, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/static-debian11:nonroot', 'none', false, null, null, false, false, false, false, false, null, 'f370418b798c'],
  ['gcr.io/distroless/base-debian12', 'glibc', false, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/base-debian12:debug', 'glibc', true, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/base:debug-nonroot', 'glibc', true, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/cc-debian12', 'glibc', false, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['gcr.io/distroless/cc-debian12:nonroot', 'glibc', false, null, null, false, false, false, false, false, null, 'f370418b798c'],
  ['gcr.io/distroless/python3-debian12', 'glibc', false, null, null, false, false, false, false, false, null, null],
  ['gcr.io/distroless/java17-debian12', 'glibc', false, null, null, false, false, false, false, false, null, null],
  ['gcr.io/distroless/nodejs20-debian12', 'unknown', false, null, null, false, false, false, false, false, null, null],
  ['gcr.io/distroless/static@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'none', false, null, null, false, false, false, false, false, null, '9d5972bd2c99'],
  ['distroless/static', 'none', false, null, null, false, false, false, false, false, null, null],
  ['centos:7', 'glibc', true, 'yum', null, false, false, false, false, true, null, 'a7d8bbac01cf'],
  ['fedora:39', 'glibc', true, 'yum', null, false, false, false, false, true, null, null],
  ['rockylinux:9', 'glibc', true, 'yum', null, false, false, false, false, true, null, null],
  ['almalinux:9', 'glibc', true, 'yum', null, false, false, false, false, true, null, null],
  ['amazonlinux:2023', 'glibc', true, 'yum', null, false, false, false, false, true, null, null],
  ['registry.access.redhat.com/ubi8/ubi', 'unknown', true, 'yum', null, false, false, false, false, false, null, null],
  ['registry.access.redhat.com/ubi9/ubi-minimal:9.3', 'unknown', true, 'yum', null, false, false, false, false, false, null, null],
  ['redhat/ubi8', 'unknown', true, 'yum', null, false, false, false, false, false, null, null],
  ['oraclelinux:8', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['php', 'glibc', true, 'apt', null, true, false, false, false, false, null, 'fd6085cdc028'],
  ['php:8.2', 'glibc', true, 'apt', null, true, false, false, false, false, null, 'fd6085cdc028'],
  ['php:8.2-cli', 'glibc', true, 'apt', null, true, false, false, false, false, null, 'fd6085cdc028'],
  ['php:8.2-apache', 'glibc', true, 'apt', null, true, false, false, false, false, null, 'db08c42769d7'],
  ['php:8.2-fpm', 'glibc', true, 'apt', null, true, false, false, false, false, null, '686aafd050c1'],
  ['php:8.2-fpm-alpine', 'musl', true, 'apk', null, true, false, false, false, false, null, '34ac841cec0d'],
  ['php:8.1-alpine', 'musl', true, 'apk', null, true, false, false, false, false, null, '5ce64ef60837'],
  ['php:7.4-apache-buster', 'glibc', true, 'apt', null, false, false, false, false, false, null, 'd0dca5718070'],
  ['composer', 'unknown', true, null, null, false, false, false, false, false, null, '532aff59eb46'],
  ['composer:2', 'unknown', true, null, null, false, false, false, false, false, null, '532aff59eb46'],
  ['gcc', 'unknown', true, null, null, false, false, false, false, false, null, 'c45aa6673351'],
  ['gcc:13', 'unknown', true, null, null, false, false, false, false, false, null, 'c45aa6673351'],
  ['gcc:13-bookworm', 'unknown', true, null, null, true, false, false, false, false, null, 'c45aa6673351'],
  ['gcc:12-bullseye', 'unknown', true, null, null, false, false, false, false, false, null, 'c45aa6673351'],
  ['gcc:latest', 'unknown', true, null, null, false, false, false, false, false, null, 'c45aa6673351'],
  ['gcc:7', 'unknown', true, null, null, false, false, false, false, false, null, 'c45aa6673351'],
  ['buildpack-deps', 'glibc', true, 'apt', null, true, false, true, false, false, null, '0ef7d5e73163'],
  ['buildpack-deps:bookworm', 'glibc', true, 'apt', null, true, false, true, false, false, null, '0ef7d5e73163'],
  ['buildpack-deps:bullseye-curl', 'glibc', true, 'apt', null, false, false, true, false, false, null, '0ef7d5e73163'],
  ['buildpack-deps:22.04', 'glibc', true, 'apt', null, true, false, true, false, false, null, '0ef7d5e73163'],
  ['mcr.microsoft.com/dotnet/sdk:8.0', 'unknown', true, null, null, false, false, false, false, false, null, '4057aedfbd0a'],
  ['mcr.microsoft.com/dotnet/sdk:6.0', 'unknown', true, null, null, false, false, false, false, false, null, 'd6286c4bfbff'],
  ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, 'bdbf741e6eff'],
  ['mcr.microsoft.com/dotnet/aspnet:8.0', 'unknown', true, null, null, false, false, false, false, false, null, '7bfb4a691adf'],
  ['mcr.microsoft.com/dotnet/aspnet:7.0', 'unknown', true, null, null, false, false, false, false, false, null, 'c8dd20892f67'],
  ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine-extra', 'musl', true, 'apk', null, false, false, false, false, false, null, '4bcf2bd3bbd9'],
  ['mcr.microsoft.com/dotnet/runtime:8.0-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, 'a3fa68a657ff'],
  ['mcr.microsoft.com/dotnet/runtime:6.0-bullseye-slim', 'unknown', true, null, null, false, false, false, false, false, null, 'c8dd20892f67'],
  ['mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019', 'unknown', true, null, null, false, true, false, false, false, null, null],
  ['mcr.microsoft.com/windows/servercore:ltsc2022', 'unknown', true, null, null, false, true, false, false, false, null, null],
  ['mcr.microsoft.com/windows/nanoserver:1809', 'unknown', true, null, null, false, true, false, false, false, null, null],
  ['dotnet/sdk:8.0', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['nginx', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['nginx:alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['nginx:1.25', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['httpd:2.4', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['redis:7-alpine', 'musl', true, 'apk', null, false, false, false, false, false, null, null],
  ['postgres:16', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['cubit:1', 'unknown', true, 'yum', null, false, false, false, false, false, null, null],
  ['rubinius', 'unknown', true, 'yum', null, false, false, false, false, false, null, null],
  ['myapp:latest', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['my.registry.io/team/app:1.2.3', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['localhost/app', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['localhost:5000/app:dev', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['registry:5000/team/alpine-tools:1', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['Python:3', 'unknown', true, null, null, false, false, false, false, false, null, null],
  ['WindowsServerCore:1', 'unknown', true, null, null, false, true, false, false, false, null, null],
];

describe('the image table gives the answers of the functions it replaced', () => {
  it.each(OLD_ANSWERS)('%s', (image, libc, shell, manager, slim, debian12, windows, buildpack, compiler, distribution, rust, config) => {
    expect(libcOf(image)).toBe(libc);
    expect(hasShell(image)).toBe(shell);
    expect(packageManagerOf(image)).toBe(manager);
    expect(slimVariant(image)).toBe(slim);
    expect(devTableApplies(image)).toBe(debian12);
    expect(isWindowsImage(image)).toBe(windows);
    expect(builtOnBuildpackDeps(image)).toBe(buildpack);
    expect(shipsCompiler(image)).toBe(compiler);
    expect(isDistributionImage(image)).toBe(distribution);
    if (image.split(/[:@]/)[0] === 'rust') expect(rustRuntimeImage(image)).toBe(rust);
    const c = imageConfig(image);
    expect(c === null ? null : digest(c)).toBe(config);
  });
});

// the JRE of a Java build image (src/knowledge/java.ts's JRE_RULES before), 'why': declined with a reason
const JRE: [string, unknown][] = [
  ['eclipse-temurin:17', { 'image': 'eclipse-temurin:17-jre' }],
  ['eclipse-temurin:17-jdk', { 'image': 'eclipse-temurin:17-jre' }],
  ['eclipse-temurin:17-jdk-jammy', { 'image': 'eclipse-temurin:17-jre-jammy' }],
  ['eclipse-temurin:17.0.9_9-jdk-alpine', { 'image': 'eclipse-temurin:17.0.9_9-jre-alpine' }],
  ['eclipse-temurin:21-alpine', { 'image': 'eclipse-temurin:21-jre-alpine' }],
  ['eclipse-temurin:21-jdk-ubi9-minimal', { 'image': 'eclipse-temurin:21-jre-ubi9-minimal' }],
  ['eclipse-temurin:17-jre', null],
  ['eclipse-temurin', null],
  ['maven:3.9-eclipse-temurin-17', { 'image': 'eclipse-temurin:17-jre' }],
  ['maven:3-eclipse-temurin-21-alpine', { 'image': 'eclipse-temurin:21-jre-alpine' }],
  ['maven:3.8.6-eclipse-temurin-17-focal', { 'image': 'eclipse-temurin:17-jre-focal' }],
  ['maven:3-jdk-8', { 'image': 'openjdk:8-jre' }],
  ['maven:3.6-openjdk-11-slim', { 'image': 'openjdk:11-jre-slim' }],
  ['maven:3.5-jdk-8-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['maven:3-jdk-11-alpine', null],
  ['maven', 'why'],
  ['maven:3.9', 'why'],
  ['maven:alpine', 'why'],
  ['maven:3-amazoncorretto-17', null],
  ['gradle:8.5-jdk17', { 'image': 'eclipse-temurin:17-jre' }],
  ['gradle:jdk21-jammy', { 'image': 'eclipse-temurin:21-jre-jammy' }],
  ['gradle:7-jdk11', { 'image': 'eclipse-temurin:11-jre' }],
  ['gradle:6.9-jdk11', 'why'],
  ['gradle:4.7-jdk8-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['gradle:3.4.1-jdk7-alpine', { 'image': 'openjdk:7-jre-alpine' }],
  ['gradle:5.4.0-jdk8-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['gradle:5.4.1-jdk8-alpine', 'why'],
  ['gradle:5.4-jdk8-alpine', 'why'],
  ['gradle:4.7-jdk8', 'why'],
  ['clojure:lein-2.6.1-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['clojure:openjdk-8-lein-2.9.1-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['clojure:alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['clojure:lein-2.10.0-alpine', 'why'],
  ['clojure:lein-2.8.1', 'why'],
  ['clojure:temurin-17-lein', 'why'],
  ['gradle:8-jdk17-alpine', null],
  ['gradle', null],
  ['gradle:jdk17-focal', { 'image': 'eclipse-temurin:17-jre-focal' }],
  ['openjdk:8', { 'image': 'openjdk:8-jre' }],
  ['openjdk:8-jdk', { 'image': 'openjdk:8-jre' }],
  ['openjdk:8u151-jdk', { 'image': 'openjdk:8u151-jre' }],
  ['openjdk:11.0.4-jdk-slim-buster', { 'image': 'openjdk:11.0.4-jre-slim-buster' }],
  ['openjdk:8-jdk-alpine', { 'image': 'openjdk:8-jre-alpine' }],
  ['openjdk:8u151-jdk-alpine3.7', { 'image': 'openjdk:8u151-jre-alpine3.7' }],
  ['openjdk:alpine', { 'image': 'openjdk:jre-alpine' }],
  ['maven:3.6-alpine', 'why'],
  ['openjdk:17-jdk', null],
  ['openjdk:11-jre', null],
  ['openjdk:7u221-jdk-b02', null],
  ['openjdk', null],
  ['java:8', { 'image': 'java:8-jre' }],
  ['java:8-jdk', { 'image': 'java:8-jre' }],
  ['java:openjdk-8u91-jdk', { 'image': 'java:openjdk-8u91-jre' }],
  ['java:8-jre', null],
  ['amazoncorretto:17', 'why'],
  ['amazoncorretto', 'why'],
  ['myreg.io:5000/maven:3-jdk-8', { 'image': 'openjdk:8-jre' }],
  ['library/gradle:8-jdk17', { 'image': 'eclipse-temurin:17-jre' }],
  ['python:3.11', null],
];
// the aspnet and runtime images of a .NET SDK (src/knowledge/dotnet.ts before; the preset asked it for mcr.microsoft.com/dotnet/sdk only)
const DOTNET: [string, unknown, unknown][] = [
  ['mcr.microsoft.com/dotnet/sdk:8.0', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0' }],
  ['mcr.microsoft.com/dotnet/sdk:6.0', { 'image': 'mcr.microsoft.com/dotnet/aspnet:6.0' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:6.0' }],
  ['mcr.microsoft.com/dotnet/sdk:7.0-alpine', { 'miss': 'alpine-globalization' }, { 'miss': 'alpine-globalization' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine-extra' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-alpine-extra' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-alpine3.19', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine3.19-extra' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-alpine3.19-extra' }],
  ['mcr.microsoft.com/dotnet/sdk:9.0-bookworm-slim', { 'image': 'mcr.microsoft.com/dotnet/aspnet:9.0-bookworm-slim' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:9.0-bookworm-slim' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-jammy', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-jammy' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-jammy' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-noble-chiseled', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-azurelinux3.0', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-azurelinux3.0' }],
  ['mcr.microsoft.com/dotnet/sdk:6.0-cbl-mariner2.0', { 'image': 'mcr.microsoft.com/dotnet/aspnet:6.0-cbl-mariner2.0' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:6.0-cbl-mariner2.0' }],
  ['mcr.microsoft.com/dotnet/sdk:10.0', { 'image': 'mcr.microsoft.com/dotnet/aspnet:10.0' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:10.0' }],
  ['mcr.microsoft.com/dotnet/sdk:5.0', { 'miss': 'unknown' }, { 'miss': 'unknown' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0.100', { 'miss': 'unknown' }, { 'miss': 'unknown' }],
  ['mcr.microsoft.com/dotnet/sdk', { 'miss': 'unknown' }, { 'miss': 'unknown' }],
  ['mcr.microsoft.com/dotnet/sdk:latest', { 'miss': 'unknown' }, { 'miss': 'unknown' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022', { 'miss': 'unknown' }, { 'miss': 'unknown' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0-bullseye-slim', { 'image': 'mcr.microsoft.com/dotnet/aspnet:8.0-bullseye-slim' }, { 'image': 'mcr.microsoft.com/dotnet/runtime:8.0-bullseye-slim' }],
  ['mcr.microsoft.com/dotnet/sdk:7.0-alpine3.17', { 'miss': 'alpine-globalization' }, { 'miss': 'alpine-globalization' }],
];
// the Debian release of a gcc tag (GCC_RELEASE_TAG in src/knowledge/cpp.ts before)
const GCC: [string, unknown][] = [
  ['13-bookworm', { 'release': 'bookworm', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['14.2.0-trixie', { 'release': 'trixie', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['12-bullseye', { 'release': 'bullseye', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['9-buster', { 'release': 'buster', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['7', { 'release': 'buster', 'loaderConf': '/etc/ld.so.conf.d/local-lib64.conf' }],
  ['8.5', { 'release': 'buster', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['9', { 'release': 'bullseye', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['9.5.0', { 'release': 'bullseye', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['11.5.0', { 'release': 'bullseye', 'loaderConf': '/etc/ld.so.conf.d/000-local-lib.conf' }],
  ['9.4', null],
  ['11.4.0', null],
  ['12', null],
  ['13.4', null],
  ['14', null],
  ['latest', null],
  ['6', null],
  ['4.9', null],
  ['bookworm', null],
  ['13-bookworm-slim', null],
];

describe("the presets' runtime images come from the table as before", () => {
  it.each(JRE)('JRE of %s', (image, jre) => {
    const found = jreImage(image);
    expect(found && 'why' in found ? 'why' : found).toEqual(jre);
  });
  it.each(DOTNET)('.NET runtime of %s', (image, aspnet, runtime) => {
    expect(dotnetRuntimeImage(image, 'aspnet')).toEqual(aspnet);
    expect(dotnetRuntimeImage(image, 'runtime')).toEqual(runtime);
  });
  it("only Microsoft's SDK image has a .NET runtime", () => {
    expect(dotnetRuntimeImage('dotnet/sdk:8.0', 'aspnet')).toEqual({ miss: 'unknown' });
    expect(dotnetRuntimeImage('microsoft/dotnet:2.1-sdk', 'aspnet')).toEqual({ miss: 'unknown' });
  });
  it.each(GCC)('gcc:%s', (tag, release) => {
    expect(gccRelease(tag)).toEqual(release);
  });
});

describe('facts the old functions did not give', () => {
  it('distribution and release', () => {
    expect(distributionOf('python:3.11-slim-bookworm')).toEqual({ name: 'debian', release: 'bookworm' });
    expect(distributionOf('python:3.11')).toEqual({ name: 'debian', release: 'bookworm' });
    expect(distributionOf('python:3.7')).toEqual({ name: 'debian', release: null });
    expect(distributionOf('node:20-bullseye-slim')).toEqual({ name: 'debian', release: 'bullseye' });
    expect(distributionOf('debian:buster-slim')).toEqual({ name: 'debian', release: 'buster' });
    expect(distributionOf('python:3.12-alpine')).toEqual({ name: 'alpine', release: null });
    expect(distributionOf('ubuntu:22.04')).toEqual({ name: 'ubuntu', release: 'jammy' });
    expect(distributionOf('ubuntu:xenial-20210114')).toEqual({ name: 'ubuntu', release: 'xenial' });
    expect(distributionOf('ubuntu:latest')).toEqual({ name: 'ubuntu', release: null });
    expect(distributionOf('debian:9-slim')).toEqual({ name: 'debian', release: 'stretch' });
    expect(distributionOf('debian:8.11')).toEqual({ name: 'debian', release: 'jessie' });
    expect(distributionOf('alpine:3.9.4')).toEqual({ name: 'alpine', release: '3.9' });
    expect(distributionOf('python:3.7-alpine3.9')).toEqual({ name: 'alpine', release: '3.9' });
    expect(distributionOf('node:18-alpine3.17')).toEqual({ name: 'alpine', release: '3.17' });
    expect(distributionOf('alpine:latest')).toEqual({ name: 'alpine', release: null });
    expect(distributionOf('eclipse-temurin:17-jre')).toEqual({ name: 'ubuntu', release: null });
    expect(distributionOf('myorg/app:1')).toBeNull();
    // images built on Ubuntu whose tags tell the release (phusion/baseimage-docker's image/Dockerfile at each tag)
    expect(['0.9.8', '0.9.10', '0.9.18', '0.9.19', '0.10.2', '0.11', 'bionic-1.0.0', '18.04-1.0.0', 'focal-1.2.0', 'latest'].map((t) => distributionOf(`phusion/baseimage:${t}`)?.release ?? null)).toEqual([null, 'trusty', 'trusty', 'xenial', 'xenial', 'bionic', 'bionic', 'bionic', 'focal', null]);
    expect(distributionOf('nvidia/cuda:9.0-cudnn7-devel-ubuntu16.04')).toEqual({ name: 'ubuntu', release: 'xenial' });
    expect(distributionOf('nvidia/cuda:10.0-devel-centos7')).toBeNull();
  });
  it('scratch is the empty image, in any case', () => {
    expect(['scratch', 'SCRATCH', 'debian:bookworm-slim', 'gcr.io/distroless/static-debian12'].map(isEmptyImage)).toEqual([true, true, false, false]);
  });
});

// A regular expression (literal or `new RegExp`) that names an image family, a distribution or a release
const FAMILY = /alpine|distroless|slim|scratch|busybox|debian|ubuntu|bookworm|bullseye|buster|stretch|jessie|trixie|windows|nanoserver|servercore|temurin|-jre|centos|fedora|\bubi\b/i;
const LITERAL = /(?:^|[(,=:[!&|?{};]|\breturn|=>)\s*(\/(?![/*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuvy]*)/g;
const CONSTRUCTED = /new RegExp\(\s*(`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/g;
/** The one module that may hold them. */
const TABLE_MODULE = join('src', 'knowledge', 'images.ts');

function familyRegexes(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
    for (const re of [LITERAL, CONSTRUCTED]) for (const m of line.matchAll(re)) if (FAMILY.test(m[1]!)) found.push(m[1]!);
  }
  return found;
}

describe('image facts live in the table only', () => {
  it('the scanner finds family regexes in literals and in new RegExp, not in strings or comments', () => {
    expect(familyRegexes("if (/alpine/.test(tag)) x = 1;\nconst r = new RegExp(`^${v}-slim$`);\nconst s = 'debian:bookworm-slim'; // /alpine/\nconst n = /^\\d+$/;")).toEqual(['/alpine/', '`^${v}-slim$`']);
  });
  it('no module of src/ or templates/ but the table holds one', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const offenders = [...files('src'), ...files('templates')].filter((f) => f !== TABLE_MODULE).flatMap((f) => familyRegexes(readFileSync(f, 'utf8')).map((r) => `${f}: ${r}`));
    expect(offenders).toEqual([]);
  });
});
