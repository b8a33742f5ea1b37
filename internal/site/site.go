// Package site renders the parsed documents and the rules data into the
// pages of the static site.
//
// Every page is rendered in memory; nothing is written here. Links are
// relative and point to files (never folders or "/…"), so the output works
// under any path prefix and when opened from disk.
package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"rulesite/internal/diag"
	"rulesite/internal/doc"
	"rulesite/internal/versions"
)

// SiteName is the name of the site shown in every page's masthead.
const SiteName = "开州区政府规则库"

// Input is everything the pages are made from.
type Input struct {
	Docs         []*doc.Document
	Templates    fs.FS
	TemplatesDir string // display path of Templates, e.g. "templates"
	// Parsed, when not nil, is Templates as CheckTemplates parsed them,
	// not yet executed: the build uses it instead of parsing them again,
	// and binds it to its own functions, so it serves one build only.
	Parsed *Templates
	// Redirects send moved pages' old addresses to their new ones.
	Redirects []Redirect
	// BaseURL is the address the site is published at (absolute, ending
	// in "/"), or "" when it is not known. Links stay relative; copied
	// and printed addresses use it, so that a citation copied from a USB
	// stick names the intranet address, not file:///E:/….
	BaseURL string
	// AsOf is the date (YYYY-MM-DD) for which the pages tell which
	// version of a document is in force (see internal/versions); "" for
	// the day of the build (UTC). A rebuild on the same day, or with the
	// same AsOf, is byte-identical; a status changes only when a date
	// the texts give is passed.
	AsOf string
	// Citations, when not nil, receives the figures of the references
	// the texts make (see CitationFigures), for the build log.
	Citations *CitationFigures
	// Unchanged, when not nil, is asked for every unit of reuse before
	// its files are made, whether the caller holds them as a previous
	// build made them from the same inputs. A unit is a document's
	// pages (in its folder) with its resolver data, named by the folder,
	// or a document's page of versions, named by its path; key digests
	// everything the files are made from but the code (see docKey), and
	// paths are the files. For true, they are neither made nor emitted.
	// Stream only.
	Unchanged func(name, key string, paths []string) bool
}

// Redirect is a page that moved: From is its old path, To the page it
// moved to, both relative to the site root; Pos is where it is declared.
type Redirect struct {
	From, To string
	Pos      diag.Pos
}

// Page is the data every page template receives.
type Page struct {
	SiteName string
	Title    string
	Path     string // permanent path of the page, relative to the site root
	Root     string // relative path from the page to the site root: "" or "../"
	HasRules bool   // whether the rules pages (thresholds, calculator, authorities) exist
	Base     string // the site's published address, "" if unknown (see Input.BaseURL)
	Wide     bool   // the page holds wide tables and may use the whole window
}

// Page returns the data every page has. The layout reads it once, as $p,
// rather than each of its fields through the page's own data, where
// html/template finds a field of an embedded struct by a slow search.
func (p Page) Page() Page { return p }

// File is one output file.
type File struct {
	Path string
	Data []byte
}

// Build renders every page. Output is deterministic: the same input gives
// the same files, byte for byte, in the same order.
func Build(in Input) ([]File, error) {
	b := &builder{in: in}
	if err := b.prepare(); err != nil {
		return nil, err
	}
	return b.render()
}

type builder struct {
	in       Input
	tmpl     *Templates
	rules    *rulesPages // nil when the content lacks the document the rules cite
	versions *versionIndex
	// divisions holds the anchor of every part, chapter and section on
	// its document's contents page (see divisionAnchors).
	divisions map[*doc.Division]string
	cites     *citeIndex
	// units are the documents' units of reuse (see reuseUnit).
	units map[*doc.Document]*reuseUnit
	// validityCache holds the validity blocks shared by the article
	// pages of a version (see validityHTML).
	validityCache sync.Map
}

func (b *builder) prepare() error {
	b.rules = newRulesPages(b.in.Docs)
	b.versions = newVersionIndex(b.in.Docs, versions.Today(b.in.AsOf))
	b.divisions = map[*doc.Division]string{}
	for _, d := range b.in.Docs {
		divisionAnchors(d.Divisions, "", b.divisions)
	}
	b.cites = b.newCiteIndex()
	if b.in.Citations != nil {
		*b.in.Citations = b.cites.figures
	}
	if b.in.Parsed != nil {
		b.tmpl = b.in.Parsed.bind(b.funcs())
	} else {
		tmpl, err := ParseTemplates(b.in.Templates, b.in.TemplatesDir, b.funcs())
		if err != nil {
			return err
		}
		b.tmpl = tmpl
	}
	if b.rules != nil {
		if err := b.rules.check(); err != nil {
			return err
		}
	}
	return nil
}

// job renders one page.
type job struct {
	path string
	page string
	data any
	// make, when not nil, makes data as the page is rendered, so that
	// the pages a rebuild keeps (see Input.Unchanged) cost nothing.
	make func() any
	unit *reuseUnit // the pages kept or rendered with this one, or nil
}

// reuseUnit is a set of files kept or made again together, with the key
// of everything they are made from (see docKey): the pages in a
// document's folder and its resolver data, or a document's page of
// versions.
type reuseUnit struct {
	name  string // the document's folder, or the versions page's path
	key   func() string
	extra []string // files made outside the jobs (cite data)
	kept  bool
}

func (b *builder) page(title, p string) Page {
	return Page{
		SiteName: SiteName,
		Title:    title,
		Path:     p,
		Root:     strings.Repeat("../", strings.Count(p, "/")),
		HasRules: b.rules != nil,
		Base:     b.in.BaseURL,
	}
}

func (b *builder) jobs() []job {
	var jobs []job
	jobs = append(jobs, job{path: "index.html", page: "home.html", data: b.home()})
	jobs = append(jobs, job{path: "search.html", page: "search.html", data: b.page("搜索", "search.html")})
	jobs = append(jobs, job{path: ReportPath, page: "report.html", data: b.report()})
	b.units = map[*doc.Document]*reuseUnit{}
	for _, d := range b.in.Docs {
		u := &reuseUnit{name: d.Dir(), key: func() string { return b.docKey(d) }, extra: []string{citeDataPath(d)}}
		b.units[d] = u
		p := d.Dir() + "/index.html"
		jobs = append(jobs, job{p, "document.html", nil, func() any {
			return &DocumentPage{Page: b.page(d.Meta.Title, p), Doc: d, Notes: notesFor(d, "index.html"), Undivided: undivided(d), Validity: b.versions.validity(d, nil)}
		}, u})
		if len(d.Articles) > 0 {
			p := d.Dir() + "/" + FullTextFile
			jobs = append(jobs, job{p, "fulltext.html", nil, func() any {
				return &DocumentPage{Page: b.page("全文 · "+d.Meta.Title, p), Doc: d, Undivided: undivided(d), Validity: b.versions.validity(d, nil)}
			}, u})
		}
		for i, a := range d.Articles {
			p := d.Dir() + "/" + a.File()
			jobs = append(jobs, job{p, "article.html", nil, func() any {
				ap := &ArticlePage{Page: b.page(ArticleName(a)+" · "+d.Meta.Title, p), Doc: d, Article: a, Trail: trail(a.Division), Notes: notesFor(d, a.File()), Validity: b.versions.validity(d, a)}
				if i > 0 {
					ap.Prev = d.Articles[i-1]
				}
				if i+1 < len(d.Articles) {
					ap.Next = d.Articles[i+1]
				}
				if b.rules != nil {
					ap.Related = b.rules.related(a)
				}
				return ap
			}, u})
		}
	}
	jobs = append(jobs, b.versionJobs()...)
	jobs = append(jobs, b.citeJobs()...)
	if b.rules != nil {
		jobs = append(jobs, b.rules.jobs(b)...)
	}
	return jobs
}

// redirectJobs checks the redirects against the pages and returns their
// jobs: a redirect must lead to a page the site has, and must not take
// the place of one.
func (b *builder) redirectJobs(pages []job) ([]job, error) {
	have := make(map[string]bool, len(pages))
	dirs := map[string]bool{} // every folder that holds a page
	for _, j := range pages {
		have[j.path] = true
		for d := path.Dir(j.path); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var list diag.List
	var jobs []job
	for _, r := range b.in.Redirects {
		parent := pageAbove(r.From, have)
		switch {
		case !have[r.To]:
			list.Addf(r.Pos, "%s redirects to %s, which the site does not have", r.From, r.To)
		case have[r.From]:
			list.Addf(r.Pos, "%s is a page of the site; a redirect must not replace it", r.From)
		case dirs[r.From]:
			list.Addf(r.Pos, "%s is a folder of pages of the site; a redirect must not replace it", r.From)
		case parent != "":
			list.Addf(r.Pos, "%s lies under %s, a page of the site: a page cannot hold other pages", r.From, parent)
		default:
			pg := b.page("页面已迁移", r.From)
			jobs = append(jobs, job{path: r.From, page: "redirect.html", data: &RedirectPage{Page: pg, Target: pg.Root + r.To}})
		}
	}
	return jobs, list.Err()
}

// pageAbove returns the page of the site that a folder of path p would
// be (kzfz-2021-7/22.html for kzfz-2021-7/22.html/old.html), or "".
func pageAbove(p string, have map[string]bool) string {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if have[d] {
			return d
		}
	}
	return ""
}

// Stream renders every page and hands each to emit as soon as it is
// made, so that a large site is never held in memory as a whole. Pages
// are rendered on every CPU but emit is called from one goroutine, one
// page at a time, in no particular order; their bytes do not depend on
// it. It stops at the first error, of a template or of emit.
func Stream(in Input, emit func(File) error) error {
	b := &builder{in: in}
	if err := b.prepare(); err != nil {
		return err
	}
	return b.stream(func(_ int, f File) error { return emit(f) })
}

// stream runs the jobs on every CPU and emits each result from one
// goroutine, with its index in the order of the jobs.
func (b *builder) stream(emit func(i int, f File) error) error {
	jobs := b.jobs()
	redirects, err := b.redirectJobs(jobs)
	if err != nil {
		return err
	}
	jobs = append(jobs, redirects...)
	seen := make(map[string]bool, len(jobs)+1)
	for _, j := range jobs {
		if seen[j.path] {
			return fmt.Errorf("two pages would be written to %s", j.path)
		}
		seen[j.path] = true
	}
	if b.in.Unchanged != nil {
		jobs = b.dropUnchanged(jobs)
	}
	type result struct {
		i    int
		file File
		err  error
	}
	next := make(chan int)
	results := make(chan result, runtime.GOMAXPROCS(0))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				// Each job is let go once taken: what it refers to
				// (its page's data, made on demand) is garbage once
				// its page is rendered.
				j := jobs[i]
				jobs[i] = job{}
				if j.make != nil {
					j.data = j.make()
				}
				data, err := b.tmpl.Render(j.page, j.data)
				select {
				case results <- result{i, File{Path: j.path, Data: data}, err}:
				case <-stop:
					return
				}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var first error
	for r := range results {
		if first != nil {
			continue
		}
		if r.err == nil {
			r.err = emit(r.i, r.file)
		}
		if r.err != nil {
			// Every page of a kind fails alike; the first error says it.
			first = r.err
			close(stop)
		}
	}
	if first != nil {
		return first
	}
	// Files made after the pages, one at a time.
	i := len(jobs)
	return b.extraFiles(func(f File) error {
		if seen[f.Path] {
			return fmt.Errorf("two pages would be written to %s", f.Path)
		}
		seen[f.Path] = true
		i++
		return emit(i-1, f)
	})
}

// dropUnchanged leaves out the pages of the units whose files the
// caller holds (see Input.Unchanged).
func (b *builder) dropUnchanged(jobs []job) []job {
	var units []*reuseUnit
	paths := map[*reuseUnit][]string{}
	for _, j := range jobs {
		if j.unit == nil {
			continue
		}
		if _, ok := paths[j.unit]; !ok {
			units = append(units, j.unit)
		}
		paths[j.unit] = append(paths[j.unit], j.path)
	}
	for _, u := range units {
		u.kept = b.in.Unchanged(u.name, u.key(), append(paths[u], u.extra...))
	}
	return slices.DeleteFunc(jobs, func(j job) bool { return j.unit != nil && j.unit.kept })
}

// extraFiles makes the files that are no pages: the warnings' text and
// the references' (see citeFiles).
func (b *builder) extraFiles(emit func(File) error) error {
	if err := emit(File{Path: ReportText, Data: WarningsText(b.in.Docs)}); err != nil {
		return err
	}
	return b.citeFiles(emit)
}

// render collects the pages in the order of the jobs.
func (b *builder) render() ([]File, error) {
	var files []File
	err := b.stream(func(i int, f File) error {
		if i >= len(files) {
			files = append(files, make([]File, i+1-len(files))...)
		}
		files[i] = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// HomePage lists the documents by kind.
type HomePage struct {
	Page
	Docs         []*doc.Document
	Groups       []DocGroup
	ArticleCount int
	WarningCount int // irregularities of the texts, listed in the report
	Statuses     []versions.Status
}

// DocGroup is the documents of one kind, newest first.
type DocGroup struct {
	ID   string // anchor, "k1", "k2"…, in the order of the groups
	Kind string
	Docs []*doc.Document
}

// kindOrder puts the kinds the district issues itself first, then the
// higher-level texts by rank; unknown kinds follow in name order.
var kindOrder = []string{"内部工作制度", "规范性文件", "法律", "行政法规", "地方性法规", "自治条例", "单行条例", "部门规章", "地方政府规章", "司法解释", "党内法规", "军事法规"}

func (b *builder) home() *HomePage {
	h := &HomePage{Page: b.page(SiteName, "index.html"), Docs: b.in.Docs, Statuses: versions.Statuses}
	byKind := make(map[string][]*doc.Document)
	for _, d := range b.in.Docs {
		byKind[d.Meta.Kind] = append(byKind[d.Meta.Kind], d)
		h.ArticleCount += len(d.Articles)
		h.WarningCount += len(d.Warnings)
	}
	rank := func(k string) int {
		for i, o := range kindOrder {
			if o == k {
				return i
			}
		}
		return len(kindOrder)
	}
	kinds := sortedKeys(byKind)
	sort.SliceStable(kinds, func(i, j int) bool { return rank(kinds[i]) < rank(kinds[j]) })
	for i, k := range kinds {
		docs := byKind[k]
		sort.SliceStable(docs, func(i, j int) bool {
			if docs[i].Meta.Date != docs[j].Meta.Date {
				return docs[i].Meta.Date > docs[j].Meta.Date
			}
			return docs[i].Meta.Title < docs[j].Meta.Title
		})
		label := k
		if label == "" {
			label = "其他"
		}
		h.Groups = append(h.Groups, DocGroup{ID: fmt.Sprintf("k%d", i+1), Kind: label, Docs: docs})
	}
	return h
}

// DocumentPage shows a document's metadata, notice and table of contents.
type DocumentPage struct {
	Page
	Doc   *doc.Document
	Notes []EditorialNote // about the document's heading, preamble or divisions
	// Undivided are the articles outside every division, in a document
	// that has divisions: those before the first, where a text lost the
	// heading of its first chapter.
	Undivided []*doc.Article
	Validity  *Validity
}

func undivided(d *doc.Document) []*doc.Article {
	if len(d.Divisions) == 0 {
		return nil
	}
	var out []*doc.Article
	for _, a := range d.Articles {
		if a.Division == nil {
			out = append(out, a)
		}
	}
	return out
}

// ArticlePage shows one article.
type ArticlePage struct {
	Page
	Doc        *doc.Document
	Article    *doc.Article
	Trail      []*doc.Division // outermost first
	Prev, Next *doc.Article
	Related    []RelatedRule
	Notes      []EditorialNote // about irregularities of the article's text
	Validity   *Validity
}

// Citation returns the name the article's citations start with: the
// document's, naming the version when it is not the one in force.
func (p *ArticlePage) Citation() string {
	if p.Validity != nil {
		return p.Validity.Version.Citation()
	}
	return p.Doc.Citation()
}

// RedirectPage sends a reader from a moved page's old address to its new
// one, keeping the fragment.
type RedirectPage struct {
	Page
	Target string // relative to the old page
}

func trail(d *doc.Division) []*doc.Division {
	var t []*doc.Division
	for ; d != nil; d = d.Parent {
		t = append([]*doc.Division{d}, t...)
	}
	return t
}

// ArticleName is an article's number in the form citations use,
// 第二十二条, whichever way the document numbers its articles.
func ArticleName(a *doc.Article) string {
	return a.Citation()
}

// excerptLen is how many characters of an article the table of contents
// shows after its number.
const excerptLen = 36

// Excerpt returns the beginning of an article's text after its label.
func Excerpt(a *doc.Article) string {
	if len(a.Paragraphs) == 0 {
		return ""
	}
	s := strings.TrimSpace(strings.TrimPrefix(a.Paragraphs[0].Text, a.Label))
	if utf8.RuneCountInString(s) <= excerptLen {
		return s
	}
	r := []rune(s)
	return string(r[:excerptLen]) + "……"
}

// citable is a paragraph, item or sub-item.
type citable interface {
	Anchor() string
	Citation() string
}

// CheckTemplates parses the templates of fsys as Build would, so that a
// broken template is reported together with the problems of the content
// before anything is rendered. The templates it returns may be given to
// one build as Input.Parsed, which then does not parse them again.
func CheckTemplates(fsys fs.FS, dir string) (*Templates, error) {
	return ParseTemplates(fsys, dir, (&builder{}).funcs())
}

// Lines is what the template "lines" renders: verbatim lines outside the
// articles (history, preamble, appendix) as a section of a class, named
// for screen readers by label.
type Lines struct {
	Class, Label string
	Lines        []string
}

// ArticleText is what the template "article-text" renders: an article's
// text, on its own page (with the citation tools) or on the full-text
// page (anchors prefixed by the article's, no tools).
type ArticleText struct {
	Article *doc.Article
	Full    bool
}

// Tools reports whether the units carry citation tools.
func (t ArticleText) Tools() bool { return !t.Full }

// ID is the anchor of a unit of the article on the page.
func (t ArticleText) ID(c citable) string {
	if t.Full {
		return fullAnchor(t.Article, c.Anchor())
	}
	return c.Anchor()
}

// FullTextFile is the page of a document's whole text, in its folder:
// every article with the anchors of its units, to read, print and search
// with the browser's own find, without JavaScript. An article's anchor
// there is "a" and its number as in its file name (a22, a120-1), and a
// unit's, the article's, a hyphen and the unit's anchor (a22-i3-1).
const FullTextFile = "full.html"

// fullAnchor is the anchor of an article (unit "") or of one of its units
// on the full-text page.
func fullAnchor(a *doc.Article, unit string) string {
	id := "a" + strings.TrimSuffix(a.File(), ".html")
	if unit != "" {
		id += "-" + unit
	}
	return id
}

// divisionKinds are the letters of division anchors.
var divisionKinds = map[doc.DivisionKind]string{doc.Part: "p", doc.Subpart: "sp", doc.Chapter: "c", doc.Section: "s"}

// divisionAnchors gives every division of a list, and those inside it, an
// anchor on the contents page (index.html#c3) and the full text
// (full.html#c3): its kind and number as the heading writes them, after
// those of the divisions it belongs to — c3 for 第三章, p1-c3 for 第三章 of
// 第一编, c3-s2 for its 第二节. A number that repeats among its siblings
// (or a heading without one, 0) gets _k for its k-th occurrence, as
// articles do; so the anchors follow the text's own numbering and stay
// when a division is added at the end.
func divisionAnchors(list []*doc.Division, prefix string, into map[*doc.Division]string) {
	seen := map[string]int{}
	for _, dv := range list {
		id := prefix + divisionKinds[dv.Kind] + strconv.Itoa(dv.Number)
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "_" + strconv.Itoa(n)
		}
		into[dv] = id
		divisionAnchors(dv.Divisions, id+"-", into)
	}
}

func (b *builder) funcs() template.FuncMap {
	m := template.FuncMap{
		"divisionAnchor": func(dv *doc.Division) string { return b.divisions[dv] },
		"fullAnchor":     fullAnchor,
		"articleName":    ArticleName,
		"bodyAnchor":     anchorOfBody,
		"add":            func(a, b int) int { return a + b },
		"excerpt":        Excerpt,
		"cmptext":        versions.Text,
		"version": func(d *doc.Document) *versions.Version {
			if b.versions == nil {
				return nil
			}
			return b.versions.set.Of(d)
		},
		"articleTextHTML": b.articleTextHTML,
		"validityHTML":    b.validityHTML,
		"articleText":     func(a *doc.Article, full bool) ArticleText { return ArticleText{Article: a, Full: full} },
		"lines":           func(class, label string, lines []string) Lines { return Lines{class, label, lines} },
	}
	for k, f := range b.citeFuncs() {
		m[k] = f
	}
	return m
}
