# python:3.11-slim stand-in: no compiler, no headers.
FROM debian:bookworm-slim
COPY python-common.sh /tmp/python-common.sh
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv python3-setuptools python3-wheel \
 && sh /tmp/python-common.sh && rm /tmp/python-common.sh
ENV LANG=C.UTF-8
CMD ["python3"]
