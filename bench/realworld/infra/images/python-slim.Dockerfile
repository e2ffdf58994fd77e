# python:3.11-slim stand-in: debian:bookworm-slim + Debian's python3, pip, venv (no compiler, no headers, as on Hub).
FROM debian:bookworm-slim
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
ARG PYTHON_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		netbase \
		tzdata \
		python3 \
		python3-pip \
		python3-venv \
		python3-setuptools \
		python3-wheel \
	; \
	rm -rf /var/lib/apt/lists/*
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV PYTHON_VERSION=${PYTHON_VERSION}
COPY files/python-layout.sh /tmp/python-layout.sh
RUN sh /tmp/python-layout.sh && rm /tmp/python-layout.sh
CMD ["python3"]
