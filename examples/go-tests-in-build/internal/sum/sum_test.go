package sum

import "testing"

func TestOf(t *testing.T) {
	if got := Of(2, 3, 4); got != 9 {
		t.Fatalf("Of(2, 3, 4) = %d, want 9", got)
	}
}
