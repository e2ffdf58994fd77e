// calc: a tiny command-line calculator, e.g. `calc 2 + 3`.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: calc NUMBER OP NUMBER")
		os.Exit(2)
	}
	a, err1 := strconv.ParseFloat(os.Args[1], 64)
	b, err2 := strconv.ParseFloat(os.Args[3], 64)
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "calc: operands must be numbers")
		os.Exit(2)
	}
	var r float64
	switch os.Args[2] {
	case "+":
		r = a + b
	case "-":
		r = a - b
	case "x", "*":
		r = a * b
	case "/":
		if b == 0 {
			fmt.Fprintln(os.Stderr, "calc: division by zero")
			os.Exit(1)
		}
		r = a / b
	default:
		fmt.Fprintf(os.Stderr, "calc: unknown operator %q\n", os.Args[2])
		os.Exit(2)
	}
	fmt.Println(strconv.FormatFloat(r, 'f', -1, 64))
}
