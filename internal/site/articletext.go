package site

import (
	"bytes"
	"html/template"
	"strings"
)

// The text of an article — its paragraphs, items and sub-items, each
// with its permanent anchor and, on the article's own page, the button
// that copies its citation — is rendered by code rather than by a
// template: the anchors are the addresses printed in official documents
// (see package doc), which no change of the templates may alter, and an
// article's text is the bulk of every article page and full-text page,
// which the template engine renders many times slower. The markup is
// what the template "article-text" made, escaped as html/template
// escapes it, byte for byte:
//
//	<div class="text">
//	<div class="para" id="p1">
//	<p class="t">…</p><span class="tools"><a class="pin" href="#p1" data-unit="第一款" aria-label="第一款的链接">#</a></span>
//	<div class="item" id="p1-i1">
//	<p class="t">…</p><span class="tools">…</span>
//	<div class="subitem" id="p1-i1-1">
//	<p class="t">…</p><span class="tools">…</span>
//	</div>
//	<p class="t cont">…</p>
//	</div>
//	</div>
//	</div>

// A unit's tools carry its anchor and its short citation (第二十二条第
// （三）项第1目); the formal citation is the article's data-citation
// (《…》（文号）) followed by the unit's, which site.js puts together
// when copying, so that a page carries the document's title once rather
// than once a unit.

// articleTextHTML renders t (see above).
func (b *builder) articleTextHTML(t ArticleText) template.HTML {
	// Made in a pooled buffer and copied out once at its size.
	w := renderBuffers.Get().(*bytes.Buffer)
	defer func() {
		w.Reset()
		renderBuffers.Put(w)
	}()
	line := func(class string, c citable, block any, text string, tools bool) {
		w.WriteString(`<p class="`)
		w.WriteString(class)
		w.WriteString(`">`)
		w.WriteString(string(b.cites.linked(t, block, text)))
		w.WriteString(`</p>`)
		if tools && t.Tools() {
			w.WriteString(`<span class="tools"><a class="pin" href="#`)
			w.WriteString(attrEscape(urlEscape(c.Anchor())))
			cite := attrEscape(c.Citation())
			w.WriteString(`" data-unit="`)
			w.WriteString(cite)
			w.WriteString(`" aria-label="`)
			w.WriteString(cite)
			w.WriteString(`的链接">#</a></span>`)
		}
	}
	open := func(class string, c citable) {
		w.WriteString("\n<div class=\"")
		w.WriteString(class)
		w.WriteString(`" id="`)
		w.WriteString(attrEscape(t.ID(c)))
		w.WriteString("\">\n")
	}
	w.WriteString(`<div class="text">`)
	for _, p := range t.Article.Paragraphs {
		open("para", p)
		line("t", p, p, p.Text, true)
		for _, it := range p.Items {
			open("item", it)
			line("t", it, it, it.Text, true)
			for _, l := range it.Body {
				if l.Number != 0 {
					open("subitem", l)
					line("t", l, l, l.Text, true)
					w.WriteString("\n</div>")
				} else {
					w.WriteString("\n")
					line("t cont", l, l, l.Text, false)
				}
			}
			w.WriteString("\n</div>")
		}
		w.WriteString("\n</div>")
	}
	w.WriteString("\n</div>")
	return template.HTML(w.String())
}

// attrEscape escapes s for a quoted attribute value as html/template
// does (its HTML escaper: NUL, quotes, &, +, < and >).
func attrEscape(s string) string {
	if !strings.ContainsAny(s, "\x00\"&'+<>") {
		return s
	}
	return attrReplacer.Replace(s)
}

var attrReplacer = strings.NewReplacer(
	"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// urlEscape escapes s for a part of a URL after its path (a fragment) as
// html/template does: every byte but letters, digits and RFC 3986's
// unreserved punctuation is written %xx (lower-case, as it does).
func urlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~", c) >= 0:
		default:
			if b.Len() == 0 {
				b.WriteString(s[:i])
			}
			const hex = "0123456789abcdef"
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(c)
		}
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}
