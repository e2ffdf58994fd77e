# debian:bookworm-slim stand-in: debootstrap --variant=minbase bookworm, apt pointed at the loopback mirror.
FROM dfsplit-e2e/minbase-raw
COPY sources.list /etc/apt/sources.list
COPY pip.conf /etc/pip.conf
COPY dpkg-nodoc.cfg /etc/dpkg/dpkg.cfg.d/docker
COPY docker-apt-speedup /etc/dpkg/dpkg.cfg.d/docker-apt-speedup
COPY apt-docker.conf /etc/apt/apt.conf.d/docker
# the loopback servers' ports, picked by setup.sh (build args: not part of the image's configuration)
ARG E2E_APT_PORT
ARG E2E_PYPI_PORT
RUN test -n "$E2E_APT_PORT" && test -n "$E2E_PYPI_PORT" \
 && sed -i "s/@E2E_APT_PORT@/$E2E_APT_PORT/" /etc/apt/sources.list && sed -i "s/@E2E_PYPI_PORT@/$E2E_PYPI_PORT/" /etc/pip.conf \
 && rm -rf /etc/apt/sources.list.d/* && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["bash"]
