// devserver: the "just go run it" container. With --once (the default when
// no PORT is set) it prints its routes and exits instead of serving.
package main

import (
	"fmt"
	"net/http"
	"os"
	"sort"
)

var routes = map[string]string{
	"/":       "index",
	"/health": "ok",
	"/ping":   "pong",
}

func main() {
	port := os.Getenv("PORT")
	if port == "" || (len(os.Args) > 1 && os.Args[1] == "--once") {
		paths := make([]string, 0, len(routes))
		for p := range routes {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			fmt.Printf("route %s -> %s\n", p, routes[p])
		}
		fmt.Println("devserver self-test ok")
		return
	}
	for p, body := range routes {
		body := body
		http.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, body) })
	}
	http.ListenAndServe(":"+port, nil)
}
