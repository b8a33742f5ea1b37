package site

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"rulesite/internal/doc"
)

// TestValidityShared renders the validity block of every article page of
// a document in three versions, the first with articles matched in the
// others, through validityHTML (which shares the block among the pages
// of a version that name no other article) and through the template:
// the same bytes, page after page, and each version's shared block
// differs from the others'.
func TestValidityShared(t *testing.T) {
	fsys := fstest.MapFS{
		"a1.md": {Data: []byte("---\nid: a1\ndocument: a\ntitle: 甲办法\ndate: 2010-01-01\n---\n\n# 甲办法\n\n第一条 甲。\n\n第二条 乙。\n\n第三条 丙。\n")},
		"a2.md": {Data: []byte("---\nid: a2\ndocument: a\ntitle: 甲办法\ndate: 2015-01-01\n---\n\n# 甲办法\n\n第一条 甲。\n\n第二条 乙改。\n\n第三条 全新的一条，与旧文无关，另起炉灶。\n")},
		"a3.md": {Data: []byte("---\nid: a3\ndocument: a\ntitle: 甲办法\ndate: 2030-01-01\n---\n\n# 甲办法\n\n第一条 甲。\n")},
		"b.md":  {Data: []byte("---\nid: b\ntitle: 乙规定\ndate: 2020-01-01\n---\n\n# 乙规定\n\n第一条 乙。\n\n第二条 乙二。\n")},
	}
	docs, err := doc.Load(fsys, ".", "content")
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{in: Input{Docs: docs, Templates: os.DirFS(filepath.Join("..", "..", "templates")), TemplatesDir: "templates", AsOf: "2026-01-01"}}
	if err := b.prepare(); err != nil {
		t.Fatal(err)
	}
	shared, named := map[string]bool{}, 0
	for round := 0; round < 2; round++ { // the second from the cache
		for _, d := range docs {
			for _, a := range d.Articles {
				p := &ArticlePage{Page: b.page(a.File(), d.Dir()+"/"+a.File()), Doc: d, Article: a, Validity: b.versions.validity(d, a)}
				want, err := b.tmpl.renderPartial("article.html", "validity", p)
				if err != nil {
					t.Fatal(err)
				}
				got, err := b.validityHTML(p)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Fatalf("%s %s: got\n%s\nwant\n%s", d.Slug, a.File(), got, want)
				}
				if len(p.Validity.Others) > 0 {
					named++
				} else {
					shared[string(got)] = true
				}
			}
		}
	}
	if named == 0 || len(shared) < 3 {
		t.Errorf("%d pages naming other versions' articles, %d different shared blocks; want some, and at least three (a1, a2, b)", named, len(shared))
	}
}
