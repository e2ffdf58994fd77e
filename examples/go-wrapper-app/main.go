// A greeter built the GOPATH way, with the golang image's go-wrapper.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	name := "world"
	if len(os.Args) > 1 {
		name = strings.Join(os.Args[1:], " ")
	}
	fmt.Printf("Hello, %s! (go-wrapper)\n", name)
}
