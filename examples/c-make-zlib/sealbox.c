/* sealbox: compress a message with zlib and seal it with a SHA-256 digest (OpenSSL). */
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

int main(int argc, char **argv) {
    const char *msg = argc > 1 ? argv[1] : "hello";
    unsigned char packed[4096], md[EVP_MAX_MD_SIZE];
    uLongf plen = sizeof packed;
    unsigned int mdlen = 0;
    if (compress(packed, &plen, (const Bytef *)msg, strlen(msg)) != Z_OK) return 1;
    if (!EVP_Digest(packed, plen, md, &mdlen, EVP_sha256(), NULL)) return 1;

    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method()); /* make sure libssl itself is usable */
    if (!ctx) return 1;
    SSL_CTX_free(ctx);

    printf("sealed %zu -> %lu bytes, sha256=", strlen(msg), (unsigned long)plen);
    for (unsigned int i = 0; i < mdlen; i++) printf("%02x", md[i]);
    printf("\n");
    return 0;
}
