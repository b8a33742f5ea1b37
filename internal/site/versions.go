package site

import (
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

// versionIndex holds the grouping and the comparisons of the site.
type versionIndex struct {
	set      *versions.Set
	compares map[versions.Pair]*versions.Comparison
	pairs    []versions.Pair // in order of documents, oldest pair first
	// match maps an article to its counterpart in the neighbouring versions.
	match map[*doc.Article][]*doc.Article
}

func newVersionIndex(docs []*doc.Document, asOf string) *versionIndex {
	x := &versionIndex{
		set:      versions.Group(docs, asOf),
		compares: map[versions.Pair]*versions.Comparison{},
		match:    map[*doc.Article][]*doc.Article{},
	}
	for _, g := range x.set.Documents {
		for _, p := range g.Pairs() {
			c := versions.Compare(p.Old.Doc, p.New.Doc)
			x.compares[p] = c
			x.pairs = append(x.pairs, p)
			for _, r := range c.Rows {
				if r.Old != nil && r.New != nil {
					x.match[r.Old] = append(x.match[r.Old], r.New)
					x.match[r.New] = append(x.match[r.New], r.Old)
				}
			}
		}
	}
	return x
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
	if a != nil {
		// Follow the matches from version to version, both ways.
		seen := map[*doc.Article]bool{a: true}
		queue := []*doc.Article{a}
		for len(queue) > 0 {
			cur := queue[0]
			queue = queue[1:]
			for _, o := range x.match[cur] {
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
		jobs = append(jobs, job{p, "versions.html", &VersionsPage{Page: b.page(g.Title+" · 版本", p), Doc: g}, nil})
	}
	for _, p := range b.versions.pairs {
		path := p.ComparePath()
		title := p.New.Doc.Meta.Title + " · 新旧对照"
		jobs = append(jobs, job{path, "compare.html", &ComparePage{Page: b.page(title, path), Old: p.Old, New: p.New, C: b.versions.compares[p]}, nil})
	}
	return jobs
}
