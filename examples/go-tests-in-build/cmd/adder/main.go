// adder: `adder 1 2 3` prints the sum of its arguments.
package main

import (
	"fmt"
	"os"
	"strconv"

	"example.com/adder/internal/sum"
)

func main() {
	var xs []int
	for _, a := range os.Args[1:] {
		x, err := strconv.Atoi(a)
		if err != nil {
			fmt.Fprintln(os.Stderr, "not a number:", a)
			os.Exit(2)
		}
		xs = append(xs, x)
	}
	fmt.Println(sum.Of(xs...))
}
