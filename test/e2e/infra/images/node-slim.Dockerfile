# node:20-slim stand-in: nodejs + npm only. NOTE: Debian bookworm's nodejs is 18.x.
FROM debian:bookworm-slim
COPY npmrc /etc/npmrc
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
