#include <stdio.h>
int main(int argc, char **argv) {
  printf("stamp: %s\n", argc > 1 ? argv[1] : "(none)");
  return 0;
}
