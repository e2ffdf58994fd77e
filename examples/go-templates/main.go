// greeter renders templates/greeting.tmpl for the names it is given: a Go program that reads a file
// from its source tree at run time, which the runtime stage must still have.
package main

import (
	"os"
	"strings"
	"text/template"
)

func main() {
	t := template.Must(template.ParseFiles("templates/greeting.tmpl"))
	names := os.Args[1:]
	if len(names) == 0 {
		names = []string{"world"}
	}
	if err := t.Execute(os.Stdout, strings.Join(names, " and ")); err != nil {
		panic(err)
	}
}
