// A server that runs /bin/sh for every request: nothing in the Dockerfile or the sources' imports tells
// a converter that the runtime needs a shell, so the static conversion answers 500 where the original
// answers 200. Only a real build and a request show it.
package main

import (
	"net/http"
	"os/exec"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		out, err := exec.Command("sh", "-c", "echo ok").Output()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = w.Write(out)
	})
	_ = http.ListenAndServe(":8080", nil)
}
