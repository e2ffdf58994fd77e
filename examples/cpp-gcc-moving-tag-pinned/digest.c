/* digest: the SHA-256 of its arguments (joined by spaces), with OpenSSL's libcrypto. */
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  size_t total = 0;
  EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
  for (int i = 1; i < argc; i++) {
    if (i > 1) EVP_DigestUpdate(ctx, " ", 1);
    EVP_DigestUpdate(ctx, argv[i], strlen(argv[i]));
    total += strlen(argv[i]) + (i > 1);
  }
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  printf("sha256=");
  for (unsigned int i = 0; i < len; i++) printf("%02x", md[i]);
  printf(" (%zu bytes, OpenSSL %d)\n", total, OPENSSL_VERSION_MAJOR);
  return 0;
}
