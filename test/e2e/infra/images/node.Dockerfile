# node:20 stand-in. NOTE: Debian bookworm's nodejs is 18.x. git and procps, as buildpack-deps gives the Hub image (node:20-slim has neither).
FROM debian:bookworm-slim
COPY npmrc /etc/npmrc
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm gcc g++ make ca-certificates git procps \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
