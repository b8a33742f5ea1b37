package doc

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// outline writes the model of docs as an indented text, one unit a line,
// with every field a test may want to pin: the expected "-- model --"
// section of the txtar tests.
func outline(docs []*Document) string {
	var b strings.Builder
	line := func(depth int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", depth))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	field := func(depth int, name, value string) {
		if value != "" {
			line(depth, "%s: %s", name, strconv.Quote(value))
		}
	}
	lines := func(depth int, name string, values []string) {
		for _, v := range values {
			line(depth, "%s: %s", name, strconv.Quote(v))
		}
	}
	at := func(p token.Position) string { return fmt.Sprintf("@%d:%d", p.Line, p.Column) }
	flag := func(heading bool) string {
		if heading {
			return " heading"
		}
		return ""
	}

	var division func(depth int, div *Division)
	article := func(depth int, a *Article) {
		line(depth, "article %s %s %s %s%s", a.Label, a.File(), a.Citation(), at(a.Pos), flag(a.Heading))
		for _, p := range a.Paragraphs {
			line(depth+1, "%s %s %s %s", p.Anchor(), p.Citation(), at(p.Pos), strconv.Quote(p.Text))
			for _, it := range p.Items {
				line(depth+2, "%s %s %s %s%s %s", it.Anchor(), it.Label, it.Citation(), at(it.Pos), flag(it.Heading), strconv.Quote(it.Text))
				for _, l := range it.Body {
					label := l.Label
					if l.Number == 0 {
						label = "+"
					}
					line(depth+3, "%s %s %s %s %s", l.Anchor(), label, l.Citation(), at(l.Pos), strconv.Quote(l.Text))
				}
			}
		}
	}
	division = func(depth int, div *Division) {
		kind := map[DivisionKind]string{Part: "part", Subpart: "subpart", Chapter: "chapter", Section: "section"}[div.Kind]
		line(depth, "%s %d %s %s %s", kind, div.Number, strconv.Quote(div.Label), strconv.Quote(div.Title), at(div.Pos))
		lines(depth+1, "intro", div.Intro)
		for _, a := range div.Articles {
			article(depth+1, a)
		}
		for _, sub := range div.Divisions {
			division(depth+1, sub)
		}
	}

	for _, d := range docs {
		line(0, "document %s", d.Path)
		m := d.Meta
		field(1, "slug", d.Slug)
		field(1, "title", m.Title)
		field(1, "subtitle", m.Subtitle)
		field(1, "kind", m.Kind)
		field(1, "number", m.Number)
		field(1, "issuer", m.Issuer)
		field(1, "adopted", m.Adopted)
		field(1, "written", m.Written)
		field(1, "issued", m.Issued)
		field(1, "issued-by", m.IssuedBy)
		field(1, "imprint", m.Imprint)
		field(1, "publication", m.Publication)
		field(1, "date", m.Date)
		if n := m.Notice; n != nil {
			line(1, "notice")
			field(2, "title", n.Title)
			field(2, "addressee", n.Addressee)
			lines(2, "body", n.Body)
			field(2, "signer", n.Signer)
			field(2, "date", n.Date)
		}
		lines(1, "cc", m.CC)
		lines(1, "header", d.Header)
		lines(1, "preamble", d.Preamble)
		lines(1, "contents", d.Contents)
		for _, w := range d.Warnings {
			line(1, "warning @%d:%d %s: %s", w.Pos.Line, w.Pos.Column, w.Kind, w.Msg)
			if w.Note != "" || w.Unit != "" {
				line(2, "note %s: %s", w.Unit, w.Note)
			}
		}
		// Articles outside any division, then the divisions in order.
		for _, a := range d.Articles {
			if a.Division == nil {
				article(1, a)
			}
		}
		for _, div := range d.Divisions {
			division(1, div)
		}
		lines(1, "trailer", d.Trailer)
	}
	return b.String()
}
