package doc

import (
	"go/token"
	"strings"
)

// check reports numbering that skips, repeats or goes backwards:
// articles through the document; parts through the document; chapters
// through the document, or afresh in each part; sections afresh in each
// chapter; items afresh in each paragraph (a list of another family
// starts afresh too); sub-items afresh in each item.
func (b *builder) check() {
	d := b.d
	var prev *Article
	for _, a := range d.Articles {
		b.checkArticle(prev, a)
		prev = a
		for _, p := range a.Paragraphs {
			var prevItem *Item
			for _, it := range p.Items {
				prevLabel, prevNum := "", 0
				if prevItem != nil && prevItem.fam == it.fam {
					prevLabel, prevNum = prevItem.Label, prevItem.Number
				}
				b.sequence(it.Pos, "item", it.Label, prevLabel, prevNum, it.Number, it.fam.arabic())
				prevItem = it
				prevLabel, prevNum = "", 0
				for _, l := range it.Body {
					if l.Number > 0 {
						b.sequence(l.Pos, "sub-item", l.Label, prevLabel, prevNum, l.Number, l.fam.arabic())
						prevLabel, prevNum = l.Label, l.Number
					}
				}
			}
		}
	}

	var parts, chapters, sections []*Division
	var walk func(divs []*Division)
	walk = func(divs []*Division) {
		for _, div := range divs {
			switch div.Kind {
			case Part:
				parts = append(parts, div)
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
	b.checkDivisions("chapter", chapters, func(prev, div *Division) bool {
		// Chapters may start afresh in each part.
		return div.Parent != prev.Parent && div.Number == 1
	})
	b.checkDivisions("section", sections, func(prev, div *Division) bool { return div.Parent != prev.Parent })
}

// checkDivisions checks the numbers of divisions of one kind in document
// order; restart reports whether div may start again from 1 (or must:
// then prev is not compared).
func (b *builder) checkDivisions(what string, divs []*Division, restart func(prev, div *Division) bool) {
	var prev *Division
	for _, div := range divs {
		arabic := isArabicNumeral(strings.TrimPrefix(div.Label, "第"))
		if prev == nil || restart(prev, div) {
			b.sequence(div.Pos, what, divisionName(div), "", 0, div.Number, arabic)
		} else {
			b.sequence(div.Pos, what, divisionName(div), divisionName(prev), prev.Number, div.Number, arabic)
		}
		prev = div
	}
}

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
	if a.Sub > 0 {
		// 第N条之M follows 第N条 or 第N条之(M-1).
		base := a.Label[:strings.LastIndex(a.Label, "之")]
		switch {
		case prev == nil:
			b.errs.Addf(a.Pos, "article %s starts the numbering: it must follow article %s", a.Label, base)
		case prev.Number != a.Number:
			b.errs.Addf(a.Pos, "article %s follows %s: it must follow article %s", a.Label, prev.Label, base)
		case prev.Sub == a.Sub-1:
		case prev.Sub == a.Sub:
			b.errs.Addf(a.Pos, "article %s follows %s: the number is repeated", a.Label, prev.Label)
		case prev.Sub > a.Sub:
			b.errs.Addf(a.Pos, "article %s follows %s: the numbering goes backwards", a.Label, prev.Label)
		default:
			b.errs.Addf(a.Pos, "article %s follows %s: 之%s", a.Label, prev.Label, missing(prev.Sub+1, a.Sub-1, arabic))
		}
		return
	}
	if prev == nil {
		b.sequence(a.Pos, "article", a.Label, "", 0, a.Number, arabic)
		return
	}
	if prev.Sub > 0 && prev.Number == a.Number {
		b.errs.Addf(a.Pos, "article %s follows %s: the numbering goes backwards", a.Label, prev.Label)
		return
	}
	b.sequence(a.Pos, "article", a.Label, prev.Label, prev.Number, a.Number, arabic)
}

// sequence reports a number n, labelled label, that does not follow
// prevNum, labelled prevLabel; prevLabel is "" for the first of a
// sequence, which must be 1.
func (b *builder) sequence(pos token.Position, what, label, prevLabel string, prevNum, n int, arabic bool) {
	if n == prevNum+1 {
		return
	}
	switch {
	case prevLabel == "":
		b.errs.Addf(pos, "%s %s starts the numbering: %s", what, label, missing(1, n-1, arabic))
	case n == prevNum:
		b.errs.Addf(pos, "%s %s follows %s: the number is repeated", what, label, prevLabel)
	case n < prevNum:
		b.errs.Addf(pos, "%s %s follows %s: the numbering goes backwards", what, label, prevLabel)
	default:
		b.errs.Addf(pos, "%s %s follows %s: %s", what, label, prevLabel, missing(prevNum+1, n-1, arabic))
	}
}

// missing says which numbers from..to are missing.
func missing(from, to int, arabic bool) string {
	if from == to {
		return formatLike(from, arabic) + " is missing"
	}
	return formatLike(from, arabic) + " to " + formatLike(to, arabic) + " are missing"
}
