package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"rulesite/internal/cite"
	"rulesite/internal/doc"
	"rulesite/internal/keyhash"
)

// The references of the texts (see internal/cite): every reference an
// article makes is found once, before any page is rendered, and resolved
// against the documents of the site; the article text then shows each
// resolved reference as a link around its own characters, and each
// article page lists the units that cite it (被引用). References that do
// not resolve stay plain text and are counted by kind and reason on the
// references report (citations.html, citations.txt).

// Paths of the references report and of the resolver's data.
const (
	CitationsPath = "citations.html"
	CitationsText = "citations.txt"
	CitePagePath  = "cite.html"
	// CiteDataDir holds the resolver's data: docs.js (the documents)
	// and one <dir>.js per document (its outline and text), each a
	// classic script rulesiteCite("<name>",<JSON>).
	CiteDataDir = "cite"
)

// textLink is a resolved reference in a line of text.
type textLink struct {
	start, end int    // byte offsets in the line
	doc        int    // library index of the target document
	file       string // the target article's file, "" for a document
	anchor     string // the unit's anchor on the article page, "" for the article
	citation   string // formal citation of the target
}

// Citing is a unit that cites an article (被引用).
type Citing struct {
	Doc     *doc.Document
	Article *doc.Article
	Anchor  string // the citing unit on its article page, "" for the article
	Unit    string // its short citation: 第十条第二款
	Refs    []string
	SameDoc bool
}

// Href is the citing unit's address from the site root.
func (c *Citing) Href() string {
	h := c.Article.Path()
	if c.Anchor != "" {
		h += "#" + c.Anchor
	}
	return h
}

// CitedBy is what an article page lists under 被引用.
type CitedBy struct {
	Same, Other []*Citing
	// More counts those left out of a very long list.
	More int
}

// citedByMax is how many citing units an article page lists.
const citedByMax = 200

// CitationFigures are the build's figures of references: found, resolved
// and unresolved by kind and by reason, and the documents cited most
// that the site does not hold.
type CitationFigures struct {
	Found, Resolved int
	Kinds           []KindFigures
	Reasons         []ReasonCount
	Missing         []MissingDoc // most cited first
}

// KindFigures are the references of one kind (cite.Kind).
type KindFigures struct {
	Kind            string
	Found, Resolved int
}

// Unresolved returns how many references of the kind were not resolved.
func (k KindFigures) Unresolved() int { return k.Found - k.Resolved }

// ReasonCount is how many references one reason left unresolved.
type ReasonCount struct {
	Code  string
	Count int
}

// MissingDoc is a document cited by title that the site does not hold.
type MissingDoc struct {
	Title string
	Count int    // references
	Docs  int    // citing documents
	First string // the first citing unit, from the site root
	last  *doc.Document
}

// Unresolved returns how many references were not resolved.
func (f *CitationFigures) Unresolved() int { return f.Found - f.Resolved }

// Print writes the figures as the build log shows them: the totals, then
// each kind.
func (f *CitationFigures) Print(w io.Writer) {
	fmt.Fprintf(w, "refs     %d references found, %d resolved to links, %d left as plain text (by kind in %s):\n", f.Found, f.Resolved, f.Unresolved(), CitationsText)
	for _, k := range f.Kinds {
		if k.Found == 0 {
			continue
		}
		fmt.Fprintf(w, "         %6d found %6d resolved %6d unresolved  %s\n", k.Found, k.Resolved, k.Unresolved(), k.Kind)
	}
}

type citeIndex struct {
	lib   *cite.Library
	docs  []*doc.Document
	index map[*doc.Document]int
	links map[any][]textLink // paragraph, item or line → its links
	// lineDocs maps the first line of a document's preamble or trailer
	// to the document: the "lines" template receives the slice alone.
	lineDocs map[*string]*doc.Document
	citedBy  map[*doc.Article][]*Citing
	figures  CitationFigures
	// out digests each document's resolved links in the order of its
	// text, for the key of its pages (see docKey).
	out map[*doc.Document]hash.Hash
}

// newCiteIndex scans every article of docs once.
func (b *builder) newCiteIndex() *citeIndex {
	docs := b.in.Docs
	x := &citeIndex{docs: docs, index: make(map[*doc.Document]int, len(docs)), links: map[any][]textLink{}, citedBy: map[*doc.Article][]*Citing{}, lineDocs: map[*string]*doc.Document{}, out: map[*doc.Document]hash.Hash{}}
	outlines := make([]cite.Outline, len(docs))
	for i, d := range docs {
		x.index[d] = i
		name, group, current := d.Citation(), "", true
		if v := b.versions.set.Of(d); v != nil {
			name, group = v.Citation(), v.Group.Key
			cur := v.Group.Current
			if cur == nil {
				cur = v.Group.Latest()
			}
			current = cur == v
		}
		outlines[i] = cite.NewOutline(d, name, group, current, false)
		if v := b.versions.set.Of(d); v != nil && len(v.Group.Versions) > 1 {
			outlines[i].Name = v.Name()
		}
	}
	x.lib = cite.NewLibrary(outlines)
	if b.rules != nil {
		x.lib.Default = x.index[b.rules.doc]
	}
	sc := &scanner{x: x, kinds: map[cite.Kind]*KindFigures{}, reasons: map[string]int{}, missing: map[string]*MissingDoc{}}
	for _, k := range cite.Kinds {
		sc.kinds[k] = &KindFigures{Kind: string(k)}
	}
	for di, d := range docs {
		// In reading order: the short names a text gives (以下简称《条例》)
		// hold from where it gives them.
		sc.aliases = map[string]string{}
		// The preamble (the whole text of a document without
		// articles) and the appendix: no unit cites there, so
		// relative references do not resolve and nothing is listed
		// under 被引用; the history (Header) is the collection's
		// metadata and is not read.
		lines := func(lines []string) {
			if len(lines) == 0 {
				return
			}
			x.lineDocs[&lines[0]] = d
			ctx := cite.Context{Doc: di, Article: -1, Para: -1, Item: -1, Date: d.Meta.Date}
			for i := range lines {
				sc.scan(&lines[i], nil, lines[i], 0, ctx)
			}
		}
		lines(d.Preamble)
		for ai, a := range d.Articles {
			for pi, p := range a.Paragraphs {
				skip := 0
				if pi == 0 && strings.HasPrefix(p.Text, a.Label) {
					skip = len(a.Label)
				}
				ctx := cite.Context{Doc: di, Article: ai, Para: pi, Item: -1, Date: d.Meta.Date}
				sc.scan(p, p, p.Text, skip, ctx)
				for ii, it := range p.Items {
					ctx.Item = ii
					sc.scan(it, it, it.Text, 0, ctx)
					for _, l := range it.Body {
						sc.scan(l, l, l.Text, 0, ctx)
					}
				}
			}
		}
		lines(d.Trailer)
	}
	kinds, reasons, missing := sc.kinds, sc.reasons, sc.missing
	f := &x.figures
	for _, k := range cite.Kinds {
		kf := kinds[k]
		f.Found += kf.Found
		f.Resolved += kf.Resolved
		f.Kinds = append(f.Kinds, *kf)
	}
	for c, n := range reasons {
		f.Reasons = append(f.Reasons, ReasonCount{c, n})
	}
	slices.SortFunc(f.Reasons, func(a, b ReasonCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Code, b.Code)) })
	for _, m := range missing {
		// The figures outlive the documents: they must not hold one.
		m.last = nil
		f.Missing = append(f.Missing, *m)
	}
	slices.SortFunc(f.Missing, func(a, b MissingDoc) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Docs, a.Docs), cmp.Compare(a.Title, b.Title))
	})
	return x
}

// scanner is the state of the first pass over the texts: the figures,
// and the short names the document being read gives to others.
type scanner struct {
	x       *citeIndex
	kinds   map[cite.Kind]*KindFigures
	reasons map[string]int
	missing map[string]*MissingDoc
	aliases map[string]string // NormTitle of a short name → the title it stands for
}

// scan finds and resolves the references of one line; unit is the
// citable unit the line belongs to (for 被引用), nil outside articles.
func (sc *scanner) scan(block any, unit citable, text string, skip int, ctx cite.Context) {
	x, kinds, reasons, missing := sc.x, sc.kinds, sc.reasons, sc.missing
	refs := cite.Scan(text[skip:])
	if len(refs) == 0 {
		return
	}
	d := x.docs[ctx.Doc]
	var a *doc.Article
	if ctx.Article >= 0 {
		a = d.Articles[ctx.Article]
	}
	var prev *cite.Target
	for i := range refs {
		r := &refs[i]
		kf := kinds[r.Kind()]
		kf.Found++
		if full, ok := sc.aliases[cite.NormTitle(r.Title)]; ok && r.Title != "" {
			r.Title = full
		}
		if r.Title != "" {
			if short := cite.Alias(text[skip+r.End:]); short != "" {
				sc.aliases[cite.NormTitle(short)] = r.Title
			}
		}
		t, err := x.lib.Resolve(r, ctx)
		if err != nil {
			reasons[err.Code]++
			if err.Code == cite.CodeNoDocument {
				key := cite.NormTitle(r.Title)
				m := missing[key]
				if m == nil {
					m = &MissingDoc{Title: r.Title, First: citingHref(d, a, unit)}
					missing[key] = m
				}
				m.Count++
				if m.last != d {
					m.Docs++
					m.last = d
				}
			}
			prev = nil
			continue
		}
		kf.Resolved++
		l := textLink{start: skip + r.Start, end: skip + r.End, doc: t.Doc, citation: t.Citation}
		if t.Article >= 0 {
			td := x.docs[t.Doc]
			ta := td.Articles[t.Article]
			l.file = ta.File()
			_, l.anchor, _ = strings.Cut(t.Href, "#")
			if a != nil {
				x.cite(d, a, unit, ta, r.Text)
			}
			// The articles inside a range cite alike.
			if a != nil && r.Through && prev != nil && prev.Doc == t.Doc && prev.Article >= 0 {
				for k := prev.Article + 1; k < t.Article; k++ {
					x.cite(d, a, unit, td.Articles[k], r.Text)
				}
			}
		}
		x.links[block] = append(x.links[block], l)
		out := x.out[d]
		if out == nil {
			out = sha256.New()
			x.out[d] = out
		}
		keyhash.Strings(out, strconv.Itoa(ctx.Article), strconv.Itoa(ctx.Para), strconv.Itoa(ctx.Item), strconv.Itoa(l.start), strconv.Itoa(l.end),
			x.docs[l.doc].Dir(), l.file, l.anchor, l.citation)
		prev = t
	}
}

// citingHref is the address of a citing unit, or of its document's page
// for a line outside the articles.
func citingHref(d *doc.Document, a *doc.Article, unit citable) string {
	if a == nil {
		return d.Dir() + "/index.html"
	}
	return a.Path() + "#" + unit.Anchor()
}

// cite records that unit of article a cites article target.
func (x *citeIndex) cite(d *doc.Document, a *doc.Article, unit citable, target *doc.Article, text string) {
	if target == a {
		return // an article citing itself (本条, 前款) is no news to its page
	}
	list := x.citedBy[target]
	anchor := unit.Anchor()
	if n := len(list); n > 0 && list[n-1].Article == a && list[n-1].Anchor == anchor {
		if !slices.Contains(list[n-1].Refs, text) {
			list[n-1].Refs = append(list[n-1].Refs, text)
		}
		return
	}
	c := &Citing{Doc: d, Article: a, Anchor: anchor, Unit: unit.Citation(), Refs: []string{text}, SameDoc: target.Doc == d}
	x.citedBy[target] = append(list, c)
}

// citedBy returns what an article page lists under 被引用, nil for none.
func (x *citeIndex) citedByOf(a *doc.Article) *CitedBy {
	if x == nil {
		return nil
	}
	list := x.citedBy[a]
	if len(list) == 0 {
		return nil
	}
	cb := &CitedBy{}
	for _, c := range list {
		if len(cb.Same)+len(cb.Other) == citedByMax {
			cb.More++
			continue
		}
		if c.SameDoc {
			cb.Same = append(cb.Same, c)
		} else {
			cb.Other = append(cb.Other, c)
		}
	}
	return cb
}

// Linked returns a line of an article's text with its resolved references
// as links; the characters are those of the line, escaped as the
// template escapes text. block is the paragraph, item or line.
func (x *citeIndex) linked(t ArticleText, block any, text string) template.HTML {
	if x == nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return x.wrap(x.links[block], text, func(l textLink) string { return x.href(t.Article.Doc, t.Article.File(), t.Full, l) })
}

// linkedLine is line i of a preamble or appendix with its links; pages
// showing it are in the document's folder.
func (x *citeIndex) linkedLine(ls Lines, i int) template.HTML {
	text := ls.Lines[i]
	if x == nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	d := x.lineDocs[&ls.Lines[0]]
	if d == nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return x.wrap(x.links[&ls.Lines[i]], text, func(l textLink) string { return x.href(d, "", false, l) })
}

// wrap escapes text as the templates do and puts each link around its
// characters.
func (x *citeIndex) wrap(links []textLink, text string, href func(textLink) string) template.HTML {
	if len(links) == 0 {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	at := 0
	for _, l := range links {
		b.WriteString(template.HTMLEscapeString(text[at:l.start]))
		b.WriteString(`<a class="ref" href="`)
		b.WriteString(template.HTMLEscapeString(href(l)))
		b.WriteString(`" title="`)
		b.WriteString(template.HTMLEscapeString(l.citation))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(text[l.start:l.end]))
		b.WriteString(`</a>`)
		at = l.end
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// href is a link's address from a page in the folder of document self:
// the page of the article in file ("" for another page), or its
// full text; within the page where the unit is on it.
func (x *citeIndex) href(self *doc.Document, file string, full bool, l textLink) string {
	td := x.docs[l.doc]
	if l.file == "" {
		return "../" + td.Dir() + "/index.html"
	}
	if td == self {
		if full {
			id := "a" + strings.TrimSuffix(l.file, ".html")
			if l.anchor != "" {
				id += "-" + l.anchor
			}
			return "#" + id
		}
		if l.file == file && l.anchor != "" {
			return "#" + l.anchor
		}
		if l.anchor == "" {
			return l.file
		}
		return l.file + "#" + l.anchor
	}
	h := "../" + td.Dir() + "/" + l.file
	if l.anchor != "" {
		h += "#" + l.anchor
	}
	return h
}

// CitationsPage is the references report.
type CitationsPage struct {
	Page
	F *CitationFigures
	// MissingShown is how many of the documents not held the page lists.
	Missing []MissingDoc
	Reasons []ReasonRow
}

// ReasonRow is a reason with its explanation for editors.
type ReasonRow struct {
	ReasonCount
	Text string
}

// reasonText explains the reasons references stay plain text.
var reasonText = map[string]string{
	cite.CodeNoDocument:    "所引文件本站未收录",
	cite.CodeNotRule:       "书名号中不是法规文件的名称（证照、报告、表格等）",
	cite.CodeNoVersion:     "本站未收录引用时施行的版本",
	cite.CodeAmbiguousDoc:  "同名文件有几个含有所引条文",
	cite.CodeUnnamed:       "未指明文件",
	cite.CodeNamed:         "文件名未加书名号（如“刑法第二十条”），无法确定所指文件",
	cite.CodeAmendment:     "修改决定、修正案所引条文属于被修改的文件",
	cite.CodeNoContext:     "相对引用缺少所在条文",
	cite.CodeAnaphora:      "“该条”“该款”等所指须从上文判断",
	cite.CodeNoArticle:     "所引条文不存在",
	cite.CodeRepeatArticle: "所引条文编号在原文中重复",
	cite.CodeNoPara:        "所引款不存在",
	cite.CodeNoItem:        "所引项不存在",
	cite.CodeRepeatItem:    "所引项编号在原文中重复",
	cite.CodeAmbiguousItem: "几款都有该项，未写明第几款",
	cite.CodeNoSub:         "所引目不存在",
	cite.CodeRepeatSub:     "所引目编号在原文中重复",
}

// missingShown is how many documents not held the report lists.
const missingShown = 300

func (b *builder) citationsPage() *CitationsPage {
	f := &b.cites.figures
	p := &CitationsPage{Page: b.page("引用报告", CitationsPath), F: f, Missing: f.Missing}
	if len(p.Missing) > missingShown {
		p.Missing = p.Missing[:missingShown]
	}
	for _, r := range f.Reasons {
		p.Reasons = append(p.Reasons, ReasonRow{r, reasonText[r.Code]})
	}
	return p
}

// CitationsReport is the text form of the references report: the
// figures by kind and reason, then every document cited but not held
// with its count, for diffing between builds.
func (f *CitationFigures) CitationsReport() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "references\t%d found\t%d resolved\t%d unresolved\n", f.Found, f.Resolved, f.Unresolved())
	for _, k := range f.Kinds {
		fmt.Fprintf(&b, "kind\t%s\t%d found\t%d resolved\t%d unresolved\n", k.Kind, k.Found, k.Resolved, k.Unresolved())
	}
	for _, r := range f.Reasons {
		fmt.Fprintf(&b, "unresolved\t%s\t%d\n", r.Code, r.Count)
	}
	for _, m := range f.Missing {
		fmt.Fprintf(&b, "missing\t%d\t%d documents\t《%s》\n", m.Count, m.Docs, m.Title)
	}
	return []byte(b.String())
}

// citeJobs are the pages of references: the report and the resolver.
func (b *builder) citeJobs() []job {
	return []job{
		{CitationsPath, "citations.html", b.citationsPage(), nil, nil},
		{CitePagePath, "cite.html", b.citePage(), nil, nil},
	}
}

// CitePage is cite.html: the resolver's form, with examples of what it
// reads taken from the site's own documents.
type CitePage struct {
	Page
	Examples []string
}

// citePage picks the examples: a sub-item of the default document in
// the formal, Arabic, loose and dotted forms, and an article of another
// document by its title.
func (b *builder) citePage() *CitePage {
	p := &CitePage{Page: b.page("引用解析", CitePagePath)}
	x := b.cites
	if x.lib.Default >= 0 {
		d := x.docs[x.lib.Default]
	find:
		for _, a := range d.Articles {
			for _, para := range a.Paragraphs {
				for _, it := range para.Items {
					for _, l := range it.Body {
						if l.Number > 0 && a.Sub == 0 && len(a.Paragraphs) == 1 {
							p.Examples = append(p.Examples, l.Citation(),
								fmt.Sprintf("第%d条第%d项第%d目", a.Number, it.Number, l.Number),
								fmt.Sprintf("%s条（%s）%d", doc.FormatNumeral(a.Number), doc.FormatNumeral(it.Number), l.Number),
								fmt.Sprintf("%d.%d.%d", a.Number, it.Number, l.Number))
							break find
						}
					}
				}
			}
		}
	}
	for i, d := range x.docs {
		if i != x.lib.Default && len(d.Articles) > 0 {
			p.Examples = append(p.Examples, strings.TrimPrefix(d.Meta.Title, "中华人民共和国")+d.Articles[0].Citation())
			break
		}
	}
	return p
}

// CiteRegistrar is the global function the resolver's data files call.
const CiteRegistrar = "rulesiteCite"

// citeFiles emits the report's text and the resolver's data: the list
// of documents and each document's outline with its text, one at a time
// so that the data of a large corpus is never held whole.
func (b *builder) citeFiles(emit func(File) error) error {
	x := b.cites
	if err := emit(File{Path: CitationsText, Data: x.figures.CitationsReport()}); err != nil {
		return err
	}
	type docEntry struct {
		cite.Outline
		Articles []cite.OutlineArticle `json:"a,omitempty"` // left out of the list
	}
	list := struct {
		Default string     `json:"default,omitempty"`
		Docs    []docEntry `json:"docs"`
	}{}
	if x.lib.Default >= 0 {
		list.Default = x.lib.Docs[x.lib.Default].Dir
	}
	versions := map[string]int{}
	for _, o := range x.lib.Docs {
		versions[o.Group]++
	}
	for i, d := range x.docs {
		o := x.lib.Docs[i]
		short := o // what the resolver can tell by itself is left out
		if short.Cite == "《"+short.Title+"》" {
			short.Cite = ""
		}
		if versions[short.Group] == 1 {
			short.Group = ""
		}
		list.Docs = append(list.Docs, docEntry{Outline: short})
		if u := b.units[d]; u != nil && u.kept {
			continue // the caller holds it (see reuseUnit)
		}
		full := cite.NewOutline(d, o.Cite, o.Group, o.Current, true)
		full.Name = o.Name
		data, err := dataScript(d.Dir(), full)
		if err != nil {
			return err
		}
		if err := emit(File{Path: citeDataPath(d), Data: data}); err != nil {
			return err
		}
	}
	data, err := dataScript("docs", list)
	if err != nil {
		return err
	}
	return emit(File{Path: CiteDataDir + "/docs.js", Data: data})
}

// citeDataPath is the file of the resolver's data of document d.
func citeDataPath(d *doc.Document) string { return CiteDataDir + "/" + d.Dir() + ".js" }

// dataScript writes rulesiteCite("<name>",<JSON>); as one line.
func dataScript(name string, v any) ([]byte, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	n, _ := json.Marshal(name)
	out := make([]byte, 0, len(j)+len(n)+len(CiteRegistrar)+5)
	out = append(out, CiteRegistrar+"("...)
	out = append(out, n...)
	out = append(out, ',')
	out = append(out, j...)
	out = append(out, ");\n"...)
	return out, nil
}

// citeFuncs are the template functions of references.
func (b *builder) citeFuncs() template.FuncMap {
	return template.FuncMap{
		"citedBy":    func(a *doc.Article) *CitedBy { return b.cites.citedByOf(a) },
		"linkedLine": func(l Lines, i int) template.HTML { return b.cites.linkedLine(l, i) },
	}
}
