# ubuntu:22.04 stand-in: NOT Ubuntu. No Ubuntu archive is reachable, so this is the debian:bookworm-slim
# stand-in (Debian package names and versions, /etc/os-release says Debian) with Ubuntu's CMD.
FROM debian:bookworm-slim
CMD ["/bin/bash"]
