// A server that runs /bin/sh for every request: nothing in the Dockerfile or the sources' imports tells
// a converter that the runtime needs a shell, so the static conversion answers 500 where the original
// answers 200. Only a real build and a request show it. (The shell is named through a variable: a literal
// one in the call is read from the sources, and that conversion is declined statically: src/code-programs.ts.)
package main

import (
	"net/http"
	"os/exec"
)

var shell = "sh"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		out, err := exec.Command(shell, "-c", "echo ok").Output()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = w.Write(out)
	})
	_ = http.ListenAndServe(":8080", nil)
}
