package builder

import (
	"strings"

	"rulesite/internal/doc"
	"rulesite/internal/search"
	"rulesite/internal/site"
	"rulesite/internal/versions"
)

// SearchUnits turns the documents into what the search index is built
// from: one unit an article, one block a paragraph, item or sub-item, each
// carrying the anchor a result links to and its citation. set, when not
// nil, gives each article the status of its version; the articles of
// versions not in force are marked Old, so that a query leaves them out
// unless all versions are asked for.
//
// It consumes docs and set: each document is let go (docs[i] set to nil)
// once its units are made, so that the parsed documents and the units are
// never held whole at once; the units keep only the documents' text.
func SearchUnits(docs []*doc.Document, set *versions.Set) []search.Unit {
	type status struct {
		text string
		old  bool
	}
	statuses := make([]status, len(docs))
	articles := 0
	for i, d := range docs {
		statuses[i].text, statuses[i].old = versionStatus(d, set)
		articles += len(d.Articles)
	}
	// The set, which refers to every document, is not read past here.
	units := make([]search.Unit, 0, articles)
	for i, d := range docs {
		for _, a := range d.Articles {
			u := search.Unit{
				URL:    d.Dir() + "/" + a.File(),
				Label:  site.ArticleName(a),
				Doc:    d.Meta.Title,
				Status: statuses[i].text,
				Old:    statuses[i].old,
			}
			if a.Division != nil {
				u.Chapter = a.Division.Text
			}
			for _, p := range a.Paragraphs {
				u.Blocks = append(u.Blocks, search.Block{Anchor: p.Anchor(), Cite: p.Citation(), Text: p.Text})
				for _, it := range p.Items {
					u.Blocks = append(u.Blocks, search.Block{Anchor: it.Anchor(), Cite: it.Citation(), Text: it.Text})
					for _, l := range it.Body {
						u.Blocks = append(u.Blocks, search.Block{Anchor: l.Anchor(), Cite: l.Citation(), Text: l.Text})
					}
				}
			}
			units = append(units, u)
		}
		docs[i] = nil
	}
	return units
}

// versionStatus returns the status of d's version as search results show
// it, with the version's name where the document has several and its
// effective date (现行有效（2023年修订，2024年1月1日起施行）), and whether it
// is a version not in force. A version whose status the files do not give
// is searched by default and shows none.
func versionStatus(d *doc.Document, set *versions.Set) (string, bool) {
	if set == nil {
		return "", false
	}
	v := set.Of(d)
	if v == nil || v.Status == versions.Unknown {
		return "", false
	}
	var parts []string
	if len(v.Group.Versions) > 1 && v.Name() != "" {
		parts = append(parts, v.Name())
	}
	if v.Effective != "" {
		parts = append(parts, versions.ChineseDate(v.Effective)+"起施行")
	}
	s := v.Status.String()
	if len(parts) > 0 {
		s += "（" + strings.Join(parts, "，") + "）"
	}
	return s, v.Status != versions.InForce
}
