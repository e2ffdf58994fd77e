# debian:bookworm / debian:latest stand-in: slim + a few everyday tools.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends procps ca-certificates && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
