package versions

import (
	"sort"
	"strings"

	"rulesite/internal/doc"
)

// Comparison is the 新旧对照 of two versions: a row per article of
// either, in reading order of the newer version, removed articles where
// they stood in the older one.
//
// Articles are matched by content, not number. The similarity of two
// articles is the Dice coefficient of their sets of character bigrams
// (labels 第X条 left out, so that renumbering does not count); pairs at
// or above Threshold may match. An order-preserving alignment (a
// longest-path dynamic programme over the two lists, maximising the
// summed similarity) lines up the articles that kept their order; then
// every article left unmatched in the older version is paired, most
// similar first, with an article left unmatched in the newer one if their
// similarity reaches Threshold: an article that moved. Within a matched
// pair the text is diffed rune by rune (see Diff).
type Comparison struct {
	Old, New                                  *doc.Document
	Rows                                      []Row
	Changed, Unchanged, Added, Removed, Moved int
}

// Threshold is the least similarity at which two articles are one.
const Threshold = 0.5

// RowKind tells what happened to an article.
type RowKind int

const (
	Same    RowKind = iota // matched, text identical
	Changed                // matched, text differs
	Added                  // only in the newer version
	Removed                // only in the older version
)

// Row is one line of the comparison.
type Row struct {
	Kind     RowKind
	Old, New *doc.Article // nil for an added or removed article
	Moved    bool         // matched out of order
	Segments []Segment    // the diff, for Same and Changed
}

// Op is what a segment of a diff does.
type Op int

const (
	Equal Op = iota
	Insert
	Delete
)

// Segment is a run of text that both versions share, or that only the
// newer (Insert) or older (Delete) has.
type Segment struct {
	Op   Op
	Text string
}

// Text returns an article's text as compared: its lines joined by
// newlines.
func Text(a *doc.Article) string { return strings.Join(a.TextLines(), "\n") }

// body returns the article's text without its label.
func body(a *doc.Article) string { return strings.TrimPrefix(Text(a), a.Label) }

// Compare lines up the articles of two versions, older first.
func Compare(old, new *doc.Document) *Comparison {
	c := &Comparison{Old: old, New: new}
	ob := make([]bigrams, len(old.Articles))
	for i, a := range old.Articles {
		ob[i] = bigramsOf(body(a))
	}
	nb := make([]bigrams, len(new.Articles))
	for j, a := range new.Articles {
		nb[j] = bigramsOf(body(a))
	}
	n, m := len(ob), len(nb)
	// Only a similarity at or above Threshold counts: a pair whose
	// lengths alone bound it below (2·shorter / both, see dice) is left
	// at 0 without comparing its bigrams.
	sim := make([]float64, n*m)
	for i := range ob {
		for j := range nb {
			a, b := len(ob[i]), len(nb[j])
			if float64(2*min(a, b)) < Threshold*float64(a+b) {
				continue
			}
			sim[i*m+j] = dice(ob[i], nb[j])
		}
	}
	// best[i][j]: the highest summed similarity aligning old[i:] with new[j:].
	best := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &best[i*(m+1)+j] }
	for i := n; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			if i == n || j == m {
				continue
			}
			v := *at(i+1, j)
			if w := *at(i, j+1); w > v {
				v = w
			}
			if s := sim[i*m+j]; s >= Threshold {
				if w := s + *at(i+1, j+1); w > v {
					v = w
				}
			}
			*at(i, j) = v
		}
	}
	type step struct{ i, j int } // -1 for none
	var path []step
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && sim[i*m+j] >= Threshold && *at(i, j) == sim[i*m+j]+*at(i+1, j+1):
			path = append(path, step{i, j})
			i, j = i+1, j+1
		case i < n && (j == m || *at(i, j) == *at(i+1, j)):
			path = append(path, step{i, -1})
			i++
		default:
			path = append(path, step{-1, j})
			j++
		}
	}
	// Moved articles: leftovers paired by similarity, best first.
	var lo, ln []int
	for _, s := range path {
		switch {
		case s.j < 0:
			lo = append(lo, s.i)
		case s.i < 0:
			ln = append(ln, s.j)
		}
	}
	type cand struct {
		i, j int
		s    float64
	}
	var cands []cand
	for _, i := range lo {
		for _, j := range ln {
			if s := sim[i*m+j]; s >= Threshold {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].s > cands[b].s })
	movedTo := map[int]int{} // new → old
	usedOld := map[int]bool{}
	for _, cd := range cands {
		if _, ok := movedTo[cd.j]; ok || usedOld[cd.i] {
			continue
		}
		movedTo[cd.j] = cd.i
		usedOld[cd.i] = true
	}
	for _, s := range path {
		switch {
		case s.i >= 0 && s.j >= 0:
			c.add(old.Articles[s.i], new.Articles[s.j], false)
		case s.i >= 0:
			if !usedOld[s.i] {
				c.Rows = append(c.Rows, Row{Kind: Removed, Old: old.Articles[s.i]})
				c.Removed++
			}
		default:
			if oi, ok := movedTo[s.j]; ok {
				c.add(old.Articles[oi], new.Articles[s.j], true)
				continue
			}
			c.Rows = append(c.Rows, Row{Kind: Added, New: new.Articles[s.j]})
			c.Added++
		}
	}
	return c
}

func (c *Comparison) add(o, n *doc.Article, moved bool) {
	ot, nt := Text(o), Text(n)
	r := Row{Kind: Same, Old: o, New: n, Moved: moved, Segments: Diff(ot, nt)}
	if ot != nt {
		r.Kind = Changed
		c.Changed++
	} else {
		c.Unchanged++
	}
	if moved {
		c.Moved++
	}
	c.Rows = append(c.Rows, r)
}

// bigrams is a sorted set of character bigrams.
type bigrams []uint64

func bigramsOf(s string) bigrams {
	var rs []rune
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\u3000' {
			continue
		}
		rs = append(rs, r)
	}
	set := make(bigrams, 0, len(rs))
	for i := 1; i < len(rs); i++ {
		set = append(set, uint64(rs[i-1])<<32|uint64(rs[i]))
	}
	if len(rs) == 1 {
		set = append(set, uint64(rs[0]))
	}
	sort.Slice(set, func(a, b int) bool { return set[a] < set[b] })
	k := 0
	for i, v := range set {
		if i == 0 || v != set[k-1] {
			set[k] = v
			k++
		}
	}
	return set[:k]
}

// dice returns 2|a∩b| / (|a|+|b|), 1 for two empty sets.
func dice(a, b bigrams) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// MaxDiffCells bounds the work of one diff: past this many cells of the
// LCS table (runes of the old middle × runes of the new), the differing
// middle is shown as deleted and inserted whole.
const MaxDiffCells = 4 << 20

// Diff returns the rune-level difference of two texts: the common prefix
// and suffix, and between them a longest common subsequence of runes
// (dynamic programme, bounded by MaxDiffCells). Equal and Delete
// segments concatenate to old, Equal and Insert segments to new.
func Diff(old, new string) []Segment {
	a, b := []rune(old), []rune(new)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var segs []Segment
	emit := func(op Op, r []rune) {
		if len(r) == 0 {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].Op == op {
			segs[n-1].Text += string(r)
			return
		}
		segs = append(segs, Segment{op, string(r)})
	}
	emit(Equal, a[:p])
	am, bm := a[p:len(a)-s], b[p:len(b)-s]
	if len(am)*len(bm) > MaxDiffCells {
		emit(Delete, am)
		emit(Insert, bm)
	} else {
		n, m := len(am), len(bm)
		l := make([]int32, (n+1)*(m+1))
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if am[i] == bm[j] {
					l[i*(m+1)+j] = l[(i+1)*(m+1)+j+1] + 1
				} else if x, y := l[(i+1)*(m+1)+j], l[i*(m+1)+j+1]; x >= y {
					l[i*(m+1)+j] = x
				} else {
					l[i*(m+1)+j] = y
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && am[i] == bm[j]:
				emit(Equal, am[i:i+1])
				i, j = i+1, j+1
			case j == m || i < n && l[(i+1)*(m+1)+j] >= l[i*(m+1)+j+1]:
				emit(Delete, am[i:i+1])
				i++
			default:
				emit(Insert, bm[j:j+1])
				j++
			}
		}
	}
	emit(Equal, a[len(a)-s:])
	return segs
}

// Inserted and Deleted tell a segment's operation to templates.
func (s Segment) Inserted() bool { return s.Op == Insert }

// Deleted reports whether only the older text has the segment.
func (s Segment) Deleted() bool { return s.Op == Delete }

// Class names the kind of the row for markup: same, changed, added,
// removed.
func (r Row) Class() string {
	return [...]string{"same", "changed", "added", "removed"}[r.Kind]
}

// Label names the kind of the row for readers.
func (r Row) Label() string {
	l := [...]string{"未修改", "修改", "新增", "删除"}[r.Kind]
	if r.Moved {
		l += "（移动）"
	}
	return l
}
