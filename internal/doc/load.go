package doc

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/token"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is the one goldmark configuration of the package. The model
// takes Markdown's block structure only — headings, paragraphs and their
// lines, HTML blocks — and the text of every line verbatim from the
// source: inline markup is not interpreted, so official text needs no
// escaping, and with no paragraph transformers a line such as "[1]: …"
// stays text instead of vanishing into a link reference definition.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
)

// infoEnd is the marker that ends the header of a corpus file.
const infoEnd = "<!-- INFO END -->"

// Size returns the number of bytes of the documents Load would read
// under dir in fsys (of those it can find): what a caller sizes its
// memory by before loading them.
func Size(fsys fs.FS, dir string) int {
	var ignored ErrorList // Load reports them
	n := 0
	for _, name := range findDocuments(fsys, dir, "", &ignored) {
		if info, err := fs.Stat(fsys, name); err == nil {
			n += int(info.Size())
		}
	}
	return n
}

// Load reads every Markdown document (*.md) under dir in fsys, recursively
// and in lexical order, and returns them in that order with their
// numbering checked and their addresses settled (see DeriveAddress).
// README.md files and names starting with "." are skipped: they describe
// a folder, they are not regulations. Symbolic links to regular files
// are read; links to folders are not followed.
//
// A document's Path is displayPrefix joined with its path relative to
// dir, e.g. Load(fsys, "content", "content") gives content/x.md, so that
// diagnostics name files as people find them from the project root.
//
// Every problem of every file comes back in one sorted ErrorList: content
// problems at their path:line:col, and problems of reading — a missing
// content folder, a file that is not a regular file, is unreadable or
// larger than MaxDocumentSize, a symbolic link loop — at the file's path.
// Load never stops at the first. The documents that could be read are
// returned along with the list but must not be published.
func Load(fsys fs.FS, dir, displayPrefix string) ([]*Document, error) {
	var all ErrorList
	names := findDocuments(fsys, dir, displayPrefix, &all)

	// Files are parsed in parallel, each into its own slot: the result
	// does not depend on the order in which they finish.
	docs := make([]loaded, len(names))
	errs := make([]ErrorList, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(names) {
					return
				}
				rel := relPath(dir, names[k])
				display := path.Join(displayPrefix, rel)
				src, err := readDocument(fsys, names[k])
				if err != nil {
					errs[k].Add(token.Position{Filename: display}, err.Error())
					continue
				}
				d, list, derived := parseFile(display, src)
				docs[k], errs[k] = loaded{d: d, rel: rel, derived: derived}, list
			}
		})
	}
	wg.Wait()

	for _, l := range errs {
		all = append(all, l...)
	}
	docs = slices.DeleteFunc(docs, func(l loaded) bool { return l.d == nil })
	assignAddresses(docs, &all)
	out := make([]*Document, len(docs))
	for i, l := range docs {
		out[i] = l.d
	}
	all.Sort()
	return out, all.Err()
}

// relPath returns p relative to dir; both are slash-separated fs paths.
func relPath(dir, p string) string {
	switch {
	case p == dir:
		return "."
	case dir == ".":
		return p
	}
	return strings.TrimPrefix(p, dir+"/")
}

// Parse reads one document from src; path names it in diagnostics and
// becomes its Path. The error, if any, is an ErrorList.
func Parse(path string, src []byte) (*Document, error) {
	d, errs := parse(path, src)
	errs.Sort()
	return d, errs.Err()
}

// blockKind tells the blocks of a document body apart.
type blockKind uint8

const (
	bLine    blockKind = iota // one line of a Markdown paragraph
	bHeading                  // an ATX or setext heading
	bInfoEnd                  // the corpus's <!-- INFO END --> marker
)

// block is a line of the body with what Markdown says about it.
type block struct {
	kind  blockKind
	level int    // heading level
	text  string // as written, without Markdown syntax
	off   int    // byte offset in the file
}

// parse reads one document. The errors are not sorted.
func parse(p string, src []byte) (*Document, ErrorList) {
	d, errs, _ := parseFile(p, src)
	return d, errs
}

// parseFile reads one document and reports whether its address is
// derived (not its front matter's id). The errors are not sorted.
func parseFile(p string, src []byte) (d *Document, errs ErrorList, derived bool) {
	b := &builder{
		d:    &Document{Path: p, Sum: sha256.Sum256(src)},
		src:  src,
		file: token.NewFileSet().AddFile(p, -1, len(src)),
	}
	b.file.SetLinesForContent(src)
	// A byte order mark, which some editors write, is not text.
	bom := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		bom = len("\uFEFF")
	}
	if isBlankText(src[bom:]) {
		// An empty file has no lines for b.pos to count.
		b.errs.Add(token.Position{Filename: p, Line: 1, Column: 1}, "empty document: write its title on the first line (# 标题), then its text")
		return b.d, b.errs, false
	}
	b.checkText(src)
	fields, body, problems := parseFrontMatter(src[bom:])
	for _, pr := range problems {
		b.errs.Add(b.pos(bom+pr.offset), pr.msg)
	}
	if body < 0 {
		return b.d, b.errs, false
	}
	body += bom
	for i := range fields {
		fields[i].offset += bom
	}
	b.applyFrontMatter(fields)
	root := mdParser.Parse(text.NewReader(src[body:]))
	b.collect(root, body)
	b.build()
	// finishMeta finds the date and the kind; deriveAddress then derives
	// the address from them and the document's part name.
	b.finishMeta()
	b.deriveAddress()
	b.check()
	b.confirm()
	b.d.Warnings.Sort()
	return b.d, b.errs, !b.fmID && b.d.Slug != ""
}

// pos converts a byte offset of the file to a position.
func (b *builder) pos(off int) token.Position {
	off = max(0, min(off, len(b.src)))
	return b.file.Position(b.file.Pos(off))
}

// collect flattens the Markdown blocks of the body, which starts at byte
// offset base of the file, into b.blocks, reporting any block that is not
// part of a regulation's structure.
func (b *builder) collect(root ast.Node, base int) {
	body := b.src[base:]
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			lines := n.Lines()
			var t []byte
			for i := range lines.Len() {
				seg := lines.At(i)
				t = append(t, seg.Value(body)...)
			}
			off := base + n.Pos()
			if n.Pos() < 0 && lines.Len() > 0 {
				off = base + lines.At(0).Start
			}
			txt := trimLine(t)
			if txt == "" {
				b.note(off, "heading.empty", "empty heading left out")
				continue
			}
			b.blocks = append(b.blocks, block{kind: bHeading, level: n.Level, text: txt, off: off})
		case *ast.Paragraph:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.blocks = append(b.blocks, block{kind: bLine, text: trimLine(seg.Value(body)), off: base + seg.Start})
			}
		case *ast.HTMLBlock:
			var t []byte
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				t = append(t, seg.Value(body)...)
			}
			if n.HasClosure() {
				seg := n.ClosureLine
				t = append(t, seg.Value(body)...)
			}
			off := base + n.Pos()
			if string(bytes.TrimSpace(t)) == infoEnd {
				b.blocks = append(b.blocks, block{kind: bInfoEnd, text: infoEnd, off: off})
				continue
			}
			b.collectHTML(n, base) // blocks.go
		default:
			b.collectOther(n, base) // blocks.go
		}
	}
}

// unexpectedBlock explains a Markdown block that has no place in a
// regulation and what to write instead.
func unexpectedBlock(n ast.Node) string {
	switch n.Kind() {
	case ast.KindList:
		return "unexpected Markdown list: write numbered lines as paragraphs with full-width labels (1．, （一）), not as \"1. \" or \"- \" list items"
	case ast.KindBlockquote:
		return "unexpected block quote: remove the \">\" at the start of the line"
	case ast.KindCodeBlock:
		return "unexpected indented code block: remove the indentation of four blanks or more"
	case ast.KindFencedCodeBlock:
		return "unexpected code block: remove the ``` or ~~~ fence"
	case ast.KindThematicBreak:
		return "unexpected thematic break: remove the line of ---, *** or ___"
	}
	return fmt.Sprintf("unexpected Markdown %s", n.Kind())
}

// trimLine removes the line terminator and trailing ASCII blanks, which
// Markdown does not count as text; other blanks (U+3000) are text.
func trimLine(b []byte) string {
	return string(bytes.TrimRight(b, " \t\r\n"))
}
