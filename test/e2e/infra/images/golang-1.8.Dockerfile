# golang:1.8 stand-in (examples/go-wrapper-app): the golang:1.22 stand-in (Debian's Go 1.19) with the suite's own
# go-wrapper in /usr/local/bin, as the golang images before 1.10 had theirs, and GOPATH mode in root's go env file
# (`go env -w`, not ENV: Go 1.8 had no modules, and the image's configuration stays the official one's)
FROM golang:1.22
COPY go-wrapper /usr/local/bin/go-wrapper
RUN chmod 755 /usr/local/bin/go-wrapper && go env -w GO111MODULE=off && go env GO111MODULE | grep -qx off
