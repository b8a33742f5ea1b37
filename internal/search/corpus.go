package search

import (
	"bytes"
	"cmp"
	"fmt"
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
	text     []code  // each unit's folded text followed by one space
	chars    []rune  // the character of each code (see code)
	start    []int32 // offset of each unit in text, plus the total length
	id       []int   // id of each unit
	weight   []int   // an article's length bucket; the number of articles a heading covers
	old      []bool  // of each article: of a version not in force
	articles int
	avgLen   float64
}

// code stands for a character of the folded text, in half the memory of
// a rune: 0 for every kind of white space, then the characters the text
// holds in code point order, so that codes compare as their characters.
type code uint16

// space is the code of white space.
const space code = 0

// Article lengths are stored as buckets of a geometric scale, one digit of
// a number string each: bucket b stands for lenBase·lenRatio^b characters.
// BM25 needs no more precision than that.
const (
	lenBase    = 8
	lenRatio   = 1.25
	lenBuckets = 32
)

func newCorpus(units []Unit) (*corpus, error) {
	c := &corpus{articles: len(units)}
	// Codes are given in the order characters come, then renumbered in
	// code point order once every character is known.
	var codes codeTable
	total := 0
	add := func(id, weight int, text string) {
		c.start = append(c.start, int32(len(c.text)))
		c.id = append(c.id, id)
		c.weight = append(c.weight, weight)
		for _, r := range Fold(text) {
			c.text = append(c.text, codes.of(r))
		}
		c.text = append(c.text, space)
	}
	for i, u := range units {
		c.old = append(c.old, u.Old)
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
	if codes.overflow {
		return nil, fmt.Errorf("search: the texts hold more than %d different characters", maxCodes-1)
	}
	c.start = append(c.start, int32(len(c.text)))
	if len(units) > 0 {
		c.avgLen = float64(total) / float64(len(units))
	}
	c.chars = codes.sort(c.text)
	return c, nil
}

// maxCodes is the number of codes, white space's included.
const maxCodes = 1 << 16

// codeTable gives codes to characters in the order they come.
type codeTable struct {
	bmp      [0x10000]code // 0: none yet
	astral   map[rune]code
	chars    []rune // of each code; chars[0], white space, is ' '
	overflow bool
}

func (t *codeTable) of(r rune) code {
	switch {
	case IsSpace(r):
		return space
	case r < 0x10000:
		if t.bmp[r] == 0 {
			t.bmp[r] = t.add(r)
		}
		return t.bmp[r]
	}
	k, ok := t.astral[r]
	if !ok {
		if t.astral == nil {
			t.astral = map[rune]code{}
		}
		k = t.add(r)
		t.astral[r] = k
	}
	return k
}

// add gives r the next code.
func (t *codeTable) add(r rune) code {
	if len(t.chars) == 0 {
		t.chars = append(t.chars, ' ')
	}
	if len(t.chars) == maxCodes {
		t.overflow = true
		return space
	}
	t.chars = append(t.chars, r)
	return code(len(t.chars) - 1)
}

// sort renumbers the codes of text in code point order and returns the
// character of each code.
func (t *codeTable) sort(text []code) []rune {
	if len(t.chars) == 0 {
		return []rune{' '}
	}
	order := make([]code, len(t.chars)) // codes by character, space first
	for i := range order {
		order[i] = code(i)
	}
	slices.SortFunc(order[1:], func(a, b code) int { return cmp.Compare(t.chars[a], t.chars[b]) })
	renumber := make([]code, len(t.chars))
	chars := make([]rune, len(t.chars))
	for now, was := range order {
		renumber[was] = code(now)
		chars[now] = t.chars[was]
	}
	for i, k := range text {
		text[i] = renumber[k]
	}
	return chars
}

// meanLength is the mean article length as meta.js gives it, rounded to
// two decimals: the client ranks with this value, and so does the build.
func (c *corpus) meanLength() float64 { return math.Round(c.avgLen*100) / 100 }

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

// unitAt returns the unit holding text position p; hint is a unit at or
// before it (position lists are ascending, so the previous answer is).
// It gallops from the hint: the next position of a list is most often in
// the same unit or one soon after.
func (c *corpus) unitAt(p int32, hint int32) int32 {
	if p < c.start[hint+1] {
		return hint
	}
	// The first unit whose end is after p lies in (lo, hi].
	last := len(c.start) - 2
	lo, step := int(hint), 1
	hi := lo + step
	for hi < last && c.start[hi+1] <= p {
		lo = hi
		step *= 2
		hi = lo + step
	}
	hi = min(hi, last)
	lo++
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c.start[mid+1] <= p {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int32(lo)
}

// eachUnit calls f with each unit holding positions of pos (ascending),
// in order, and its positions.
func (c *corpus) eachUnit(pos []int32, f func(u int32, at []int32)) {
	u := int32(0)
	for i := 0; i < len(pos); {
		u = c.unitAt(pos[i], u)
		j := i + 1
		for j < len(pos) && pos[j] < c.start[u+1] {
			j++
		}
		f(u, pos[i:j])
		i = j
	}
}

// walk calls f with each unit holding positions of a list, in order, and
// its positions (see eachUnit).
type walk func(f func(u int32, at []int32))

// walker walks pos once each time it is called.
func (c *corpus) walker(pos []int32) walk {
	return func(f func(u int32, at []int32)) { c.eachUnit(pos, f) }
}

// split walks pos once and returns a walk that replays it: for a list
// walked more than once (a frequent gram's position, document and
// impact-ordered lists). The walk replays slices of s, which the next
// use of s overwrites.
func (c *corpus) split(pos []int32, s *scratch) walk {
	units, ends := s.units[:0], s.ends[:0] // pos[ends[k-1]:ends[k]] are in units[k]
	end := int32(0)
	c.eachUnit(pos, func(u int32, at []int32) {
		end += int32(len(at))
		units = append(units, u)
		ends = append(ends, end)
	})
	s.units, s.ends = units, ends
	return func(f func(u int32, at []int32)) {
		from := int32(0)
		for k, u := range units {
			f(u, pos[from:ends[k]])
			from = ends[k]
		}
	}
}

// passes splits the characters of the text into groups, in code point
// order, each starting at most about target positions, so that the grams
// are collected one group of first characters at a time: the positions a
// pass holds are bounded by the target, not by the corpus. It returns the
// pass of each code and the number of positions of each pass.
func (c *corpus) passes(target int) (pass, sizes []int) {
	counts := make([]int, len(c.chars))
	for _, k := range c.text {
		counts[k]++
	}
	pass = make([]int, len(c.chars))
	sizes = []int{0}
	for ch := 1; ch < len(counts); ch++ { // codes are in code point order
		if k := len(sizes) - 1; sizes[k] > 0 && sizes[k]+counts[ch] > target {
			sizes = append(sizes, 0)
		}
		sizes[len(sizes)-1] += counts[ch]
		pass[ch] = len(sizes) - 1
	}
	return pass, sizes
}

// eachGram calls f with every gram of the index: each character, each
// pair of characters, and the extensions of frequent grams. The grams are
// made one pass of first characters at a time (see passes), and f must
// not keep a gram's positions: they are dropped once f returns, so that
// only one pass's positions are ever held.
func (c *corpus) eachGram(p params, f func(*gram) error) error {
	// At most 254 passes, so that a byte tells each position's pass.
	passOf, sizes := c.passes(max(p.passTarget, len(c.text)/254+1))
	// The pass of every position, blank for white space: a byte a
	// character, so that a pass finds its positions by a scan of bytes
	// (bytes.IndexByte) instead of looking up every character again;
	// the passes grow with the corpus, and so would the scans.
	const blank = 255
	passAt := make([]uint8, len(c.text))
	for i, k := range c.text {
		if k == space {
			passAt[i] = blank
		} else {
			passAt[i] = uint8(passOf[k])
		}
	}
	charIndex := make([]int32, len(c.chars)) // of each code, in this pass; -1: none yet
	for k, size := range sizes {
		// Characters and pairs of this pass, collected by counting sort,
		// which keeps every position list in text order; each in the
		// order it first comes.
		for i := range charIndex {
			charIndex[i] = -1
		}
		pairIndex := make(map[[2]code]int32)
		var chars []code
		var pairs [][2]code
		var charCounts, pairCounts []int32
		at := make([]int32, 0, size)
		charOf := make([]int32, 0, size)
		pairOf := make([]int32, 0, size)
		for i := bytes.IndexByte(passAt, byte(k)); i >= 0; {
			r := c.text[i]
			ci := charIndex[r]
			if ci < 0 {
				ci = int32(len(chars))
				charIndex[r] = ci
				chars = append(chars, r)
				charCounts = append(charCounts, 0)
			}
			charCounts[ci]++
			at = append(at, int32(i))
			charOf = append(charOf, ci)
			pi := int32(-1)
			if next := c.text[i+1]; next != space { // in range: the text ends with a space
				key := [2]code{r, next}
				var ok bool
				if pi, ok = pairIndex[key]; !ok {
					pi = int32(len(pairs))
					pairIndex[key] = pi
					pairs = append(pairs, key)
					pairCounts = append(pairCounts, 0)
				}
				pairCounts[pi]++
			}
			pairOf = append(pairOf, pi)
			j := bytes.IndexByte(passAt[i+1:], byte(k))
			if j < 0 {
				break
			}
			i += 1 + j
		}
		charLists := spread(at, charOf, charCounts)
		charOf = nil
		for i, pos := range charLists {
			if err := f(&gram{key: string(c.chars[chars[i]]), n: 1, pos: pos}); err != nil {
				return err
			}
			charLists[i] = nil
		}
		pairLists := spread(at, pairOf, pairCounts)
		at, pairOf = nil, nil
		for i, pos := range pairLists {
			key := string([]rune{c.chars[pairs[i][0]], c.chars[pairs[i][1]]})
			if err := c.extend(&gram{key: key, n: 2, pos: pos}, p, f); err != nil {
				return err
			}
			pairLists[i] = nil
		}
	}
	return nil
}

// spread sorts the positions at by the index that of assigns them (-1:
// none), keeping their order within each index.
func spread(at, of []int32, counts []int32) [][]int32 {
	total := 0
	for _, n := range counts {
		total += int(n)
	}
	all := make([]int32, 0, total)
	lists := make([][]int32, len(counts))
	for i, n := range counts {
		lists[i] = all[len(all) : len(all) : len(all)+int(n)]
		all = all[:len(all)+int(n)]
	}
	for j, li := range of {
		if li >= 0 {
			lists[li] = append(lists[li], at[j])
		}
	}
	return lists
}

// extend hands g to f and, if g is frequent, its extensions by one
// character, recursively.
func (c *corpus) extend(g *gram, p params, f func(*gram) error) error {
	g.extended = len(g.pos) > p.extendAbove && int(g.n) < p.maxGram
	if err := f(g); err != nil {
		return err
	}
	if !g.extended {
		return nil
	}
	children := make(map[code]*gram)
	var order []code
	for _, at := range g.pos {
		r := c.text[at+g.n] // in range: the text ends with a space
		if r == space {
			continue
		}
		ch := children[r]
		if ch == nil {
			ch = &gram{key: g.key + string(c.chars[r]), n: g.n + 1}
			children[r] = ch
			order = append(order, r)
		}
		ch.pos = append(ch.pos, at)
	}
	g.pos = nil
	for _, r := range order {
		ch := children[r]
		delete(children, r)
		if err := c.extend(ch, p, f); err != nil {
			return err
		}
	}
	return nil
}

// positions encodes a position list: for each unit holding the gram, in id
// order, the id (as the gap to the previous id, less one), the unit's
// weight, the number of occurrences, and their offsets in the unit (the
// first as is, the others as the gap to the previous, less one).
func (c *corpus) positions(units walk, s *scratch) string {
	b, _ := c.appendPositions(s.buf[:0], units)
	s.buf = b
	return string(b)
}

// appendPositions appends the position list of a walk to b and returns
// it with the number of units the list holds.
func (c *corpus) appendPositions(b []byte, walk walk) ([]byte, int) {
	prevID, units := -1, 0
	walk(func(u int32, at []int32) {
		units++
		b = c.appendUnit(b, u, &prevID, len(at))
		prev := int32(-1)
		for _, p := range at {
			off := p - c.start[u]
			b = appendVLQ(b, int(off-prev-1))
			prev = off
		}
	})
	return b, units
}

// groupedPositions encodes the position list of a gram that is not
// extended, grouped by the character that follows each occurrence, so that
// the list also answers for the gram extended by one character. Groups are
// in order of that character's code point, 0 standing for white space or
// the end of the unit; each is the code point (for the first group) or
// the gap to the previous one less one, the number of units in the group,
// and the group's position list.
func (c *corpus) groupedPositions(g *gram, s *scratch) string {
	// The occurrences by the code that follows, in text order within
	// each: codes compare as their characters, white space first.
	occs := slices.Grow(s.occs[:0], len(g.pos))[:len(g.pos)]
	for i, at := range g.pos {
		occs[i] = occurrence{c.text[at+g.n], at} // in range: the text ends with a space
	}
	slices.SortStableFunc(occs, func(a, b occurrence) int { return cmp.Compare(a.next, b.next) })
	b, list := s.buf[:0], s.list[:0]
	pos := slices.Grow(s.pos[:0], len(occs))
	defer func() { s.occs, s.buf, s.list, s.pos = occs, b, list, pos }()
	prev := rune(-1)
	for i := 0; i < len(occs); {
		k := occs[i].next
		pos = pos[:0]
		for ; i < len(occs) && occs[i].next == k; i++ {
			pos = append(pos, occs[i].at)
		}
		r := c.chars[k]
		if k == space {
			r = 0
		}
		b = appendVLQ(b, int(r-prev-1))
		prev = r
		var units int
		list, units = c.appendPositions(list[:0], c.walker(pos))
		b = appendVLQ(b, units)
		b = append(b, list...)
	}
	return string(b)
}

// docs encodes a document list: per unit the id gap, the weight and the
// number of occurrences, as positions does without the offsets.
func (c *corpus) docs(units walk, s *scratch) string {
	b := s.buf[:0]
	prevID := -1
	units(func(u int32, at []int32) { b = c.appendUnit(b, u, &prevID, len(at)) })
	s.buf = b
	return string(b)
}

// occurrence is an occurrence of a gram and the code that follows it
// (see groupedPositions).
type occurrence struct {
	next code
	at   int32
}

func (c *corpus) appendUnit(b []byte, u int32, prevID *int, n int) []byte {
	id := c.id[u]
	b = appendVLQ(b, id-*prevID-1)
	*prevID = id
	b = appendVLQ(b, c.weight[u])
	return appendVLQ(b, n)
}
