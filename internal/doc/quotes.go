package doc

import "strings"

// planQuotes marks, from block i on, the lines inside a quotation that
// runs over several lines: the provisions an amendment decision (修改决定)
// quotes, e.g.
//
//	2.将第二条修改为：
//	“权利人在专利侵权诉讼中……
//	有证据证明……
//	第三条 ……”
//
// Such lines are text of the decision, not its structure: their numbers
// open no article, item or sub-item, and they continue the unit that
// quotes them. A quotation opens on a line that leaves more “ than ” open
// and closes on the line that balances them; one that never closes is no
// quotation (a stray mark), and its lines are read as usual. The line
// that opens a quotation, and any line that begins with “, continue an
// open item too: the item introduces what it quotes.
func (b *builder) planQuotes(i int) {
	depth, from := 0, -1
	for k := i; k < len(b.blocks); k++ {
		bl := b.blocks[k]
		if bl.kind == bInfoEnd {
			depth, from = 0, -1
			continue
		}
		if depth > 0 {
			if b.quoted == nil {
				b.quoted = map[int]bool{}
			}
			b.quoted[k] = true
		}
		if depth == 0 && strings.HasPrefix(bl.text, "“") {
			b.markOpen(k)
		}
		depth += strings.Count(bl.text, "“") - strings.Count(bl.text, "”")
		if depth > 0 && from < 0 {
			b.markOpen(k)
		}
		switch {
		case depth <= 0:
			depth, from = 0, -1
		case from < 0:
			from = k
		}
	}
	if depth > 0 {
		// never closed: not a quotation
		for k := from + 1; k < len(b.blocks); k++ {
			delete(b.quoted, k)
		}
	}
}

func (b *builder) markOpen(k int) {
	if b.quoteOpens == nil {
		b.quoteOpens = map[int]bool{}
	}
	b.quoteOpens[k] = true
}

// markerAt returns the marker that opens block k, or none for a line
// inside a quotation.
func (b *builder) markerAt(k int) marker {
	if b.quoted[k] {
		return marker{}
	}
	return scanMarker(b.blocks[k].text)
}
