# dfsplit as a container image, the way hadolint ships one:
#   docker build -t dfsplit .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" dfsplit --check .
# The builder installs every dependency and compiles TypeScript; the runtime stage keeps the compiled
# program and its production dependencies only, on the slim image of the same Debian release, as a
# non-root user. NPM_CONFIG_REGISTRY may name a registry mirror for the build (npm reads it from the
# environment); unset, npm uses its default.
FROM node:20-bookworm AS builder
ARG NPM_CONFIG_REGISTRY
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src src
COPY transforms transforms
COPY templates templates
RUN npx tsc -p tsconfig.json && chmod +x dist/src/cli.js && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=builder /app/package.json ./
COPY --from=builder /app/node_modules node_modules
COPY --from=builder /app/dist dist
COPY schema schema
USER node
WORKDIR /work
ENTRYPOINT ["node", "/app/dist/src/cli.js"]
