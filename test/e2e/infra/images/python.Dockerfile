# python:3.11 stand-in (Debian bookworm's python3 is 3.11.2) with a compiler, like the buildpack-deps based image.
FROM debian:bookworm-slim
COPY python-common.sh /tmp/python-common.sh
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-dev python3-venv python3-setuptools python3-wheel gcc libc6-dev make ca-certificates \
 && sh /tmp/python-common.sh && rm /tmp/python-common.sh
ENV LANG=C.UTF-8
CMD ["python3"]
