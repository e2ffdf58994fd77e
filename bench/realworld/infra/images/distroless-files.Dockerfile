# dfsplit-rw/distroless-files: the file trees of the distroless stand-ins (files/distroless/assemble.sh),
# from Debian .debs fetched through the loopback apt proxy. distroless.Dockerfile copies from it.
FROM debian:bookworm-slim
COPY files/distroless/assemble.sh /assemble.sh
RUN sh /assemble.sh
