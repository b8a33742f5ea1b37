package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// corpus is the folded text of every unit laid end to end. Units are the
// articles, then the headings: one unit per run of articles with the same
// document title, and one per run with the same chapter heading. A heading
// unit's id is articles + 2·first + kind, where first is the id of its
// first article and kind is 0 for a title and 1 for a chapter, so that the
// client finds the articles a heading covers without a table.
type corpus struct {
	text     []rune  // each unit's folded text followed by one space
	start    []int32 // offset of each unit in text, plus the total length
	id       []int   // id of each unit
	weight   []int   // an article's length bucket; the number of articles a heading covers
	owner    []int32 // unit of each position of text
	articles int
	avgLen   float64
}

// Article lengths are stored as buckets of a geometric scale, one digit of
// a number string each: bucket b stands for lenBase·lenRatio^b characters.
// BM25 needs no more precision than that.
const (
	lenBase    = 8
	lenRatio   = 1.25
	lenBuckets = 32
)

func newCorpus(units []Unit) *corpus {
	c := &corpus{articles: len(units)}
	total := 0
	add := func(id, weight int, text string) {
		c.start = append(c.start, int32(len(c.text)))
		c.id = append(c.id, id)
		c.weight = append(c.weight, weight)
		c.text = append(c.text, []rune(Fold(text))...)
		c.text = append(c.text, ' ')
	}
	for i, u := range units {
		texts := make([]string, len(u.Blocks))
		n := 0
		for j, b := range u.Blocks {
			texts[j] = b.Text
			n += utf8.RuneCountInString(b.Text)
		}
		total += n
		add(i, lengthBucket(n), strings.Join(texts, "\n"))
	}
	for _, h := range headings(units) {
		add(len(units)+2*h.first+h.kind, h.count, h.text)
	}
	c.start = append(c.start, int32(len(c.text)))
	c.owner = make([]int32, len(c.text))
	for u := range c.id {
		for p := c.start[u]; p < c.start[u+1]; p++ {
			c.owner[p] = int32(u)
		}
	}
	if len(units) > 0 {
		c.avgLen = float64(total) / float64(len(units))
	}
	return c
}

// lengthBucket returns the bucket of an article of n characters.
func lengthBucket(n int) int {
	if n <= lenBase {
		return 0
	}
	b := int(math.Round(math.Log(float64(n)/lenBase) / math.Log(lenRatio)))
	return min(b, lenBuckets-1)
}

// heading is a run of consecutive articles under one title or chapter.
type heading struct {
	first, count int
	kind         int // 0 document title, 1 chapter heading
	text         string
}

// headings returns the title and chapter runs of units, ordered by first
// article and kind, which is the order of their ids.
func headings(units []Unit) []heading {
	var hs []heading
	for i := 0; i < len(units); {
		j := i + 1
		for j < len(units) && units[j].Doc == units[i].Doc {
			j++
		}
		if units[i].Doc != "" {
			hs = append(hs, heading{i, j - i, 0, units[i].Doc})
		}
		i = j
	}
	for i := 0; i < len(units); {
		j := i + 1
		for j < len(units) && units[j].Doc == units[i].Doc && units[j].Chapter == units[i].Chapter {
			j++
		}
		if units[i].Chapter != "" {
			hs = append(hs, heading{i, j - i, 1, units[i].Chapter})
		}
		i = j
	}
	slices.SortFunc(hs, func(a, b heading) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.kind, b.kind))
	})
	return hs
}

// gram is one token of the index with every position where it occurs.
type gram struct {
	key      string
	n        int32   // length of key in characters
	pos      []int32 // offsets in corpus.text, ascending
	extended bool    // every one-character extension that occurs is a gram too
}

// grams returns every gram of the index, ordered by key: each character,
// each pair of characters, and the extensions of frequent grams.
func (c *corpus) grams(p params) []*gram {
	// Characters and pairs are collected by counting sort over the whole
	// text, which keeps every position list in text order.
	charIndex := make(map[rune]int32)
	pairIndex := make(map[[2]rune]int32)
	var chars []rune
	var pairs [][2]rune
	var charCounts, pairCounts []int32
	charOf := make([]int32, len(c.text))
	pairOf := make([]int32, len(c.text))
	for i, r := range c.text {
		charOf[i], pairOf[i] = -1, -1
		if IsSpace(r) {
			continue
		}
		ci, ok := charIndex[r]
		if !ok {
			ci = int32(len(chars))
			charIndex[r] = ci
			chars = append(chars, r)
			charCounts = append(charCounts, 0)
		}
		charCounts[ci]++
		charOf[i] = ci
		next := c.text[i+1] // in range: the text ends with a space
		if IsSpace(next) {
			continue
		}
		k := [2]rune{r, next}
		pi, ok := pairIndex[k]
		if !ok {
			pi = int32(len(pairs))
			pairIndex[k] = pi
			pairs = append(pairs, k)
			pairCounts = append(pairCounts, 0)
		}
		pairCounts[pi]++
		pairOf[i] = pi
	}
	var grams []*gram
	for i, pos := range spread(charOf, charCounts) {
		grams = append(grams, &gram{key: string(chars[i]), n: 1, pos: pos})
	}
	for i, pos := range spread(pairOf, pairCounts) {
		grams = c.extend(&gram{key: string(pairs[i][:]), n: 2, pos: pos}, grams, p)
	}
	slices.SortFunc(grams, func(x, y *gram) int { return strings.Compare(x.key, y.key) })
	return grams
}

// spread sorts the positions by the index that of assigns them (-1: none),
// keeping text order within each index.
func spread(of []int32, counts []int32) [][]int32 {
	all := make([]int32, 0, len(of))
	lists := make([][]int32, len(counts))
	for i, n := range counts {
		lists[i] = all[len(all) : len(all) : len(all)+int(n)]
		all = all[:len(all)+int(n)]
	}
	for i, li := range of {
		if li >= 0 {
			lists[li] = append(lists[li], int32(i))
		}
	}
	return lists
}

// extend appends g to grams and, if g is frequent, its extensions by one
// character, recursively.
func (c *corpus) extend(g *gram, grams []*gram, p params) []*gram {
	grams = append(grams, g)
	if len(g.pos) <= p.extendAbove || int(g.n) >= p.maxGram {
		return grams
	}
	g.extended = true
	children := make(map[rune]*gram)
	var order []rune
	for _, at := range g.pos {
		r := c.text[at+g.n] // in range: the text ends with a space
		if IsSpace(r) {
			continue
		}
		ch := children[r]
		if ch == nil {
			ch = &gram{key: g.key + string(r), n: g.n + 1}
			children[r] = ch
			order = append(order, r)
		}
		ch.pos = append(ch.pos, at)
	}
	for _, r := range order {
		grams = c.extend(children[r], grams, p)
	}
	return grams
}

// positions encodes a position list: for each unit holding the gram, in id
// order, the id (as the gap to the previous id, less one), the unit's
// weight, the number of occurrences, and their offsets in the unit (the
// first as is, the others as the gap to the previous, less one).
func (c *corpus) positions(pos []int32) string {
	var b []byte
	prevID := -1
	for i := 0; i < len(pos); {
		u := c.owner[pos[i]]
		j := i + 1
		for j < len(pos) && c.owner[pos[j]] == u {
			j++
		}
		b = c.appendUnit(b, u, &prevID, j-i)
		prev := int32(-1)
		for _, p := range pos[i:j] {
			off := p - c.start[u]
			b = appendVLQ(b, int(off-prev-1))
			prev = off
		}
		i = j
	}
	return string(b)
}

// groupedPositions encodes the position list of a gram that is not
// extended, grouped by the character that follows each occurrence, so that
// the list also answers for the gram extended by one character. Groups are
// in order of that character's code point, 0 standing for white space or
// the end of the unit; each is the code point (for the first group) or
// the gap to the previous one less one, the number of units in the group,
// and the group's position list.
func (c *corpus) groupedPositions(g *gram) string {
	groups := make(map[rune][]int32)
	var next []rune
	for _, at := range g.pos {
		r := c.text[at+g.n] // in range: the text ends with a space
		if IsSpace(r) {
			r = 0
		}
		if _, ok := groups[r]; !ok {
			next = append(next, r)
		}
		groups[r] = append(groups[r], at)
	}
	slices.Sort(next)
	var b []byte
	prev := rune(-1)
	for _, r := range next {
		pos := groups[r]
		b = appendVLQ(b, int(r-prev-1))
		prev = r
		units := 1
		for i := 1; i < len(pos); i++ {
			if c.owner[pos[i]] != c.owner[pos[i-1]] {
				units++
			}
		}
		b = appendVLQ(b, units)
		b = append(b, c.positions(pos)...)
	}
	return string(b)
}

// docs encodes a document list: per unit the id gap, the weight and the
// number of occurrences, as positions does without the offsets.
func (c *corpus) docs(pos []int32) string {
	var b []byte
	prevID := -1
	for i := 0; i < len(pos); {
		u := c.owner[pos[i]]
		j := i + 1
		for j < len(pos) && c.owner[pos[j]] == u {
			j++
		}
		b = c.appendUnit(b, u, &prevID, j-i)
		i = j
	}
	return string(b)
}

func (c *corpus) appendUnit(b []byte, u int32, prevID *int, n int) []byte {
	id := c.id[u]
	b = appendVLQ(b, id-*prevID-1)
	*prevID = id
	b = appendVLQ(b, c.weight[u])
	return appendVLQ(b, n)
}
