package site

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rulesite/internal/doc"
)

// TestArticleTextEscaping checks the escaping of the article text's
// attributes against html/template's own, which made them before.
func TestArticleTextEscaping(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="#{{.}}" id="{{.}}" data-unit="{{.}}">`))
	for _, s := range []string{"p1-i3-1", "i3_2", "a+b", `<x>&'"`, "\x00", "第二十二条第（三）项第1目", "a b%#?/=:@!$,;~.", "é\t"} {
		var b strings.Builder
		if err := tmpl.Execute(&b, s); err != nil {
			t.Fatal(err)
		}
		esc := attrEscape(s)
		want := b.String()
		got := `<a href="#` + attrEscape(urlEscape(s)) + `" id="` + esc + `" data-unit="` + esc + `">`
		if got != want {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// templateArticleText is the template that made the article text before
// the code did: the code must make the same bytes.
const templateArticleText = `{{define "article-text" -}}
{{- $v := . -}}
<div class="text">
{{- range .Article.Paragraphs}}
<div class="para" id="{{$v.ID .}}">
<p class="t">{{linked $v . .Text}}</p>{{if $v.Tools}}{{template "tools" (unit .)}}{{end}}
{{- range .Items}}
<div class="item" id="{{$v.ID .}}">
<p class="t">{{linked $v . .Text}}</p>{{if $v.Tools}}{{template "tools" (unit .)}}{{end}}
{{- range .Body}}
{{- if .Number}}
<div class="subitem" id="{{$v.ID .}}">
<p class="t">{{linked $v . .Text}}</p>{{if $v.Tools}}{{template "tools" (unit .)}}{{end}}
</div>
{{- else}}
<p class="t cont">{{linked $v . .Text}}</p>
{{- end}}
{{- end}}
</div>
{{- end}}
</div>
{{- end}}
</div>
{{- end}}
{{define "tools" -}}
<span class="tools"><a class="pin" href="#{{.Anchor}}" data-unit="{{.Citation}}" aria-label="{{.Citation}}的链接">#</a></span>
{{- end}}`

// TestArticleTextMarkup renders every article of the seed site, on its
// page and on the full-text page, with the code and with the template it
// replaced: the bytes are the same, links to the references included.
func TestArticleTextMarkup(t *testing.T) {
	t.Run("seed", func(t *testing.T) { compareArticleText(t, loadDocs(t, "../../content", "content")) })
	// The laws of the corpus, whose references to each other resolve
	// to links.
	t.Run("laws", func(t *testing.T) { compareArticleText(t, loadDocs(t, corpusDir+"/laws", "laws")) })
}

func compareArticleText(t *testing.T, docs []*doc.Document) {
	b := &builder{in: Input{Docs: docs, Templates: os.DirFS(filepath.Join("..", "..", "templates")), TemplatesDir: "templates"}}
	if err := b.prepare(); err != nil {
		t.Fatal(err)
	}
	type unit struct{ Anchor, Citation string }
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{
		"linked": b.cites.linked,
		"unit":   func(c citable) unit { return unit{c.Anchor(), c.Citation()} },
	}).Parse(templateArticleText))
	n, links := 0, 0
	for _, d := range docs {
		for _, a := range d.Articles {
			for _, full := range []bool{false, true} {
				at := ArticleText{Article: a, Full: full}
				var want strings.Builder
				if err := tmpl.ExecuteTemplate(&want, "article-text", at); err != nil {
					t.Fatal(err)
				}
				got := string(b.articleTextHTML(at))
				if got != want.String() {
					t.Fatalf("%s %s (full %v):\n%s\nwant\n%s", d.Slug, a.File(), full, got, want.String())
				}
				n++
				links += strings.Count(got, "<a ") - strings.Count(got, `<a class="pin"`)
			}
		}
	}
	if n < 100 {
		t.Errorf("%d article texts compared", n)
	}
	t.Logf("%d article texts compared, with %d links", n, links)
}
