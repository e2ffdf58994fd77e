# golang:1.22 stand-in. NOTE: Debian bookworm's Go is 1.19 (go.mod must say "go 1.19"-style, two-part, no toolchain line).
# ENV is the official image's (GOPATH, PATH; /usr/local/go links to Debian's /usr/lib/go), so `dfsplit verify`
# compares like for like; offline module settings live in root's go env file (`go env -w`), not in ENV.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends golang-go gcc libc6-dev git ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && ln -s /usr/lib/go /usr/local/go \
 && mkdir -p /go/src /go/bin && chmod -R 1777 /go
ENV GOPATH=/go PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN go env -w GOPROXY=off GOSUMDB=off && go env GOPROXY | grep -qx off
WORKDIR /go
