package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTopOf checks the selection of the head of a ranking against a full
// sort, with ties, for heads shorter than, as long as and longer than the
// list.
func TestTopOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		xs := make([]int, rng.IntN(300))
		for i := range xs {
			xs[i] = rng.IntN(50)
		}
		n := rng.IntN(len(xs) + 20)
		want := slices.Sorted(slices.Values(xs))
		want = want[:min(n, len(want))]
		got := topOf(slices.Clone(xs), n, cmp.Compare[int])
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("trial %d: top %d of %v = %v, want %v", trial, n, xs, got, want)
		}
	}
}
