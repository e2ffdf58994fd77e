/* hello-server: minimal HTTP/1.0 server on $PORT (default 8080). `--once` answers one request and exits. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int once = argc > 1 && strcmp(argv[1], "--once") == 0, one = 1;
    int port = getenv("PORT") ? atoi(getenv("PORT")) : 8080;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_ANY)};
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 16) < 0) {
        perror("hello-server");
        return 1;
    }
    fprintf(stderr, "hello-server: listening on :%d%s\n", port, once ? " (one request)" : "");
    do {
        char req[2048];
        int c = accept(s, NULL, NULL);
        if (c < 0) continue;
        ssize_t n = read(c, req, sizeof req - 1);
        req[n > 0 ? n : 0] = '\0';
        const char *body = "hello from C, healthy\n";
        char resp[256];
        int len = snprintf(resp, sizeof resp,
                           "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n%s",
                           strlen(body), body);
        write(c, resp, len);
        close(c);
    } while (!once);
    close(s);
    return 0;
}
