package site

import (
	"fmt"
	"html/template"
	"os"
	"regexp"
	"strings"
	"testing"

	"rulesite/internal/cite"
	"rulesite/internal/doc"
)

// citeBuilder finds the references of docs as a build does.
func citeBuilder(docs []*doc.Document) *builder {
	b := &builder{in: Input{Docs: docs}}
	b.versions = newVersionIndex(docs, "2026-01-01")
	b.rules = newRulesPages(docs)
	b.cites = b.newCiteIndex()
	return b
}

// unitAt returns the unit of article a at anchor ("" for the article),
// by internal/doc's own addressing.
func unitAt(a *doc.Article, anchor string) (para, item, sub int, ok bool) {
	if anchor == "" {
		return 0, 0, 0, true
	}
	for _, p := range a.Paragraphs {
		if p.Anchor() == anchor {
			return p.Index, 0, 0, true
		}
		for _, it := range p.Items {
			if it.Anchor() == anchor {
				return p.Index, it.Number, 0, true
			}
			for _, l := range it.Body {
				if l.Number > 0 && l.Anchor() == anchor {
					return p.Index, it.Number, l.Number, true
				}
			}
		}
	}
	return 0, 0, 0, false
}

var linkTag = regexp.MustCompile(`<a class="ref" href="[^"]*" title="[^"]*">|</a>`)

// TestCiteCorpusSample checks, on the national laws and Chongqing's
// regulations of the shared corpus, that every resolved reference lands
// on a unit whose number is the one the reference names, and that the
// text of every line, its links stripped, is the line as published.
func TestCiteCorpusSample(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus in -short mode")
	}
	docs := sampleDocs(t)
	x := citeBuilder(docs).cites
	checked := 0
	for _, d := range docs {
		for ai, a := range d.Articles {
			at := ArticleText{Article: a}
			check := func(block any, text string, ctxPara int) {
				skip := 0
				if ctxPara == 1 && block == any(a.Paragraphs[0]) && strings.HasPrefix(text, a.Label) {
					skip = len(a.Label)
				}
				// The references of the line, list context included.
				refs := map[int]cite.Ref{}
				for _, r := range cite.Scan(text[skip:]) {
					refs[skip+r.Start] = r
				}
				html := string(x.linked(at, block, text))
				if stripped := linkTag.ReplaceAllString(html, ""); stripped != template.HTMLEscapeString(text) {
					t.Errorf("%s %s: the text changed:\n%s\n%s", d.Path, a.Citation(), stripped, text)
				}
				for _, l := range x.links[block] {
					checked++
					r, ok := refs[l.start]
					if !ok {
						t.Errorf("%s %s: the link at %d is no reference", d.Path, a.Citation(), l.start)
						continue
					}
					if msg := x.checkLink(d, ai, ctxPara, r, l); msg != "" {
						t.Errorf("%s %s: %q in %q: %s", d.Path, a.Citation(), text[l.start:l.end], text, msg)
					}
				}
			}
			for _, p := range a.Paragraphs {
				check(p, p.Text, p.Index)
				for _, it := range p.Items {
					check(it, it.Text, p.Index)
					for _, l := range it.Body {
						check(l, l.Text, p.Index)
					}
				}
			}
		}
	}
	f := x.figures
	t.Logf("%d documents: %d references, %d resolved (%d links of articles checked), %d unresolved", len(docs), f.Found, f.Resolved, checked, f.Unresolved())
	if checked < 1000 {
		t.Errorf("only %d links in the sample: the scan finds too little", checked)
	}
}

// TestCiteRoundTrip checks, on the national laws and Chongqing's
// regulations, that the formal citation of every unit, as the site's
// copy button gives it, resolves back to the unit's own address, unless
// the text repeats its number.
func TestCiteRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus in -short mode")
	}
	docs := sampleDocs(t)
	b := citeBuilder(docs)
	x := b.cites
	x.lib.Default = -1
	checked, repeated := 0, 0
	for di, d := range docs {
		name := x.lib.Docs[di].Cite
		dir := d.Dir()
		if v := b.versions.set.Of(d); v != nil && v.CopyOf != nil {
			dir = v.CopyOf.Doc.Dir() // the same text filed twice: the first file stands for it
		}
		for _, a := range d.Articles {
			try := func(short, anchor string) {
				want := dir + "/" + a.File()
				if anchor != "" {
					want += "#" + anchor
				}
				refs, err := cite.Parse(name + short)
				if err != nil || len(refs) != 1 {
					t.Errorf("%s: %s%s does not parse: %v", d.Path, name, short, err)
					return
				}
				tg, e := x.lib.Resolve(&refs[0], cite.NoContext)
				switch {
				case e != nil && strings.HasSuffix(e.Code, ".repeated"), e != nil && e.Code == cite.CodeAmbiguousDoc:
					repeated++
				case e != nil:
					t.Errorf("%s: %s%s: %s", d.Path, name, short, e.Msg)
				case tg.Href != want:
					t.Errorf("%s: %s%s resolves to %s, not %s", d.Path, name, short, tg.Href, want)
				default:
					checked++
				}
			}
			try(a.Citation(), "")
			for _, p := range a.Paragraphs {
				if len(a.Paragraphs) > 1 {
					try(p.Citation(), p.Anchor())
				}
				for _, it := range p.Items {
					try(it.Citation(), it.Anchor())
					for _, l := range it.Body {
						if l.Number > 0 {
							try(l.Citation(), l.Anchor())
						}
					}
				}
			}
		}
	}
	t.Logf("%d units resolved back to their address, %d left for a repeated number", checked, repeated)
}

// sampleDocs loads the national laws and Chongqing's regulations of the
// corpus, or skips.
func sampleDocs(t *testing.T) []*doc.Document {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("skipping: %s is absent (%v)", corpusDir, err)
	}
	var docs []*doc.Document
	for _, dir := range []string{"laws", "chongqing"} {
		d, err := doc.Load(os.DirFS(corpusDir), dir, "../shared/corpus")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d...)
	}
	return docs
}

// checkLink checks that link l, made for reference r by the article ai of
// d in paragraph ctxPara, leads to a unit numbered as r says.
func (x *citeIndex) checkLink(d *doc.Document, ai, ctxPara int, r cite.Ref, l textLink) string {
	td := x.docs[l.doc]
	if r.Title == "" && !r.Named && td != d {
		return "a reference without a title leads to another document " + td.Path
	}
	if l.file == "" {
		if r.Title == "" || cite.NormTitle(r.Title) != cite.NormTitle(td.Meta.Title) {
			return "the title leads to " + td.Meta.Title
		}
		return ""
	}
	var ta *doc.Article
	for _, a := range td.Articles {
		if a.File() == l.file {
			ta = a
		}
	}
	if ta == nil {
		return "no article page " + l.file
	}
	para, item, sub, ok := unitAt(ta, l.anchor)
	if !ok {
		return fmt.Sprintf("no unit #%s on %s", l.anchor, l.file)
	}
	switch {
	case r.Article > 0 && (ta.Number != r.Article || ta.Sub != r.ArticleSub):
		return "lands on " + ta.Citation()
	case r.Article == 0 && r.ArticleRel != cite.Prev && ta != d.Articles[ai]:
		return "a unit of the citing article lands on " + ta.Citation()
	case r.ArticleRel == cite.Prev && (ai == 0 || ta != d.Articles[ai-1]):
		return "the previous article lands on " + ta.Citation()
	case r.Para > 0 && para != r.Para:
		return fmt.Sprintf("lands on paragraph %d", para)
	case r.ParaRel == cite.Prev && para != ctxPara-r.ParaCount:
		return fmt.Sprintf("前款 lands on paragraph %d of %d", para, ctxPara)
	case r.Item > 0 && item != r.Item:
		return fmt.Sprintf("lands on item %d", item)
	case r.Subitem > 0 && sub != r.Subitem:
		return fmt.Sprintf("lands on sub-item %d", sub)
	case (r.Para > 0 || r.ParaRel != "") && para == 0:
		return "a paragraph reference lands on an article"
	case (r.Item > 0 || r.ItemRel != "") && item == 0:
		return "an item reference lands on no item"
	}
	return ""
}

// BenchmarkCiteCorpus finds and resolves the references of the whole
// corpus and prints the figures by kind and reason, and the documents
// cited most that the corpus does not hold.
func BenchmarkCiteCorpus(b *testing.B) {
	docs := loadDocs(b, corpusDir, "../shared/corpus")
	articles := 0
	for _, d := range docs {
		articles += len(d.Articles)
	}
	bd := &builder{in: Input{Docs: docs}}
	bd.versions = newVersionIndex(docs, "2026-01-01")
	b.ResetTimer()
	var x *citeIndex
	for i := 0; i < b.N; i++ {
		x = bd.newCiteIndex()
	}
	b.StopTimer()
	f := &x.figures
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d documents, %d articles\n", len(docs), articles)
	f.Print(&sb)
	for _, r := range f.Reasons {
		fmt.Fprintf(&sb, "         %6d  %s\n", r.Count, r.Code)
	}
	for i, m := range f.Missing {
		if i == 15 {
			break
		}
		fmt.Fprintf(&sb, "  missing %5d refs in %4d documents  《%s》\n", m.Count, m.Docs, m.Title)
	}
	fmt.Print(sb.String())
	b.ReportMetric(float64(f.Found), "refs")
	b.ReportMetric(float64(f.Resolved), "resolved")
}
