package doc

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"go/token"
	"path"
	"strconv"
	"strings"
	"unicode"
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

// DeriveAddress returns the address of a document without an id, from
// its title, part name and version date (YYYY-MM-DD, or "" when it has
// none). With no part name it is DeriveSlug(title, date).
//
// A document whose front matter has an id is published under that id,
// and two documents with the same id are an error. Every other document
// gets an address derived from what identifies its text, never from
// where its file is kept, so that moving a file between folders keeps
// its links:
//
//   - A document with a version date (front matter date, else the file
//     name's (2019-09-26), else the latest date of its header): the date, a
//     hyphen and six base32 characters of a SHA-256 hash of its title and
//     date, e.g. 2019-09-26-k3vq7a (DeriveSlug).
//   - A document that is one part of a larger text (the parts of the Civil
//     Code: one title and date, a file per 编) has a part name: its
//     subtitle (the second "# " line), else, when its body is a single
//     part (第X编), that part's heading. The part name, without blanks,
//     enters the hash, so each part has an address of its own:
//     中华人民共和国民法典, 人格权编, 2021-01-01 → 2021-01-01-22uxty. A
//     document without a part name keeps the address it always had.
//   - A document with no date at all: undated, a hyphen and six
//     characters of a hash of its title (and part name), e.g.
//     undated-a5irzh. A date added later changes the derived address,
//     because the date is what tells two versions of one law apart
//     (统计法 2009 and 2024 share their title); the editor who adds it
//     keeps the published address by also writing the old one as the
//     id (id: undated-a5irzh), which the build accepts like any id.
//
// Documents that still share a derived address have the same title, part
// name and date: the same text filed twice (a law kept under two
// branches of the collection). They are not an error. Taken in the
// lexical order of their paths in the content folder, the first keeps the
// derived address, so that a document already published keeps its own
// when a copy is added after it; each other one gets the derived address,
// a hyphen and six characters of a hash of its path in the content
// folder, e.g. 2018-12-29-2iqhvu-lf6y57, and a warning (kind
// address.shared) that this address changes if its file moves or is
// renamed, or if a copy sorting before it is added, unless its front
// matter pins it with an id. A copy whose id is its own derived address
// counts as the first. Any other id that is also a derived address is an
// error: it was chosen by hand for another text.
func DeriveAddress(title, part, date string) string {
	key := title + "\n" + date
	if part = withoutBlanks(part); part != "" {
		key += "\n" + part
	}
	prefix := date
	if date == "" {
		prefix = "undated"
	}
	return prefix + "-" + shortHash(key)
}

// shortHash returns six lower-case base32 characters of the SHA-256 hash
// of s: 30 bits, for addresses that must stay short.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:6]
}

// withoutBlanks removes every white space character (including U+3000
// and U+00A0) from s, so that the spacing of a heading does not change
// an address.
func withoutBlanks(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// PartName returns the part name that enters a derived address (see
// DeriveAddress), "" for a document that is not one part of a larger text.
func (d *Document) PartName() string { return withoutBlanks(d.partName()) }

// partName returns what tells the document apart from the other parts of
// the same text: its subtitle, else the heading of its only top-level
// division when that is a part (第X编), else "".
func (d *Document) partName() string {
	if d.Meta.Subtitle != "" {
		return d.Meta.Subtitle
	}
	if len(d.Divisions) == 1 && d.Divisions[0].Kind == Part {
		return d.Divisions[0].Text
	}
	return ""
}

// deriveAddress gives a document without an id its derived address.
// finishMeta has found its date by then.
func (b *builder) deriveAddress() {
	if b.fmID || b.d.Meta.Title == "" {
		return
	}
	b.d.Slug = DeriveAddress(b.d.Meta.Title, b.d.partName(), b.d.Meta.Date)
}

// loaded is a document as Load read it: its path in the content folder
// and whether its address is derived rather than its front matter's id.
type loaded struct {
	d       *Document
	rel     string
	derived bool
}

// assignAddresses settles the addresses of a set of documents in the
// lexical order of their paths (see DeriveAddress): it reports an id
// shared by two documents or taken by the derived address of another
// text, and gives a derived address that several documents share to the
// first of them only.
func assignAddresses(docs []loaded, errs *ErrorList) {
	at := func(d *Document) token.Position { return token.Position{Filename: d.Path, Line: 1, Column: 1} }
	owner := map[string]*Document{} // address → its document
	first := map[string]*Document{} // derived address → the first document it derives from
	// Ids first, so that a derived address never takes an id from a
	// document that sorts later. An id that pins the document's own
	// derived address makes it the first of the documents sharing it.
	for _, l := range docs {
		if l.d.Slug == "" || l.derived {
			continue
		}
		if other, ok := owner[l.d.Slug]; ok {
			errs.Addf(at(l.d), "document address %s is also that of %s: give one of them another id in its front matter", l.d.Slug, other.Path)
			continue
		}
		owner[l.d.Slug] = l.d
		if l.d.Meta.Title != "" && DeriveAddress(l.d.Meta.Title, l.d.partName(), l.d.Meta.Date) == l.d.Slug {
			first[l.d.Slug] = l.d
		}
	}
	for _, l := range docs {
		if l.d.Slug == "" || !l.derived {
			continue
		}
		slug := l.d.Slug
		f, shared := first[slug]
		if other, ok := owner[slug]; ok && !shared {
			errs.Addf(at(l.d), "document address %s is also the id of %s: give one of them another id in its front matter", slug, other.Path)
			continue
		}
		if !shared {
			first[slug] = l.d
			owner[slug] = l.d
			continue
		}
		alt := slug + "-" + shortHash(l.rel)
		if other, ok := owner[alt]; ok {
			errs.Addf(at(l.d), "document address %s is also that of %s: give one of them an id in its front matter", alt, other.Path)
			continue
		}
		owner[alt] = l.d
		l.d.Slug = alt
		l.d.Warnings.Warn(at(l.d), "address.shared",
			fmt.Sprintf("same title, part and date as %s, which has the address %s: this one is published at %s, "+
				"derived from its path in the content folder; give it an id in its front matter to keep that address if the file moves",
				f.Path, slug, alt), "", "")
		l.d.Warnings.Sort()
	}
}
