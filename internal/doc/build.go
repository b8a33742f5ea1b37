package doc

import (
	"cmp"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// builder turns the blocks of one file into a Document.
type builder struct {
	d      *Document
	src    []byte
	file   *token.File
	errs   ErrorList
	blocks []block

	fmTitle bool   // the front matter gives the title
	fmDate  string // the front matter's date
	fmKind  bool   // the front matter gives the kind
	fmID    bool   // the front matter gives the id

	// confirmed lists the warnings an editor confirmed to be the text
	// as published (front matter "confirmed"), by message.
	confirmed   []string
	confirmedAt int // offset of the key

	style family // the family that numbers articles; famNone if none

	// open units
	part, subpart, chapter, section *Division
	art                             *Article
	para                            *Paragraph
	item                            *Item

	// lost maps the index of a line that is a chapter heading without its
	// label (see planLostHeadings) to that chapter's number; lostIntro
	// marks the second line of such a heading.
	lost      map[int]int
	lostIntro map[int]bool

	// quoted marks the lines inside a quotation, quoteOpens the lines
	// that open one or start with “ (see planQuotes)
	quoted, quoteOpens map[int]bool

	// headingDiv maps the index of a heading that planHeadings reads as
	// a division to its marker.
	headingDiv map[int]divisionMarker

	// the cached answer of continuesList for blocks before contUntil
	contUntil int
	contValue bool
}

// applyFrontMatter stores the front matter's fields.
func (b *builder) applyFrontMatter(fields []fmField) {
	m := &b.d.Meta
	notice := func() *Notice {
		if m.Notice == nil {
			m.Notice = &Notice{}
		}
		return m.Notice
	}
	offsets := map[string]int{}
	for _, f := range fields {
		v := f.value
		offsets[f.key] = f.offset
		switch f.key {
		case "id":
			b.fmID = true
			b.d.IDPos = b.pos(f.offset)
			if !validSlug(v) {
				b.errs.Add(b.pos(f.offset), "id "+strconv.Quote(v)+" is not a permanent address: use lower-case ASCII letters, digits and single hyphens, e.g. kzfz-2021-7")
				continue
			}
			b.d.Slug = v
		case "title":
			m.Title = v
			b.fmTitle = v != ""
		case "subtitle":
			m.Subtitle = v
		case "kind":
			m.Kind = v
			b.fmKind = v != ""
		case "number":
			m.Number = v
		case "issuer":
			m.Issuer = v
		case "adopted":
			m.Adopted = v
		case "written":
			m.Written = v
		case "issued":
			m.Issued = v
		case "issued-by":
			m.IssuedBy = v
		case "imprint":
			m.Imprint = v
		case "publication":
			m.Publication = v
		case "date":
			if v != "" && !validDate(v) {
				b.errs.Add(b.pos(f.offset), "date "+strconv.Quote(v)+" is not a valid date: write it YYYY-MM-DD, e.g. 2021-04-01")
				continue
			}
			b.fmDate = v
		case "notice-title":
			notice().Title = v
		case "notice-addressee":
			notice().Addressee = v
		case "notice-body":
			notice().Body = f.list
		case "notice-signer":
			notice().Signer = v
		case "notice-date":
			notice().Date = v
		case "cc":
			m.CC = f.list
		case "document":
			if !validSlug(v) {
				b.errs.Add(b.pos(f.offset), "document "+strconv.Quote(v)+" is not a document key: use lower-case ASCII letters, digits and single hyphens, e.g. xingzheng-fuyi-fa")
				continue
			}
			m.Document = v
		case "effective", "repealed":
			if v != "" && !validDate(v) {
				b.errs.Add(b.pos(f.offset), f.key+" "+strconv.Quote(v)+" is not a valid date: write it YYYY-MM-DD, e.g. 2021-04-01")
				continue
			}
			if f.key == "effective" {
				m.Effective = v
			} else {
				m.Repealed = v
			}
		case "repealed-by":
			m.RepealedBy = v
		case "confirmed":
			b.confirmed = f.list
			b.confirmedAt = f.offset
		}
	}
	// The imprint is printed; issued-by and issued are read from it.
	if m.Imprint != "" {
		if m.IssuedBy != "" && !strings.HasPrefix(m.Imprint, m.IssuedBy) {
			b.errs.Add(b.pos(offsets["imprint"]), "imprint does not start with issued-by "+strconv.Quote(m.IssuedBy))
		}
		if m.Issued != "" && !strings.Contains(m.Imprint, m.Issued) {
			b.errs.Add(b.pos(offsets["imprint"]), "imprint does not contain the date issued "+strconv.Quote(m.Issued))
		}
	}
}

// build reads the title, header, table of contents and body.
func (b *builder) build() {
	blocks := b.blocks
	i := 0
	switch {
	case len(blocks) > 0 && blocks[0].kind == bHeading && blocks[0].level == 1:
		t := blocks[0]
		if b.fmTitle && t.text != b.d.Meta.Title {
			b.errs.Add(b.pos(t.off), "title "+strconv.Quote(t.text)+" differs from the front matter's title "+strconv.Quote(b.d.Meta.Title))
		}
		b.d.Meta.Title = t.text
		i = 1
		if i < len(blocks) && blocks[i].kind == bHeading && blocks[i].level == 1 {
			b.d.Meta.Subtitle = blocks[i].text
			i++
		}
	case !b.fmTitle:
		off := 0
		if len(blocks) > 0 {
			off = blocks[0].off
		}
		b.errs.Add(b.pos(off), "missing title: start the text with a heading \"# 标题\" or give a title in the front matter")
	}

	// The header runs up to the marker, when there is one.
	for k := i; k < len(blocks); k++ {
		if blocks[k].kind == bInfoEnd {
			for _, h := range blocks[i:k] {
				b.d.Header = append(b.d.Header, h.text)
			}
			i = k + 1
			break
		}
	}

	b.planQuotes(i)
	b.style = b.articleFamily(i)
	i = b.readContentsAfterPreamble(i)
	b.splitRunOns(i)
	b.quoted, b.quoteOpens = nil, nil // lines were split: mark them again
	b.planQuotes(i)
	b.planHeadings(i)
	b.planLostHeadings(i)
	for ; i < len(b.blocks); i++ {
		b.add(i)
	}
}

// articleFamily returns the family that numbers the articles: 第X条 if any
// line opens with it, else 一、, else （一）; famNone for a text without
// numbered articles.
func (b *builder) articleFamily(i int) family {
	best := famNone
	for k := i; k < len(b.blocks); k++ {
		if b.blocks[k].kind == bInfoEnd {
			continue
		}
		switch f := b.markerAt(k).fam; f {
		case famTiao:
			return famTiao
		case famEnum, famParenCN:
			if best == famNone || f < best {
				best = f
			}
		}
	}
	return best
}

// readContents recognises a table of contents (目录) at block i: a run
// of division headings with nothing between them, which either ends where
// the numbering starts again (the body's first heading) or holds two
// headings of the same kind in a row — a body never has an empty
// chapter. A table that opens with a line or heading 目录 may also list
// its entries as plain lines, and unnumbered ones (附则, 附录); it ends
// where the numbering of its first entry starts again. It returns the
// index of the first block after it.
func (b *builder) readContents(i int) int {
	if i < len(b.blocks) && isContentsMarker(b.blocks[i].text) {
		if k := b.readMarkedContents(i); k > i {
			return k
		}
	}
	k := i
	var run []divisionMarker
	restart := false
	for ; k < len(b.blocks) && b.blocks[k].kind == bHeading; k++ {
		m, ok := b.contentsEntry(k)
		if !ok {
			break
		}
		if len(run) > 0 && m.kind == run[0].kind && m.num == run[0].num {
			restart = true
			break
		}
		run = append(run, m)
	}
	adjacent := false
	for j := 1; j < len(run); j++ {
		if run[j].kind == run[j-1].kind {
			adjacent = true
		}
	}
	if !restart && !adjacent {
		return i
	}
	for j := range run {
		b.d.Contents = append(b.d.Contents, b.blocks[i+j].text)
	}
	return k
}

// readContentsAfterPreamble reads a table of contents at block i, or
// after the plain lines that open the body (a title repeated over two
// lines), which then are the preamble. It returns the index of the first
// block after the table, or i if there is none.
func (b *builder) readContentsAfterPreamble(i int) int {
	if k := b.readContents(i); k > i {
		return k
	}
	j := i
	for j < len(b.blocks) && b.blocks[j].kind == bLine && !isContentsMarker(b.blocks[j].text) && b.markerAt(j).fam == famNone {
		j++
	}
	if j == i || j == len(b.blocks) {
		return i
	}
	k := b.readContents(j)
	if k == j {
		return i
	}
	for _, bl := range b.blocks[i:j] {
		b.d.Preamble = append(b.d.Preamble, bl.text)
	}
	return k
}

// contentsEntry reads block k as an entry of a table of contents: a
// division heading, or in a text of 第X条 a heading numbered 一、, which
// planHeadings reads as a division.
func (b *builder) contentsEntry(k int) (divisionMarker, bool) {
	bl := b.blocks[k]
	if m, ok := scanDivision(bl.text); ok {
		return m, true
	}
	if m := b.markerAt(k); bl.kind == bHeading && b.style == famTiao && m.fam == famEnum {
		return divisionMarker{kind: Chapter, num: m.num, label: m.label}, true
	}
	return divisionMarker{}, false
}

// isContentsMarker reports a line 目录 (blanks ignored).
func isContentsMarker(s string) bool {
	return strings.Join(strings.FieldsFunc(s, isBlank), "") == "目录"
}

// readMarkedContents reads the table of contents that the line 目录 at
// block i opens, and returns the index of the first block after it, or i
// if the entries after 目录 do not read as one.
func (b *builder) readMarkedContents(i int) int {
	var first divisionMarker
	k := i + 1
	for ; k < len(b.blocks); k++ {
		bl := b.blocks[k]
		if bl.kind == bInfoEnd || scanMarker(bl.text).fam == famTiao {
			return i
		}
		m, ok := scanDivision(bl.text)
		if !ok {
			if b.titleLike(k) || bl.kind == bHeading {
				continue
			}
			return i
		}
		if first.kind == 0 {
			first = m
			continue
		}
		if m.kind == first.kind && m.num == first.num {
			break
		}
	}
	if first.kind == 0 || k == len(b.blocks) {
		return i
	}
	for _, bl := range b.blocks[i:k] {
		b.d.Contents = append(b.d.Contents, bl.text)
	}
	return k
}

// splitRunOns splits, from block i on, lines that hold the next article
// or item run on after the end of the previous one — a line break lost
// in transcription: "…制定本规则。 第二条 凡…" or "…墒情；（四）大中型…".
// Only the label of the very next article (after a blank) or item (after
// ；or 。) splits a line, and only if that unit does not follow on a line
// of its own, so that a cross-reference (依照第二条) never does.
func (b *builder) splitRunOns(i int) {
	cur := 0      // the number of the last article seen
	next := "第一条" // the label of the article after it
	// One note per source line: the units run on in it.
	var run []string // labels
	runWhat, runOff, runRest := "", 0, -1
	flush := func() {
		switch len(run) {
		case 0:
		case 1:
			b.note(runOff, "runon", runWhat+" "+run[0]+" runs on in this line after the end of the one before: read as a line of its own")
		default:
			b.note(runOff, "runon", runWhat+"s "+run[0]+" to "+run[len(run)-1]+" run on in this line: each read as a line of its own")
		}
		run = run[:0]
	}
	split := func(i, k int, what, label string) {
		if i != runRest {
			flush()
			runOff = b.blocks[i].off
		}
		b.splitBlock(i, k)
		run = append(run, label)
		runWhat, runRest = what, i+1
	}
	defer flush()
	for ; i < len(b.blocks); i++ {
		bl := b.blocks[i]
		if bl.kind != bLine {
			continue
		}
		if cur > 0 && isAppendixMarker(bl.text) {
			return
		}
		if b.quoted[i] {
			continue
		}
		m := scanMarker(bl.text)
		if b.style == famTiao && m.fam == famTiao && m.sub == 0 && m.num != cur {
			cur = m.num
			next = "第" + FormatNumeral(cur+1) + "条"
		}
		if b.style == famTiao && cur > 0 {
			if k := runOnAt(bl.text, next); k > 0 && b.nextNumber(i, famTiao) != cur+1 {
				split(i, k, "article", next)
				continue
			}
		}
		if m.fam > b.style && m.fam == famParenCN {
			if k := runOnItemAt(bl.text, m); k > 0 && b.nextNumber(i, m.fam) != m.num+1 {
				split(i, k, "item", scanMarker(bl.text[k:]).label)
			}
		}
	}
}

// runOnAt returns the offset in s of an article label that follows a
// blank and is followed by one, or 0.
func runOnAt(s, label string) int {
	for from := 0; ; {
		k := strings.Index(s[from:], label)
		if k < 0 {
			return 0
		}
		k += from
		r, _ := utf8.DecodeLastRuneInString(s[:k])
		if k > 0 && isBlank(r) && atLabelEnd(s[k+len(label):]) {
			return k
		}
		from = k + len(label)
	}
}

// runOnItemAt returns the offset in s of the label of the item after m,
// run on after ；or 。 and any blanks, or 0.
func runOnItemAt(s string, m marker) int {
	for k := len(m.label); k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if r == '（' || r == '(' {
			if n := scanMarker(s[k:]); n.fam == m.fam && n.num == m.num+1 {
				if p, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s[:k], isBlank)); p == '；' || p == '。' || p == ';' {
					return k
				}
			}
		}
		k += size
	}
	return 0
}

// nextNumber returns the number of the next line after block i that opens
// with family f, or 0; an item's successor is looked for in its article
// only.
func (b *builder) nextNumber(i int, f family) int {
	for j := i + 1; j < len(b.blocks); j++ {
		m := b.markerAt(j)
		if m.fam == f {
			return m.num
		}
		if m.fam == b.style && f != b.style {
			return 0
		}
	}
	return 0
}

// splitBlock splits block i at byte k of its text; the blanks before k
// stood for the lost line break.
func (b *builder) splitBlock(i, k int) {
	bl := b.blocks[i]
	rest := block{kind: bLine, text: bl.text[k:], off: bl.off + k}
	b.blocks[i].text = strings.TrimRightFunc(bl.text[:k], isBlank)
	b.blocks = slices.Insert(b.blocks, i+1, rest)
}

// planLostHeadings finds, from block i on, chapter headings that lost
// their label 第X章 in transcription and survive as a bare title line:
// where the chapter numbering skips g numbers and exactly g title-like
// lines in the gap each stand right before an article or a section
// heading, those lines are the missing chapters, in order. A title-like
// line ending in 、 just before one is its first half. Documents with
// parts (编) are left alone.
func (b *builder) planLostHeadings(i int) {
	if b.style == famNone {
		return
	}
	for _, bl := range b.blocks[i:] {
		if m, ok := scanDivision(bl.text); ok && bl.kind == bHeading && m.kind == Part {
			return
		}
	}
	cur, from := 0, i
	for j := i; j < len(b.blocks); j++ {
		bl := b.blocks[j]
		m, ok := scanDivision(bl.text)
		if bl.kind != bHeading || !ok || m.kind != Chapter {
			continue
		}
		if gap := m.num - cur - 1; gap > 0 {
			var found []int
			for k := from; k < j; k++ {
				if b.lostHeadingAt(k) {
					found = append(found, k)
				}
			}
			if len(found) == gap {
				if b.lost == nil {
					b.lost, b.lostIntro = map[int]int{}, map[int]bool{}
				}
				for n, k := range found {
					if p := k - 1; p >= from && b.titleLike(p) && strings.HasSuffix(b.blocks[p].text, "、") {
						b.lost[p] = cur + 1 + n
						b.lostIntro[k] = true
						continue
					}
					b.lost[k] = cur + 1 + n
				}
			}
		}
		cur, from = m.num, j+1
	}
}

// lostHeadingAt reports whether block k is a title-like line right before
// an article or a section heading.
func (b *builder) lostHeadingAt(k int) bool {
	if !b.titleLike(k) || k+1 >= len(b.blocks) {
		return false
	}
	next := b.blocks[k+1]
	if m, ok := scanDivision(next.text); ok && next.kind == bHeading {
		return m.kind == Section
	}
	return b.markerAt(k+1).fam == b.style
}

// titleLike reports whether block k is a plain line that reads as a
// heading: short, unnumbered, with no punctuation that ends or splits a
// sentence.
func (b *builder) titleLike(k int) bool {
	bl := b.blocks[k]
	if bl.kind != bLine || utf8.RuneCountInString(bl.text) > 40 || b.markerAt(k).fam != famNone {
		return false
	}
	return strings.TrimFunc(bl.text, isBlankOrInvisible) != "" && !strings.ContainsAny(bl.text, "。；：，！？;:,!?")
}

// isBlankOrInvisible reports blanks and the zero-width space some texts
// carry on otherwise empty lines.
func isBlankOrInvisible(r rune) bool { return isBlank(r) || r == '\u200b' }

// note records a slip of the source of the given kind at byte offset
// off; readers need no note, for the text is shown as written.
func (b *builder) note(off int, kind, msg string) {
	b.d.Warnings.Warn(b.pos(off), kind, msg, "", "")
}

// add places block i in the document.
func (b *builder) add(i int) {
	bl := b.blocks[i]
	d := b.d
	if bl.kind == bInfoEnd {
		b.errs.Add(b.pos(bl.off), "second "+infoEnd+" marker")
		return
	}
	if d.Trailer != nil {
		d.Trailer = append(d.Trailer, bl.text)
		return
	}
	if bl.kind == bHeading && !b.quoted[i] {
		if m, ok := scanDivision(bl.text); ok {
			b.openDivision(bl, m)
			return
		}
		if b.openPlannedHeading(i) {
			return
		}
	}
	m := b.markerAt(i)
	if m.fam == famNone && b.style == famTiao && !b.quoted[i] {
		if u := scanTiaoUnspaced(bl.text); u.fam == famTiao && b.nextArticle(u) {
			m = u
			b.note(bl.off, "label.unspaced", "article label "+u.label+" has no blank after it: read as an article, as its number comes next")
		}
	}
	switch {
	case b.style != famNone && m.fam == b.style:
		b.openArticle(bl, m)
		return
	case len(d.Articles) > 0 && isAppendixMarker(bl.text):
		d.Trailer = append(d.Trailer, bl.text)
		b.art, b.para, b.item = nil, nil, nil
		return
	case b.lost[i] > 0:
		n := b.lost[i]
		b.openDivision(bl, divisionMarker{kind: Chapter, num: n, title: bl.text})
		label := "第" + FormatNumeral(n) + "章"
		b.d.Warnings.Warn(b.pos(bl.off), "heading.label", "chapter heading "+strconv.Quote(bl.text)+" has lost its label: read as "+label+", which the numbering skips",
			"原文"+label+"标题缺“"+label+"”字样", "index.html")
		return
	case b.lostIntro[i]:
		b.chapter.Intro = append(b.chapter.Intro, bl.text)
		return
	}
	if b.art == nil {
		if div := b.innermost(); div != nil {
			div.Intro = append(div.Intro, bl.text)
		} else {
			d.Preamble = append(d.Preamble, bl.text)
		}
		return
	}
	if bl.kind == bHeading && (m.fam == famNone || m.fam < b.style) {
		bl = b.plainHeading(bl)
		m = marker{}
	}
	b.addToArticle(i, bl, m)
}

// nextArticle reports whether m numbers the article after the last one.
func (b *builder) nextArticle(m marker) bool {
	arts := b.d.Articles
	if len(arts) == 0 {
		return m.num == 1 && m.sub == 0
	}
	last := arts[len(arts)-1]
	return m.sub == 0 && m.num == last.Number+1 || m.sub > 0 && m.num == last.Number && m.sub == last.Sub+1
}

// innermost returns the innermost open division.
func (b *builder) innermost() *Division {
	switch {
	case b.section != nil:
		return b.section
	case b.chapter != nil:
		return b.chapter
	case b.subpart != nil:
		return b.subpart
	}
	return b.part
}

// openDivision starts a part, chapter or section.
func (b *builder) openDivision(bl block, m divisionMarker) {
	div := &Division{
		Kind:   m.kind,
		Number: m.num,
		Label:  m.label,
		Title:  m.title,
		Text:   bl.text,
		Pos:    b.pos(bl.off),
	}
	var parent *Division
	switch m.kind {
	case Part:
		b.part, b.subpart, b.chapter, b.section = div, nil, nil, nil
	case Subpart:
		parent = b.part
		b.subpart, b.chapter, b.section = div, nil, nil
	case Chapter:
		parent = cmp.Or(b.subpart, b.part)
		b.chapter, b.section = div, nil
	case Section:
		parent = cmp.Or(b.chapter, b.subpart, b.part)
		b.section = div
	}
	div.Parent = parent
	if parent == nil {
		b.d.Divisions = append(b.d.Divisions, div)
	} else {
		parent.Divisions = append(parent.Divisions, div)
	}
	b.art, b.para, b.item = nil, nil, nil
}

// styleOf returns the article style numbered by a family.
func styleOf(f family) ArticleStyle {
	switch f {
	case famTiao:
		return Tiao
	case famEnum:
		return Enumerated
	}
	return Parenthesized
}

// openArticle starts an article; its first line is its first paragraph.
func (b *builder) openArticle(bl block, m marker) {
	pos := b.pos(bl.off)
	a := &Article{
		Doc:      b.d,
		Division: b.innermost(),
		Style:    styleOf(m.fam),
		Number:   m.num,
		Sub:      m.sub,
		Label:    m.label,
		Pos:      pos,
		Heading:  bl.kind == bHeading,
	}
	if m.slip != "" {
		b.note(bl.off, "label.slip", "article label "+m.label+" has a slip ("+m.slip+"): read as "+a.Citation())
	}
	p := &Paragraph{Article: a, Index: 1, Text: bl.text, Pos: pos}
	a.Paragraphs = []*Paragraph{p}
	b.d.Articles = append(b.d.Articles, a)
	if a.Division != nil {
		a.Division.Articles = append(a.Division.Articles, a)
	}
	b.art, b.para, b.item = a, p, nil
}

// addToArticle places block i, which opens with marker m, in the current
// article: as an item, a sub-item, a line continuing an item, or a new
// paragraph.
func (b *builder) addToArticle(i int, bl block, m marker) {
	heading := bl.kind == bHeading
	if it := b.item; it != nil {
		switch {
		case m.fam == it.fam:
			b.openItem(bl, m)
			return
		case m.fam > it.fam:
			b.addLine(bl, m)
			return
		case m.fam == famNone:
			if it.Heading || heading || b.quoted[i] || b.quoteOpens[i] || isBullet(bl.text) || b.continuesList(i) {
				b.addLine(bl, m)
				return
			}
		case m.fam > b.style:
			b.openItem(bl, m) // a list of another family
			return
		}
	} else if m.fam != famNone && m.fam > b.style {
		b.openItem(bl, m)
		return
	}
	p := &Paragraph{Article: b.art, Index: len(b.art.Paragraphs) + 1, Text: bl.text, Pos: b.pos(bl.off)}
	b.art.Paragraphs = append(b.art.Paragraphs, p)
	b.para, b.item = p, nil
}

// openItem starts an item in the current paragraph.
func (b *builder) openItem(bl block, m marker) {
	it := &Item{
		Paragraph: b.para,
		Number:    m.num,
		Label:     m.label,
		Text:      bl.text,
		Pos:       b.pos(bl.off),
		Heading:   bl.kind == bHeading,
		fam:       m.fam,
	}
	b.para.Items = append(b.para.Items, it)
	b.item = it
}

// addLine adds a line to the current item: a sub-item if it opens with
// the family of the item's sub-items (the first sub-item sets it), else
// a continuation line whose label, if any, stays part of its text.
func (b *builder) addLine(bl block, m marker) {
	it := b.item
	l := &Line{Item: it, Text: bl.text, Pos: b.pos(bl.off)}
	if m.fam > it.fam {
		if sf := it.subFamily(); sf == famNone || sf == m.fam {
			l.Number, l.Label, l.fam = m.num, m.label, m.fam
		}
	}
	it.Body = append(it.Body, l)
}

// isBullet reports a line of a Markdown bullet list ("- …", "* …",
// "+ …"), kept with its marker: inside an item it continues the item.
func isBullet(s string) bool {
	return len(s) > 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t')
}

// subFamily returns the family of the item's sub-items, or famNone.
func (it *Item) subFamily() family {
	for _, l := range it.Body {
		if l.Number > 0 {
			return l.fam
		}
	}
	return famNone
}

// continuesList reports whether the unnumbered line at block i, after a
// plain-line item, continues that item: whether the next numbered line
// (past any further unnumbered lines) is the item's successor or its
// next sub-item. A list does not resume after a new paragraph, so such a
// line belongs to the item before it; otherwise it starts a paragraph.
func (b *builder) continuesList(i int) bool {
	if i < b.contUntil {
		return b.contValue
	}
	it := b.item
	lastSub := 0
	for _, l := range it.Body {
		if l.Number > 0 {
			lastSub = l.Number
		}
	}
	subFam := it.subFamily()
	k := i
	for ; k < len(b.blocks); k++ {
		bl := b.blocks[k]
		if bl.kind != bLine || isAppendixMarker(bl.text) {
			break
		}
		if b.markerAt(k).fam != famNone {
			break
		}
		if b.lost[k] > 0 {
			break
		}
	}
	v := false
	if k < len(b.blocks) && b.blocks[k].kind != bInfoEnd {
		next := b.markerAt(k)
		v = next.fam == it.fam && next.num == it.Number+1 ||
			lastSub > 0 && next.fam == subFam && next.num == lastSub+1
	}
	b.contUntil, b.contValue = k, v
	return v
}

// finishMeta derives what the front matter did not give: date, kind and
// address.
func (b *builder) finishMeta() {
	m := &b.d.Meta
	switch {
	case b.fmDate != "":
		m.Date = b.fmDate
	default:
		m.Date = fileDate(b.d.Path)
		if m.Date == "" {
			m.Date = latestDate(b.d.Header)
		}
		if m.Date == "" {
			m.Date = latestDate([]string{m.Issued, m.Written})
		}
	}
	if !b.fmKind {
		m.Kind = InferKind(m.Title, b.d.Header)
	}
}
