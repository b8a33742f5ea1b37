package site

import (
	"html/template"
	"sync"

	"rulesite/internal/doc"
	"rulesite/internal/versions"
)

// Validity is what a document or article page says about its version:
// its status and dates, the version in force when it is another one, the
// document's stable page and the comparisons with its neighbours.
type Validity struct {
	Version  *versions.Version
	Current  *versions.Version // the version in force, when it is not this one
	Versions string            // the document's page of versions, from the site root
	Compares []CompareLink
	// Others is the matched article in the other versions (article pages
	// only), oldest first.
	Others []OtherArticle
}

// CompareLink leads to the comparison of this version with a neighbour.
type CompareLink struct {
	Path  string // from the site root
	Other *versions.Version
	Newer bool // the other version is the newer one
}

// OtherArticle is the article of another version that the comparison
// matched with this one.
type OtherArticle struct {
	Version *versions.Version
	Article *doc.Article
}

// VersionsPage lists the versions of one document: the stable address of
// the document whatever its version in force.
type VersionsPage struct {
	Page
	Doc *versions.Document
}

// ComparePage is the 新旧对照 of two consecutive versions.
type ComparePage struct {
	Page
	Old, New *versions.Version
	C        *versions.Comparison
}

// versionIndex holds the grouping and the comparisons of the site. A
// group's comparisons are made the first time a page needs them, so that
// a rebuild that keeps a group's pages does not compare its texts again.
type versionIndex struct {
	set   *versions.Set
	pairs []versions.Pair // in order of documents, oldest pair first
	// groups holds the comparisons of each group with more than one
	// dated version; the map itself is not changed once made.
	groups map[*versions.Document]*groupCompares
}

// groupCompares are the comparisons of one group's consecutive versions.
type groupCompares struct {
	once     sync.Once
	compares map[versions.Pair]*versions.Comparison
	// match maps an article to its counterpart in the neighbouring versions.
	match map[*doc.Article][]*doc.Article
}

func newVersionIndex(docs []*doc.Document, asOf string) *versionIndex {
	x := &versionIndex{
		set:    versions.Group(docs, asOf),
		groups: map[*versions.Document]*groupCompares{},
	}
	for _, g := range x.set.Documents {
		if pairs := g.Pairs(); len(pairs) > 0 {
			x.pairs = append(x.pairs, pairs...)
			x.groups[g] = &groupCompares{}
		}
	}
	return x
}

// compared returns the comparisons of group g, made once; nil for a
// group without pairs.
func (x *versionIndex) compared(g *versions.Document) *groupCompares {
	gc := x.groups[g]
	if gc == nil {
		return nil
	}
	gc.once.Do(func() {
		gc.compares = map[versions.Pair]*versions.Comparison{}
		gc.match = map[*doc.Article][]*doc.Article{}
		for _, p := range g.Pairs() {
			c := versions.Compare(p.Old.Doc, p.New.Doc)
			gc.compares[p] = c
			for _, r := range c.Rows {
				if r.Old != nil && r.New != nil {
					gc.match[r.Old] = append(gc.match[r.Old], r.New)
					gc.match[r.New] = append(gc.match[r.New], r.Old)
				}
			}
		}
	})
	return gc
}

// validity returns what the pages of a version say about it; a is the
// article of an article page, or nil.
func (x *versionIndex) validity(d *doc.Document, a *doc.Article) *Validity {
	v := x.set.Of(d)
	if v == nil {
		return nil
	}
	val := &Validity{Version: v, Versions: v.Group.Path()}
	if cur := v.Group.Current; cur != nil && cur.Doc != d {
		val.Current = cur
	}
	for _, p := range v.Group.Pairs() {
		switch {
		case p.New == v:
			val.Compares = append(val.Compares, CompareLink{Path: p.ComparePath(), Other: p.Old})
		case p.Old == v:
			val.Compares = append(val.Compares, CompareLink{Path: p.ComparePath(), Other: p.New, Newer: true})
		}
	}
	if a == nil {
		return val
	}
	if gc := x.compared(v.Group); gc != nil {
		// Follow the matches from version to version, both ways.
		seen := map[*doc.Article]bool{a: true}
		queue := []*doc.Article{a}
		for len(queue) > 0 {
			cur := queue[0]
			queue = queue[1:]
			for _, o := range gc.match[cur] {
				if !seen[o] {
					seen[o] = true
					queue = append(queue, o)
				}
			}
		}
		for _, ov := range v.Group.Versions {
			for _, oa := range ov.Doc.Articles {
				if oa != a && seen[oa] {
					val.Others = append(val.Others, OtherArticle{Version: ov, Article: oa})
				}
			}
		}
	}
	return val
}

func (b *builder) versionJobs() []job {
	var jobs []job
	for _, g := range b.versions.set.Documents {
		p := g.Path()
		u := &reuseUnit{name: p, key: func() string { return b.groupKey(g) }}
		jobs = append(jobs, job{p, "versions.html", nil, func() any {
			return &VersionsPage{Page: b.page(g.Title+" · 版本", p), Doc: g}
		}, u})
	}
	for _, p := range b.versions.pairs {
		// In the newer version's folder, kept or made with its pages.
		path := p.ComparePath()
		title := p.New.Doc.Meta.Title + " · 新旧对照"
		jobs = append(jobs, job{path, "compare.html", nil, func() any {
			return &ComparePage{Page: b.page(title, path), Old: p.Old, New: p.New, C: b.versions.compared(p.New.Group).compares[p]}
		}, b.units[p.New.Doc]})
	}
	return jobs
}

// validityHTML is the template "validity" rendered for an article page.
// Every article of a version shows the same block, unless it names the
// article's matches in the other versions: that block is rendered once
// for the version and its folder, and reused, since html/template spends
// more on it than on the article's own text.
func (b *builder) validityHTML(p *ArticlePage) (template.HTML, error) {
	type key struct {
		v    *versions.Version
		root string
	}
	var k key
	shared := p.Validity != nil && len(p.Validity.Others) == 0
	if shared {
		k = key{p.Validity.Version, p.Root}
		if h, ok := b.validityCache.Load(k); ok {
			return h.(template.HTML), nil
		}
	}
	h, err := b.tmpl.renderPartial("article.html", "validity", p)
	if err == nil && shared {
		b.validityCache.Store(k, h)
	}
	return h, err
}
