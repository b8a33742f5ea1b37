package doc

import (
	"path"
	"strconv"
)

// Dir returns the folder of the document's pages, its slug; the document
// page is Dir()/index.html.
func (d *Document) Dir() string { return d.Slug }

// Citation returns the document's name as citations prefix it:
// 《title》（文号）, or 《title》 when it has no 文号.
func (d *Document) Citation() string {
	c := "《" + d.Meta.Title + "》"
	if d.Meta.Number != "" {
		c += "（" + d.Meta.Number + "）"
	}
	return c
}

// File returns the article's page within its document's folder: 22.html,
// or 120-1.html for 第一百二十条之一.
func (a *Article) File() string {
	f := strconv.Itoa(a.Number)
	if a.Sub > 0 {
		f += "-" + strconv.Itoa(a.Sub)
	}
	return f + dupSuffix(a.dup) + ".html"
}

// Path returns the article's page relative to the site root, e.g.
// kzfz-2021-7/22.html.
func (a *Article) Path() string { return path.Join(a.Doc.Dir(), a.File()) }

// Citation returns the article's short formal citation, e.g. 第二十二条 or
// 第一百二十条之一, whatever numerals its label uses.
func (a *Article) Citation() string {
	c := "第" + FormatNumeral(a.Number) + "条"
	if a.Sub > 0 {
		c += "之" + FormatNumeral(a.Sub)
	}
	return c
}

// FormalCitation returns the citation prefixed by the document's name,
// e.g. 《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条.
func (a *Article) FormalCitation() string { return a.Doc.Citation() + a.Citation() }

// TextLines returns every line of the article in reading order: each
// paragraph, then its items, each item followed by its body.
func (a *Article) TextLines() []string {
	var lines []string
	for _, p := range a.Paragraphs {
		lines = append(lines, p.Text)
		for _, it := range p.Items {
			lines = append(lines, it.Text)
			for _, l := range it.Body {
				lines = append(lines, l.Text)
			}
		}
	}
	return lines
}

// Anchor returns the paragraph's fragment identifier on its article's
// page, e.g. p2.
func (p *Paragraph) Anchor() string { return "p" + strconv.Itoa(p.Index) }

// Citation returns the paragraph's short formal citation: 第十条第二款, or
// just 第十条 when the article has a single paragraph.
func (p *Paragraph) Citation() string {
	c := p.Article.Citation()
	if len(p.Article.Paragraphs) > 1 {
		c += "第" + FormatNumeral(p.Index) + "款"
	}
	return c
}

// FormalCitation returns the citation prefixed by the document's name.
func (p *Paragraph) FormalCitation() string { return p.Article.Doc.Citation() + p.Citation() }

// Anchor returns the item's fragment identifier: i3 in an article with a
// single paragraph, p2-i3 in one with several.
func (it *Item) Anchor() string {
	a := "i" + strconv.Itoa(it.Number) + dupSuffix(it.dup)
	if len(it.Paragraph.Article.Paragraphs) > 1 {
		a = it.Paragraph.Anchor() + "-" + a
	}
	return a
}

// Citation returns the item's short formal citation, e.g.
// 第二十二条第（三）项 or 第十条第二款第（一）项.
func (it *Item) Citation() string {
	return it.Paragraph.Citation() + "第" + citedNumber(it.fam, it.Number, it.Label) + "项"
}

// FormalCitation returns the citation prefixed by the document's name.
func (it *Item) FormalCitation() string {
	return it.Paragraph.Article.Doc.Citation() + it.Citation()
}

// Anchor returns the sub-item's fragment identifier, e.g. i3-1 or
// p2-i3-1; a continuation line takes its item's.
func (l *Line) Anchor() string {
	if l.Number == 0 {
		return l.Item.Anchor()
	}
	return l.Item.Anchor() + "-" + strconv.Itoa(l.Number) + dupSuffix(l.dup)
}

// Citation returns the sub-item's short formal citation, e.g.
// 第二十二条第（三）项第1目; a continuation line is cited as its item.
func (l *Line) Citation() string {
	if l.Number == 0 {
		return l.Item.Citation()
	}
	return l.Item.Citation() + "第" + citedNumber(l.fam, l.Number, l.Label) + "目"
}

// FormalCitation returns the citation prefixed by the document's name.
func (l *Line) FormalCitation() string {
	return l.Item.Paragraph.Article.Doc.Citation() + l.Citation()
}

// citedNumber writes an item or sub-item number the way citations do:
// （三） for items labelled （三） or (三), 三 for 三、, 1 for 1．, （1）
// for (1), ① for ①.
func citedNumber(f family, n int, label string) string {
	switch f {
	case famEnum:
		return FormatNumeral(n)
	case famParenCN:
		return "（" + FormatNumeral(n) + "）"
	case famDigit:
		return strconv.Itoa(n)
	case famParenDigit:
		return "（" + strconv.Itoa(n) + "）"
	}
	return label
}
