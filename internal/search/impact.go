package search

import (
	"cmp"
	"math"
	"slices"
)

// Ranking. A query of one term is ranked without reading the term's whole
// list when the build has stored the list in impact order (see impact):
// the client then needs the same scores as the build, to the last bit, so
// both compute them from the same numbers (meta.js carries k1, b, the mean
// length and the length of each bucket) in the same order of operations.
const (
	bm25K1 = 1.5
	bm25B  = 0.1
)

// bucketLengths returns the length each length bucket stands for.
func bucketLengths() []float64 {
	lens := make([]float64, lenBuckets)
	for b := range lens {
		lens[b] = lenBase * math.Pow(lenRatio, float64(b))
	}
	return lens
}

// termScore is BM25's weight of a term occurring tf times in an article of
// length length, without the term's idf (which does not change the order
// of a query of one term); engine.ts computes the same with idf 1, in the
// same order of operations, each rounded as JavaScript rounds it (the
// conversions keep the compiler from fusing a multiply and an add).
func termScore(tf int, length, avg float64) float64 {
	k1, b, one := float64(bm25K1), float64(bm25B), 1.0
	t := float64(tf)
	num := float64(t * float64(k1+one))
	norm := float64(float64(one-b) + float64(float64(b*length)/avg))
	return num / float64(t+float64(k1*norm))
}

// impactUnit is an article of a term's list, with what ranks it.
type impactUnit struct {
	id, w, tf int32
	heading   int32 // 1 if the document title or chapter heading holds the term
	score     float64
}

// impact returns the first articles of a term's list in the order a query
// of that term alone ranks them (heading first, then score, then id), cut
// into segments of the sizes head gives, with the number of articles of each;
// and the number of articles in the list and of those the number of
// versions not in force.
// Each segment is a number string: per article its id, weight, number of
// occurrences and heading flag.
func (c *corpus) impact(walk walk, head []int, lens []float64, s *scratch) (segments []string, sizes []int, count, olds int) {
	avg := c.meanLength()
	// Articles come before headings in id order, and so in pos.
	units := s.impact[:0]
	defer func() { s.impact = units[:0] }()
	type run struct{ first, count int }
	var covers []run
	walk(func(u int32, at []int32) {
		id, w := c.id[u], c.weight[u]
		if id >= c.articles {
			// A heading: every article it covers ranks first.
			covers = append(covers, run{(id - c.articles) >> 1, w})
			return
		}
		units = append(units, impactUnit{id: int32(id), w: int32(w), tf: int32(len(at)), score: termScore(len(at), lens[w], avg)})
		if c.old[id] {
			olds++
		}
	})
	for _, r := range covers {
		k, _ := slices.BinarySearchFunc(units, r.first, func(x impactUnit, id int) int { return cmp.Compare(int(x.id), id) })
		for ; k < len(units) && int(units[k].id) < r.first+r.count; k++ {
			units[k].heading = 1
		}
	}
	rank := func(x, y impactUnit) int {
		return cmp.Or(cmp.Compare(y.heading, x.heading), cmp.Compare(y.score, x.score), cmp.Compare(x.id, y.id))
	}
	// Only the head is stored: the first of the ranking are selected,
	// then sorted, rather than the whole list sorted.
	want := 0
	for _, n := range head {
		want += n
	}
	top := topOf(units, want, rank)
	for k, size := 0, 0; k < len(top) && len(segments) < len(head); k += size {
		size = min(len(top)-k, head[len(segments)])
		var b []byte
		for _, x := range top[k : k+size] {
			b = appendVLQ(b, int(x.id))
			b = appendVLQ(b, int(x.w))
			b = appendVLQ(b, int(x.tf))
			b = appendVLQ(b, int(x.heading))
		}
		segments = append(segments, string(b))
		sizes = append(sizes, size)
	}
	return segments, sizes, len(units), olds
}

// topOf returns the first n elements of xs in the order cmp sorts them,
// sorted; xs is reordered. A bounded heap keeps the n best seen so far:
// n·log n for the sort and len(xs)·log n for the rest, not len(xs)·log
// len(xs).
func topOf[T any](xs []T, n int, cmp func(a, b T) int) []T {
	if n <= 0 {
		return nil
	}
	if len(xs) <= n {
		slices.SortFunc(xs, cmp)
		return xs
	}
	// h is a max-heap by cmp: its root is the worst of the n kept.
	h := xs[:n]
	worse := func(i, j int) bool { return cmp(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= n {
				return
			}
			m := l
			if r := l + 1; r < n && worse(r, l) {
				m = r
			}
			if !worse(m, i) {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range xs[n:] {
		if cmp(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}

// impactHeader is how a dictionary entry refers to an impact-ordered
// list: the number of articles of the term's whole list, how many of them
// are of versions not in force, then per segment its number of articles
// and the number n of the file l/<n>.js that holds it.
func impactHeader(count, olds int, sizes, files []int) string {
	b := appendVLQ(nil, count)
	b = appendVLQ(b, olds)
	for k := range files {
		b = appendVLQ(b, sizes[k])
		b = appendVLQ(b, files[k])
	}
	return string(b)
}
