# python:3.11 stand-in: buildpack-deps:bookworm (compilers, -dev libraries) + Debian's python3 (3.11.2)
# with Hub's ENV/CMD and /usr/local/bin links. Hub builds CPython from source into /usr/local.
FROM buildpack-deps:bookworm
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
ARG PYTHON_VERSION
# Hub's "runtime dependencies" (libbluetooth-dev tk-dev uuid-dev), then Debian's python with headers
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		libbluetooth-dev \
		tk-dev \
		uuid-dev \
		python3 \
		python3-dev \
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
