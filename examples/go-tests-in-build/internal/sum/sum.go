// Package sum adds numbers.
package sum

// Of returns the sum of xs.
func Of(xs ...int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
