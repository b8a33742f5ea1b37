package builder

import (
	"rulesite/internal/doc"
	"rulesite/internal/search"
	"rulesite/internal/site"
)

// SearchUnits turns the documents into what the search index is built
// from: one unit an article, one block a paragraph, item or sub-item, each
// carrying the anchor a result links to.
func SearchUnits(docs []*doc.Document) []search.Unit {
	var units []search.Unit
	for _, d := range docs {
		for _, a := range d.Articles {
			u := search.Unit{
				URL:   d.Dir() + "/" + a.File(),
				Label: site.ArticleName(a),
				Doc:   d.Meta.Title,
			}
			if a.Division != nil {
				u.Chapter = a.Division.Text
			}
			for _, p := range a.Paragraphs {
				u.Blocks = append(u.Blocks, search.Block{Anchor: p.Anchor(), Text: p.Text})
				for _, it := range p.Items {
					u.Blocks = append(u.Blocks, search.Block{Anchor: it.Anchor(), Text: it.Text})
					for _, l := range it.Body {
						u.Blocks = append(u.Blocks, search.Block{Anchor: l.Anchor(), Text: l.Text})
					}
				}
			}
			units = append(units, u)
		}
	}
	return units
}
