package doc

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// seedPath is the official text of the Work Rules, kept in the project
// (see testdata/official/README.md).
const seedPath = "../../testdata/official/kaizhou-work-rules-2021.txt"

// loadWorkRules loads content/ and returns the Work Rules.
func loadWorkRules(t *testing.T) *Document {
	t.Helper()
	docs, err := Load(os.DirFS("../../content"), ".", "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Slug == "kzfz-2021-7" {
			return d
		}
	}
	t.Fatal("content/ has no document with id kzfz-2021-7")
	return nil
}

// seedLines returns the non-blank lines of the official text.
func seedLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the official text: %v", err)
	}
	var lines []string
	for l := range strings.Lines(string(b)) {
		l = strings.TrimRight(l, "\r\n")
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

var (
	seedChapter = regexp.MustCompile(`^第([0-9]+|[一二三四五六七八九十]+)章`)
	seedArticle = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
)

// TestWorkRulesReproduceSeed checks that the model of
// content/kaizhou-work-rules-2021.md holds the official text character
// for character: the cover notice, the title, every chapter heading,
// every article line by line, the 抄送 lines and the imprint. The seed
// is split with its own patterns, independently of the parser.
func TestWorkRulesReproduceSeed(t *testing.T) {
	seed := seedLines(t)
	d := loadWorkRules(t)
	m := d.Meta

	title := slices.Index(seed, m.Title)
	cc := slices.IndexFunc(seed, func(l string) bool { return strings.HasPrefix(l, "抄送：") })
	if title < 0 || cc < 0 {
		t.Fatalf("seed has no line %q or no 抄送 line", m.Title)
	}

	// The cover: 文号, 发文机关, the notice, 公开属性. The signature block
	// is right-aligned with blanks in print; compare it without them.
	n := m.Notice
	if n == nil {
		t.Fatal("no notice")
	}
	var cover []string
	cover = append(cover, m.Number, m.Issuer, n.Title, n.Addressee)
	cover = append(cover, n.Body...)
	cover = append(cover, n.Signer, n.Date, m.Publication)
	var seedCover []string
	for _, l := range seed[:title] {
		seedCover = append(seedCover, strings.TrimSpace(l))
	}
	if !slices.Equal(cover, seedCover) {
		t.Errorf("cover:\ngot  %q\nwant %q", cover, seedCover)
	}

	// The body, unit by unit: chapter headings and articles.
	type unit struct {
		heading string   // a chapter heading, or
		lines   []string // the lines of an article
	}
	var want []unit
	for _, l := range seed[title+1 : cc] {
		switch {
		case seedChapter.MatchString(l):
			want = append(want, unit{heading: l})
		case seedArticle.MatchString(l):
			want = append(want, unit{lines: []string{l}})
		case len(want) == 0 || want[len(want)-1].heading != "":
			t.Fatalf("seed line outside an article: %q", l)
		default:
			u := &want[len(want)-1]
			u.lines = append(u.lines, l)
		}
	}
	var got []unit
	for _, div := range d.Divisions {
		got = append(got, unit{heading: div.Text})
		for _, a := range div.Articles {
			got = append(got, unit{lines: a.TextLines()})
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d chapters and articles, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.heading != w.heading || !slices.Equal(g.lines, w.lines) {
			t.Errorf("unit %d:\ngot  %q %q\nwant %q %q", i, g.heading, g.lines, w.heading, w.lines)
		}
	}
	if len(d.Articles) != 56 || len(d.Divisions) != 12 {
		t.Errorf("got %d articles in %d chapters, want 56 in 12", len(d.Articles), len(d.Divisions))
	}

	// The back: 抄送 lines and the imprint, exactly as printed.
	back := append(slices.Clone(m.CC), m.Imprint)
	if !slices.Equal(back, seed[cc:]) {
		t.Errorf("抄送 and imprint:\ngot  %q\nwant %q", back, seed[cc:])
	}
	if len(d.Header) != 0 || len(d.Preamble) != 0 || len(d.Trailer) != 0 || len(d.Warnings) != 0 {
		t.Errorf("unexpected header %q, preamble %q, trailer %q or notes %v", d.Header, d.Preamble, d.Trailer, d.Warnings)
	}
}

// TestWorkRulesCitations pins the addresses and citations that officials
// will print, for units of every depth of the Work Rules.
func TestWorkRulesCitations(t *testing.T) {
	d := loadWorkRules(t)
	a22 := d.Articles[21]
	items := a22.Paragraphs[0].Items
	if len(items) != 6 {
		t.Fatalf("article 二十二 has %d items, want 6", len(items))
	}
	a10 := d.Articles[9]
	tests := []struct {
		got, want string
	}{
		{d.Dir(), "kzfz-2021-7"},
		{d.Meta.Kind, "内部工作制度"},
		{d.Meta.Date, "2021-04-01"},
		{a22.Path(), "kzfz-2021-7/22.html"},
		{a22.FormalCitation(), "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条"},
		{items[2].Anchor(), "i3"},
		{items[2].Body[0].Anchor(), "i3-1"},
		{items[2].Body[0].FormalCitation(), "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（三）项第1目"},
		// 上述三类事项… continues item （一）; 200万元… continues item （二）.
		{items[0].Body[3].Text[:len("上述")], "上述"},
		{items[0].Body[3].Anchor(), "i1"},
		{items[0].Body[3].Citation(), "第二十二条第（一）项"},
		{items[1].Body[0].Citation(), "第二十二条第（二）项"},
		{a10.Paragraphs[1].Anchor(), "p2"},
		{a10.Paragraphs[1].Citation(), "第十条第二款"},
		{d.Articles[42].Paragraphs[0].Items[0].Citation(), "第四十三条第（一）项"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
