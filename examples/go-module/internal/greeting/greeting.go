// Package greeting builds the greeting text shared by the CLI and HTTP modes.
package greeting

import "strings"

// For returns the greeting for name, defaulting to "world".
func For(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "world"
	}
	return "Hello, " + name + "!"
}
