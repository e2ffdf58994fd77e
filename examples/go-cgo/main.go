// app: doubles a number in C via cgo and reports which libc it runs on.
package main

/*
#include <stdio.h>
#include <gnu/libc-version.h>

static int twice(int x) { return 2 * x; }
static const char *libc_version(void) { return gnu_get_libc_version(); }
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 21
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: app NUMBER")
			os.Exit(2)
		}
		n = v
	}
	fmt.Printf("twice(%d) = %d (computed in C)\n", n, int(C.twice(C.int(n))))
	fmt.Printf("glibc %s\n", C.GoString(C.libc_version()))
}
