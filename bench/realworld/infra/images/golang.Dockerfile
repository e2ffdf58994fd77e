# golang:1.22 stand-in: buildpack-deps:bookworm-scm + Hub's cgo packages + Debian's golang-1.22 from
# bookworm-backports (GOROOT /usr/lib/go-1.22, linked from /usr/local/go). Hub's ENV and WORKDIR.
FROM buildpack-deps:bookworm-scm
ARG GOLANG_VERSION
COPY files/with-backports.sh /tmp/with-backports.sh
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		g++ \
		gcc \
		libc6-dev \
		make \
		pkg-config \
	; \
	sh /tmp/with-backports.sh golang-1.22-go; \
	rm /tmp/with-backports.sh; \
	ln -sfT /usr/lib/go-1.22 /usr/local/go; \
	/usr/local/go/bin/go version
ENV GOLANG_VERSION=${GOLANG_VERSION}
ENV GOTOOLCHAIN=local
ENV GOPATH=/go
ENV PATH=$GOPATH/bin:/usr/local/go/bin:$PATH
RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"
WORKDIR $GOPATH
