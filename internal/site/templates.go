package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"rulesite/internal/diag"
	"rulesite/internal/keyhash"
)

// layoutFiles are the templates every page is parsed with; pageFiles are
// the pages, each defining "content" (and optionally "head" and "scripts")
// for the layout's "base".
var (
	layoutFiles = []string{"base.html", "partials.html", "citedby.html"}
	pageFiles   = []string{
		"home.html", "document.html", "article.html", "thresholds.html",
		"authorities.html", "calculator.html", "search.html", "redirect.html",
		"report.html", "fulltext.html", "versions.html", "compare.html",
		"citations.html", "cite.html",
	}
)

// Templates holds one parsed template set per page.
type Templates struct {
	dir   string // display path of the templates folder, for diagnostics
	pages map[string]*template.Template
	sum   [sha256.Size]byte // of the files read, names and bytes
}

// ParseTemplates parses the layout with every page of fsys. All problems
// are reported together as diagnostics naming dir/<file>:line.
func ParseTemplates(fsys fs.FS, dir string, funcs template.FuncMap) (*Templates, error) {
	var list diag.List
	h := sha256.New()
	read := func(name string) string {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			list.Add(diag.Pos{Filename: path.Join(dir, name)}, "cannot read template: "+unwrapPathError(err))
			return ""
		}
		keyhash.Strings(h, name, string(data))
		return string(data)
	}
	base := template.New("base").Funcs(funcs)
	for _, name := range layoutFiles {
		text := read(name)
		if _, err := base.New(name).Parse(text); err != nil {
			list.Add(templatePos(err, dir, name))
		}
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	t := &Templates{dir: dir, pages: make(map[string]*template.Template)}
	for _, name := range pageFiles {
		text := read(name)
		if text == "" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.New(name).Parse(text); err != nil {
			list.Add(templatePos(err, dir, name))
			continue
		}
		if clone.Lookup("content") == nil {
			list.Add(diag.Pos{Filename: path.Join(dir, name), Line: 1}, `page template defines no "content"`)
			continue
		}
		t.pages[name] = clone
	}
	if err := list.Err(); err != nil {
		return nil, err
	}
	h.Sum(t.sum[:0])
	return t, nil
}

// bind gives the templates the functions of a build, in place of those
// they were parsed with (the same names): a set parsed once, to be
// checked with the content, then serves the build that renders with it.
// It must come before the templates are first executed.
func (t *Templates) bind(funcs template.FuncMap) *Templates {
	for _, tmpl := range t.pages {
		tmpl.Funcs(funcs)
	}
	return t
}

// Render executes page with data through the layout.
func (t *Templates) Render(page string, data any) ([]byte, error) {
	return t.execute(page, "base", data)
}

// renderPartial renders the template name defined for page (a partial
// such as "validity") with data, escaped as in the text of a page.
func (t *Templates) renderPartial(page, name string, data any) (template.HTML, error) {
	b, err := t.execute(page, name, data)
	return template.HTML(b), err
}

// execute runs the template name of page's set with data.
func (t *Templates) execute(page, name string, data any) ([]byte, error) {
	tmpl, ok := t.pages[page]
	if !ok {
		return nil, fmt.Errorf("%s: no such page template", path.Join(t.dir, page))
	}
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		renderBuffers.Put(buf)
	}()
	if err := tmpl.ExecuteTemplate(buf, name, data); err != nil {
		pos, msg := templatePos(err, t.dir, page)
		return nil, diag.List{{Pos: pos, Msg: msg}}
	}
	return bytes.Clone(buf.Bytes()), nil
}

// renderBuffers are the buffers pages are rendered into: a page grows
// one from nothing through a dozen sizes, and a large site renders
// hundreds of thousands; each page is then copied out at its size.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// templateErr matches the positions html/template and text/template put in
// their errors: "template: NAME:LINE:COL: MSG" or "template: NAME:LINE: MSG".
var templateErr = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templatePos turns a template error into a position in the templates
// folder and a message without the package's prefix.
func templatePos(err error, dir, fallback string) (diag.Pos, string) {
	msg := err.Error()
	// html/template escaping errors read "html/template:NAME:LINE:COL: MSG".
	msg = strings.Replace(msg, "html/template:", "template: ", 1)
	if m := templateErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		name := m[1]
		if !strings.HasSuffix(name, ".html") {
			name = fallback
		}
		return diag.Pos{Filename: path.Join(dir, name), Line: line, Column: col}, m[4]
	}
	return diag.Pos{Filename: path.Join(dir, fallback)}, strings.TrimPrefix(msg, "template: ")
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
