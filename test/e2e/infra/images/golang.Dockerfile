# golang:1.22 stand-in. NOTE: Debian bookworm's Go is 1.19 (go.mod must say "go 1.19"-style, two-part, no toolchain line).
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends golang-go gcc libc6-dev git ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && ln -s /usr/lib/go /usr/local/go \
 && mkdir -p /go/src /go/bin && chmod -R 1777 /go
ENV GOPATH=/go PATH=/go/bin:/usr/lib/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    GOPROXY=off GOSUMDB=off GOTOOLCHAIN=local
WORKDIR /go
