/* zpack: compress a string with zlib and report sizes and CRC. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

int main(int argc, char **argv) {
    const char *text = argc > 1 ? argv[1] : "hello hello hello hello hello hello";
    unsigned char out[4096];
    uLongf outlen = sizeof out;
    uLong inlen = (uLong)strlen(text);
    if (compress2(out, &outlen, (const Bytef *)text, inlen, 9) != Z_OK) {
        fprintf(stderr, "zpack: compress failed\n");
        return 1;
    }
    unsigned char back[4096];
    uLongf backlen = sizeof back;
    if (uncompress(back, &backlen, out, outlen) != Z_OK || backlen != inlen ||
        memcmp(back, text, inlen) != 0) {
        fprintf(stderr, "zpack: round trip failed\n");
        return 1;
    }
    printf("zpack: %lu -> %lu bytes, crc32=%08lx, round trip ok (zlib %s)\n",
           inlen, (unsigned long)outlen, crc32(0L, (const Bytef *)text, inlen), zlibVersion());
    return 0;
}
