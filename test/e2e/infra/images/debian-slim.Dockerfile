# debian:bookworm-slim stand-in: debootstrap --variant=minbase bookworm, apt pointed at the loopback mirror.
FROM dfsplit-e2e/minbase-raw
COPY sources.list /etc/apt/sources.list
COPY pip.conf /etc/pip.conf
COPY dpkg-nodoc.cfg /etc/dpkg/dpkg.cfg.d/docker
COPY apt-docker.conf /etc/apt/apt.conf.d/docker
RUN rm -rf /etc/apt/sources.list.d/* && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["bash"]
