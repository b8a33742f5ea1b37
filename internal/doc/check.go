package doc

import (
	"go/token"
	"strconv"
	"strings"
)

// check reports numbering that skips, repeats, goes backwards or does not
// start at one: articles through the document; parts through the
// document; chapters through the document, or afresh in each part;
// sections afresh in each chapter; sub-items afresh in each item; items
// afresh in each paragraph (a list of another family starts afresh too),
// except that a list may go on after an unnumbered paragraph of its
// article, and items may be numbered through the document (1. to 75.
// under articles 一、 to 十、).
//
// Such numbering is the text as published: it is rendered as written and
// reported as a warning with a note for readers, never as an error. Every
// unit still gets an address of its own (see numberUnits); two units that
// would share one are an error, for the site would then be wrong.
func (b *builder) check() {
	d := b.d
	b.numberUnits()
	var prev *Article
	var lastBefore map[family]*Item // the last item of each family in the articles before
	through := numberedThrough(d)
	for _, a := range d.Articles {
		b.checkArticle(prev, a)
		prev = a
		last := map[family]*Item{} // the last item of each family in this article
		for _, p := range a.Paragraphs {
			var prevItem *Item
			for _, it := range p.Items {
				var before seqUnit
				switch {
				case prevItem != nil && prevItem.fam == it.fam:
					before = itemUnit(prevItem)
				case prevItem == nil && last[it.fam] != nil && last[it.fam].Number == it.Number-1:
					// The list goes on after an unnumbered paragraph.
					before = itemUnit(last[it.fam])
				case prevItem == nil && last[it.fam] == nil && through[it.fam] && lastBefore[it.fam] != nil:
					// The items are numbered through the document.
					before = itemUnit(lastBefore[it.fam])
				}
				last[it.fam] = it
				b.sequence(it.Pos, "item", before, itemUnit(it), a.File()+"#"+it.Anchor())
				prevItem = it
				before = seqUnit{}
				for _, l := range it.Body {
					if l.Number > 0 {
						u := seqUnit{label: l.Label, num: l.Number, name: "第" + citedNumber(l.fam, l.Number, l.Label) + "目", fam: l.fam}
						b.sequence(l.Pos, "sub-item", before, u, a.File()+"#"+l.Anchor())
						before = u
					}
				}
			}
		}
		if lastBefore == nil {
			lastBefore = map[family]*Item{}
		}
		for f, it := range last {
			lastBefore[f] = it
		}
	}

	var parts, subparts, chapters, sections []*Division
	var walk func(divs []*Division)
	walk = func(divs []*Division) {
		for _, div := range divs {
			switch div.Kind {
			case Part:
				parts = append(parts, div)
			case Subpart:
				subparts = append(subparts, div)
			case Chapter:
				chapters = append(chapters, div)
			case Section:
				sections = append(sections, div)
			}
			walk(div.Divisions)
		}
	}
	walk(d.Divisions)
	b.checkDivisions("part", parts, func(prev, div *Division) bool { return false })
	b.checkDivisions("sub-part", subparts, func(prev, div *Division) bool { return div.Parent != prev.Parent })
	b.checkDivisions("chapter", chapters, func(prev, div *Division) bool {
		// Chapters may start afresh in each part.
		return div.Parent != prev.Parent && div.Number == 1
	})
	b.checkDivisions("section", sections, func(prev, div *Division) bool { return div.Parent != prev.Parent })
}

// numberedThrough returns the item families that a document numbers
// through its articles: all its items of the family, in order, are 1, 2,
// 3 … with no restart, and they span several articles.
func numberedThrough(d *Document) map[family]bool {
	next := map[family]int{}
	first := map[family]*Article{}
	spans := map[family]bool{}
	broken := map[family]bool{}
	for _, a := range d.Articles {
		for _, p := range a.Paragraphs {
			for _, it := range p.Items {
				if it.Number != next[it.fam]+1 {
					broken[it.fam] = true
				}
				next[it.fam] = it.Number
				if first[it.fam] == nil {
					first[it.fam] = a
				} else if first[it.fam] != a {
					spans[it.fam] = true
				}
			}
		}
	}
	through := map[family]bool{}
	for f := range spans {
		if !broken[f] {
			through[f] = true
		}
	}
	return through
}

// seqUnit is a numbered unit as the numbering check sees it.
type seqUnit struct {
	label string // as written, for messages
	num   int
	name  string // as cited in notes, e.g. 第十条, 第（三）项, 第三章
	fam   family // items and sub-items; famNone otherwise

	// kind names a division's unit (章, 节, 编); "" for others
	kind string
}

func itemUnit(it *Item) seqUnit {
	return seqUnit{label: it.Label, num: it.Number, name: "第" + citedNumber(it.fam, it.Number, it.Label) + "项", fam: it.fam}
}

func articleUnit(a *Article) seqUnit {
	return seqUnit{label: a.Label, num: a.Number, name: a.Citation(), fam: famTiao}
}

// nameOf cites number n of the family of u, e.g. 第十三条, 第（三）项, 第3目.
func (u seqUnit) nameOf(n int) string {
	switch {
	case u.kind == "、":
		return FormatNumeral(n) + "、"
	case u.kind != "":
		return "第" + FormatNumeral(n) + u.kind
	case u.fam == famTiao:
		return "第" + FormatNumeral(n) + "条"
	}
	unit := "项"
	if strings.HasSuffix(u.name, "目") {
		unit = "目"
	}
	label := u.label
	if u.fam == famCircled && n >= 1 && n <= 20 {
		label = string(rune('①' + n - 1))
	}
	return "第" + citedNumber(u.fam, n, label) + unit
}

// rangeName cites the numbers from..to of the family of u.
func (u seqUnit) rangeName(from, to int) string {
	if from == to {
		return u.nameOf(from)
	}
	return u.nameOf(from) + "至" + u.nameOf(to)
}

// checkDivisions checks the numbers of divisions of one kind in document
// order; restart reports whether div may start again from 1 (or must:
// then prev is not compared). A division number that is missing is
// almost always a heading lost in transcription, so it is reported as
// heading.missing.
func (b *builder) checkDivisions(what string, divs []*Division, restart func(prev, div *Division) bool) {
	var prev *Division
	kind := map[string]string{"part": "编", "sub-part": "分编", "chapter": "章", "section": "节"}[what]
	for _, div := range divs {
		if div.Label == "" {
			// A heading that lost its label (planLostHeadings) takes its
			// place in the numbering; one that never had a number
			// (planHeadings) takes none.
			if div.Number > 0 {
				prev = div
			}
			continue
		}
		arabic := isArabicNumeral(strings.TrimPrefix(div.Label, "第"))
		k := kind
		if isEnumLabel(div.Label) {
			k = "、"
		}
		u := seqUnit{label: divisionName(div), num: div.Number, kind: k}
		u.name = u.nameOf(div.Number)
		var before seqUnit
		if prev != nil && !restart(prev, div) {
			before = seqUnit{label: divisionName(prev), num: prev.Number, kind: k}
		}
		b.sequenceArabic(div.Pos, what, before, u, "index.html", arabic)
		prev = div
	}
}

// isEnumLabel reports a label of the form 一、.
func isEnumLabel(label string) bool { return strings.HasSuffix(label, "、") }

// divisionName names a division in a message: its label, or its heading
// when the label is missing.
func divisionName(div *Division) string {
	if div.Label != "" {
		return div.Label
	}
	return div.Text
}

// checkArticle checks an article's number against the previous one's.
func (b *builder) checkArticle(prev, a *Article) {
	arabic := isArabicNumeral(strings.TrimPrefix(a.Label, "第"))
	unit := a.File()
	if a.Sub > 0 {
		// 第N条之M follows 第N条 or 第N条之(M-1).
		base := "第" + FormatNumeral(a.Number) + "条"
		if i := strings.LastIndex(a.Label, "之"); i > 0 {
			base = a.Label[:i]
		}
		name := a.Citation()
		switch {
		case prev == nil:
			b.warn(a.Pos, "numbering.start", "article "+a.Label+" starts the numbering: it must follow article "+base,
				"原文"+name+"前无"+"第"+FormatNumeral(a.Number)+"条", unit)
		case prev.Number != a.Number:
			b.warn(a.Pos, "numbering.skip", "article "+a.Label+" follows "+prev.Label+": it must follow article "+base,
				"原文"+prev.Citation()+"后为"+name+"，缺第"+FormatNumeral(a.Number)+"条", unit)
		case prev.Sub == a.Sub-1:
		case prev.Sub == a.Sub:
			b.warn(a.Pos, "numbering.repeat", "article "+a.Label+" follows "+prev.Label+": the number is repeated",
				"原文"+name+"编号重复", unit)
		case prev.Sub > a.Sub:
			b.warn(a.Pos, "numbering.backwards", "article "+a.Label+" follows "+prev.Label+": the numbering goes backwards",
				"原文"+prev.Citation()+"后为"+name+"，编号倒退", unit)
		default:
			b.warn(a.Pos, "numbering.skip", "article "+a.Label+" follows "+prev.Label+": 之"+missing(prev.Sub+1, a.Sub-1, arabic),
				"原文"+prev.Citation()+"后为"+name+"，缺"+subRange(a.Number, prev.Sub+1, a.Sub-1), unit)
		}
		return
	}
	if prev == nil {
		b.sequenceArabic(a.Pos, "article", seqUnit{}, articleUnit(a), unit, arabic)
		return
	}
	if prev.Sub > 0 && prev.Number == a.Number {
		b.warn(a.Pos, "numbering.backwards", "article "+a.Label+" follows "+prev.Label+": the numbering goes backwards",
			"原文"+prev.Citation()+"后为"+a.Citation()+"，编号倒退", unit)
		return
	}
	b.sequenceArabic(a.Pos, "article", articleUnit(prev), articleUnit(a), unit, arabic)
}

// subRange cites 第N条之from to 第N条之to.
func subRange(n, from, to int) string {
	s := "第" + FormatNumeral(n) + "条之" + FormatNumeral(from)
	if to > from {
		s += "至第" + FormatNumeral(n) + "条之" + FormatNumeral(to)
	}
	return s
}

// sequence checks an item or sub-item, whose label tells its numerals.
func (b *builder) sequence(pos token.Position, what string, prev, u seqUnit, unit string) {
	b.sequenceArabic(pos, what, prev, u, unit, u.fam.arabic())
}

// sequenceArabic reports a unit u whose number does not follow that of
// prev; prev is zero for the first of a sequence, which must be 1. unit
// is the page and anchor where readers see the note.
func (b *builder) sequenceArabic(pos token.Position, what string, prev, u seqUnit, unit string, arabic bool) {
	n := u.num
	if n == prev.num+1 {
		return
	}
	division := u.kind != ""
	switch {
	case prev.label == "":
		msg := what + " " + u.label + " starts the numbering: " + missing(1, n-1, arabic)
		if division {
			b.warn(pos, "heading.missing", msg, "原文缺"+u.rangeName(1, n-1)+"标题", unit)
			return
		}
		b.warn(pos, "numbering.start", msg, "原文编号自"+u.name+"起，缺"+u.rangeName(1, n-1), unit)
	case n == prev.num:
		b.warn(pos, "numbering.repeat", what+" "+u.label+" follows "+prev.label+": the number is repeated",
			"原文"+u.name+"编号重复", unit)
	case n < prev.num:
		b.warn(pos, "numbering.backwards", what+" "+u.label+" follows "+prev.label+": the numbering goes backwards",
			"原文"+u.nameOf(prev.num)+"后为"+u.name+"，编号倒退", unit)
	default:
		msg := what + " " + u.label + " follows " + prev.label + ": " + missing(prev.num+1, n-1, arabic)
		if division {
			b.warn(pos, "heading.missing", msg, "原文缺"+u.rangeName(prev.num+1, n-1)+"标题", unit)
			return
		}
		b.warn(pos, "numbering.skip", msg, "原文"+u.nameOf(prev.num)+"后为"+u.name+"，缺"+u.rangeName(prev.num+1, n-1), unit)
	}
}

// warn records an irregularity of the source.
func (b *builder) warn(pos token.Position, kind, msg, note, unit string) {
	b.d.Warnings.Warn(pos, kind, msg, note, unit)
}

// missing says which numbers from..to are missing.
func missing(from, to int, arabic bool) string {
	if from == to {
		return formatLike(from, arabic) + " is missing"
	}
	return formatLike(from, arabic) + " to " + formatLike(to, arabic) + " are missing"
}

// numberUnits gives every article, item and sub-item whose number was
// already used where its address must be unique (articles in the
// document, items in their paragraph, sub-items in their item) the
// occurrence count that tells it apart: the second 第十条 is 10_2.html,
// the second item （三） of a paragraph i3_2. An underscore never occurs
// in the address of a well-numbered unit (第十条之二 is 10-2), so the
// published addresses of regular texts do not change. It then checks
// that no two units share an address.
func (b *builder) numberUnits() {
	seen := map[[2]int]int{}
	files := map[string]*Article{}
	for _, a := range b.d.Articles {
		k := [2]int{a.Number, a.Sub}
		seen[k]++
		a.dup = seen[k]
		if other, ok := files[a.File()]; ok {
			b.errs.Addf(a.Pos, "article %s has the address %s of article %s at line %d", a.Label, a.File(), other.Label, other.Pos.Line)
			continue
		}
		files[a.File()] = a
		anchors := map[string]bool{}
		for _, p := range a.Paragraphs {
			anchors[p.Anchor()] = true
			items := map[int]int{}
			for _, it := range p.Items {
				items[it.Number]++
				it.dup = items[it.Number]
				subs := map[int]int{}
				for _, l := range it.Body {
					if l.Number > 0 {
						subs[l.Number]++
						l.dup = subs[l.Number]
					}
				}
			}
			for _, it := range p.Items {
				if anchors[it.Anchor()] {
					b.errs.Addf(it.Pos, "item %s has the address %s#%s of another unit", it.Label, a.File(), it.Anchor())
				}
				anchors[it.Anchor()] = true
				for _, l := range it.Body {
					if l.Number == 0 {
						continue
					}
					if anchors[l.Anchor()] {
						b.errs.Addf(l.Pos, "sub-item %s has the address %s#%s of another unit", l.Label, a.File(), l.Anchor())
					}
					anchors[l.Anchor()] = true
				}
			}
		}
	}
}

// dupSuffix is the part of an address that tells the k-th unit with the
// same number apart: "" for the first, "_k" for the others.
func dupSuffix(k int) string {
	if k <= 1 {
		return ""
	}
	return "_" + strconv.Itoa(k)
}
