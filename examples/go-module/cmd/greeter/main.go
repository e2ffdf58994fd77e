// greeter: `greeter NAME` prints a greeting and exits; with no
// arguments it serves greetings over HTTP on $PORT (default 8080).
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"example.com/greeter/internal/greeting"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Println(greeting.For(strings.Join(os.Args[1:], " ")))
		return
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, greeting.For(r.URL.Query().Get("name")))
	})
	log.Printf("greeter listening on :%s", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
