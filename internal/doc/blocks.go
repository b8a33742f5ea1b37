package doc

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Markdown blocks that are no structure of a regulation but occur in
// published texts are read as lines of the text, verbatim, and noted:
//
//   - A list ("1. …", "- …") gives one line per list item, its marker
//     included as written ("1. 申请小型汽车…"), so that a numbered list
//     item is read like any numbered line (here a sub-item 1.).
//   - An HTML block gives its lines verbatim, as text: the site escapes
//     all text, so no markup from the source ever reaches a page. An HTML
//     block that is only a comment (<!-- TABLE -->, <!-- FORCE BREAK -->)
//     is markup of the collection, not text, and is left out.
//
//   - A block quote gives the lines inside it, a code block (indented or
//     fenced) its lines without the indentation or fences: a line indented
//     by four blanks in a published text is text, not code.
//   - A thematic break (---, ***) is left out.

// collectHTML reads an HTML block, whose offsets are relative to base.
func (b *builder) collectHTML(n *ast.HTMLBlock, base int) {
	body := b.src[base:]
	type seg struct {
		text string
		off  int
	}
	var segs []seg
	lines := n.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		segs = append(segs, seg{trimLine(s.Value(body)), base + s.Start})
	}
	if n.HasClosure() {
		s := n.ClosureLine
		segs = append(segs, seg{trimLine(s.Value(body)), base + s.Start})
	}
	var all []string
	for _, s := range segs {
		all = append(all, s.text)
	}
	off := base + max(n.Pos(), 0)
	if len(segs) > 0 {
		off = segs[0].off
	}
	if isHTMLComment(strings.Join(all, "\n")) {
		b.note(off, "html", "HTML comment "+quoteShort(all[0])+" left out")
		return
	}
	b.note(off, "html", "HTML block read as lines of text, verbatim")
	for _, s := range segs {
		if t := strings.TrimLeft(s.text, " \t"); t != "" {
			b.blocks = append(b.blocks, block{kind: bLine, text: t, off: s.off + len(s.text) - len(t)})
		}
	}
}

// isHTMLComment reports whether s is one HTML comment and nothing else.
func isHTMLComment(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") && strings.Count(s, "-->") == 1
}

// quoteShort quotes s, cut to a readable length.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 30 {
		s = string(r[:30]) + "…"
	}
	return "\"" + s + "\""
}

// collectOther reads a block that is neither a heading, a paragraph nor
// an HTML block: a list, a block quote, a code block as lines of text; a
// thematic break is left out.
func (b *builder) collectOther(n ast.Node, base int) {
	first := len(b.blocks)
	off := base + max(n.Pos(), 0)
	var kind, msg string
	switch n := n.(type) {
	case *ast.List:
		b.collectList(n, base)
		kind, msg = "markdown.list", "Markdown list read as lines of text, its markers as written"
	case *ast.Blockquote:
		b.collectQuote(n, base)
		kind, msg = "markdown.quote", "Markdown block quote read as lines of text, without its \">\" marks"
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		b.collectLines(n, base)
		kind, msg = "markdown.code", "Markdown code block read as lines of text, without its indentation or fences"
	case *ast.ThematicBreak:
		b.note(off, "markdown.break", "thematic break (---, ***) left out")
		return
	default:
		b.errs.Add(b.pos(off), unexpectedBlock(n))
		return
	}
	if len(b.blocks) > first {
		off = b.blocks[first].off
	}
	b.note(off, kind, msg)
}

// collectLines appends the lines of a block as lines of text, their
// leading blanks left out.
func (b *builder) collectLines(n ast.Node, base int) {
	body := b.src[base:]
	lines := n.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		raw := trimLine(s.Value(body))
		t := strings.TrimLeft(raw, " \t")
		if t != "" {
			b.blocks = append(b.blocks, block{kind: bLine, text: t, off: base + s.Start + len(raw) - len(t)})
		}
	}
}

// collectQuote appends the lines of the blocks inside a block quote.
func (b *builder) collectQuote(q *ast.Blockquote, base int) {
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			b.collectList(c, base)
		case *ast.Blockquote:
			b.collectQuote(c, base)
		default:
			b.collectLines(c, base)
		}
	}
}

// collectList appends a line for every item of a list, from its marker
// on, and the further lines of the item; nested lists likewise.
func (b *builder) collectList(list *ast.List, base int) {
	body := b.src[base:]
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		firstLine := true
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				b.collectList(sub, base)
				continue
			}
			lines := c.Lines()
			if c.Kind() == ast.KindHeading || c.Kind() == ast.KindThematicBreak || lines == nil {
				continue
			}
			for i := range lines.Len() {
				s := lines.At(i)
				start := s.Start
				if firstLine {
					// From the start of the source line: the marker and
					// the blanks after it, as written.
					ls := bytes.LastIndexByte(body[:start], '\n') + 1
					for ls < start && (body[ls] == ' ' || body[ls] == '\t') {
						ls++
					}
					start = ls
					firstLine = false
				}
				b.blocks = append(b.blocks, block{kind: bLine, text: trimLine(body[start:s.Stop]), off: base + start})
			}
		}
	}
}
