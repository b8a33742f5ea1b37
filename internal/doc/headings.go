package doc

import (
	"strconv"
	"strings"
)

// planHeadings decides, from block i on, what the Markdown headings that
// are not 第X编/分编/章/节 headings stand for, by their level: the level
// of a numbered division heading is that division's kind.
//
//   - In a text whose articles are 第X条, a heading numbered 一、
//     (## 二、民事公益诉讼) is a division: of the kind of the numbered
//     division headings at its level, or else of the first kind the text
//     does not use (a chapter, or a section in a text with chapters).
//   - An unnumbered heading at the level of numbered divisions, standing
//     right before an article or a division heading (## 附则 in a code of
//     编), is a division of that kind without a number.
//
// Any other heading that is not an article or an item is read as a plain
// line of the text (## 三, ## 标准工时制): see add.
func (b *builder) planHeadings(i int) {
	levels := map[int]DivisionKind{}
	used := map[DivisionKind]bool{}
	for _, bl := range b.blocks[i:] {
		if bl.kind != bHeading {
			continue
		}
		if m, ok := scanDivision(bl.text); ok {
			if _, ok := levels[bl.level]; !ok {
				levels[bl.level] = m.kind
			}
			used[m.kind] = true
		}
	}
	free := DivisionKind(0)
	switch {
	case !used[Chapter]:
		free = Chapter
	case !used[Section]:
		free = Section
	}
	for j := i; j < len(b.blocks); j++ {
		bl := b.blocks[j]
		if bl.kind != bHeading {
			continue
		}
		if _, ok := scanDivision(bl.text); ok {
			continue
		}
		m := b.markerAt(j)
		kind, atLevel := levels[bl.level]
		switch {
		case b.style == famTiao && m.fam == famEnum:
			if !atLevel {
				kind = free
			}
			if kind == 0 {
				continue
			}
			b.setHeading(j, divisionMarker{kind: kind, num: m.num, label: m.label,
				title: strings.TrimLeftFunc(bl.text[len(m.label):], isBlank)})
		case m.fam == famNone && atLevel && j+1 < len(b.blocks) && b.headsUnit(j+1):
			b.setHeading(j, divisionMarker{kind: kind, title: bl.text})
		}
	}
}

func (b *builder) setHeading(j int, m divisionMarker) {
	if b.headingDiv == nil {
		b.headingDiv = map[int]divisionMarker{}
	}
	b.headingDiv[j] = m
}

// headsUnit reports whether block k opens an article or a division.
func (b *builder) headsUnit(k int) bool {
	bl := b.blocks[k]
	if bl.kind == bHeading {
		if _, ok := scanDivision(bl.text); ok {
			return true
		}
	}
	return b.style != famNone && b.markerAt(k).fam == b.style
}

// openPlannedHeading opens the division planHeadings found at block i, if
// any, and reports whether it did.
func (b *builder) openPlannedHeading(i int) bool {
	m, ok := b.headingDiv[i]
	if !ok {
		return false
	}
	bl := b.blocks[i]
	b.openDivision(bl, m)
	if m.label == "" {
		b.note(bl.off, "heading.unnumbered", "heading "+strconv.Quote(bl.text)+" has no number: read as a "+kindName(m.kind)+" without one")
	}
	return true
}

// plainHeading reads a heading that is no unit of the structure as a
// plain line of the text, noting it.
func (b *builder) plainHeading(bl block) block {
	b.note(bl.off, "heading.unnumbered", "heading "+strconv.Quote(bl.text)+" is not a part, chapter, section, article or item: read as a line of the text")
	bl.kind = bLine
	return bl
}

func kindName(k DivisionKind) string {
	switch k {
	case Part:
		return "part"
	case Subpart:
		return "sub-part"
	case Chapter:
		return "chapter"
	}
	return "section"
}
