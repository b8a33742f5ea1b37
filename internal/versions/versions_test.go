package versions

import (
	"os"
	"path"
	"strings"
	"testing"

	"rulesite/internal/doc"
)

func parse(t *testing.T, name, src string) *doc.Document {
	t.Helper()
	d, err := doc.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDiffRebuildsBothTexts(t *testing.T) {
	for _, tc := range [][2]string{
		{"", ""},
		{"第十条 公民可以申请。", "第十二条 公民、法人可以依法申请。"},
		{"abc", ""},
		{"", "新增"},
		{"相同", "相同"},
		{"甲乙丙丁", "丁丙乙甲"},
	} {
		segs := Diff(tc[0], tc[1])
		var o, n strings.Builder
		for _, s := range segs {
			if s.Op != Insert {
				o.WriteString(s.Text)
			}
			if s.Op != Delete {
				n.WriteString(s.Text)
			}
		}
		if o.String() != tc[0] || n.String() != tc[1] {
			t.Errorf("Diff(%q, %q) rebuilds %q, %q", tc[0], tc[1], o.String(), n.String())
		}
	}
	segs := Diff("第十条 公民可以申请。", "第十条 公民、法人可以申请。")
	want := []Segment{{Equal, "第十条 公民"}, {Insert, "、法人"}, {Equal, "可以申请。"}}
	if len(segs) != len(want) {
		t.Fatalf("got %v, want %v", segs, want)
	}
	for i := range want {
		if segs[i] != want[i] {
			t.Errorf("segment %d: got %v, want %v", i, segs[i], want[i])
		}
	}
}

const v2017 = `# 某某法

2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议第一次修正

2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议第二次修正

<!-- INFO END -->

第一条 为了防止和纠正违法的或者不当的具体行政行为，制定本法。

第二条 公民认为具体行政行为侵犯其合法权益，向行政机关提出行政复议申请。

第三条 本法自1999年10月1日起施行。
`

const v2023 = `# 某某法

2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议修订 自2024年1月1日起施行

<!-- INFO END -->

第一条 为了防止和纠正违法的或者不当的行政行为，保护合法权益，制定本法。

第二条 行政复议机关办理行政复议案件，应当遵循合法、公正、公开、高效、便民、为民的原则。

第三条 公民认为行政行为侵犯其合法权益，向行政复议机关提出行政复议申请。

第四条 本法自2024年1月1日起施行。
`

func TestGroupAndStatus(t *testing.T) {
	a := parse(t, "a.md", v2017)
	b := parse(t, "b.md", v2023)
	other := parse(t, "c.md", "# 无日期的规定\n\n第一条 内容。\n")
	revised := parse(t, "d.md", "# 另一法\n\n2023年9月1日 某会议修订\n\n<!-- INFO END -->\n\n第一条 内容。\n\n第二条 本法自2024年1月1日起施行。\n")
	if got := Group([]*doc.Document{revised}, "2023-10-01").Of(revised); got.Effective != "2024-01-01" || got.Status != NotYetInForce {
		t.Errorf("revised: effective %q, status %v; want 2024-01-01, 尚未生效", got.Effective, got.Status)
	}
	s := Group([]*doc.Document{b, other, a}, "2024-06-01")
	if len(s.Documents) != 2 {
		t.Fatalf("got %d documents, want 2", len(s.Documents))
	}
	va, vb, vc := s.Of(a), s.Of(b), s.Of(other)
	if va.Group != vb.Group || va.Group.Versions[0] != va {
		t.Fatalf("versions not grouped in order")
	}
	if va.Status != Amended || vb.Status != InForce || vc.Status != Unknown {
		t.Errorf("statuses %v %v %v, want 已修改 现行有效 时效性未知", va.Status, vb.Status, vc.Status)
	}
	// b's header says 施行; a's last article keeps the first version's
	// date, earlier than its own, which says nothing about a.
	if vb.Effective != "2024-01-01" || va.Effective != "" {
		t.Errorf("effective %q %q", va.Effective, vb.Effective)
	}
	if got := va.Citation(); got != "《某某法》（2017年修正）" {
		t.Errorf("citation %q", got)
	}
	if got := vb.Citation(); got != "《某某法》" {
		t.Errorf("citation %q", got)
	}
	// Before the new version takes effect the old one is in force.
	s = Group([]*doc.Document{a, b}, "2023-10-01")
	if s.Of(a).Status != InForce || s.Of(b).Status != NotYetInForce {
		t.Errorf("as of 2023-10-01: %v %v", s.Of(a).Status, s.Of(b).Status)
	}
	c := Compare(a, b)
	if c.Changed != 3 || c.Added != 1 || c.Removed != 0 {
		t.Errorf("changed %d added %d removed %d, want 3 1 0", c.Changed, c.Added, c.Removed)
	}
	checkLossless(t, c)
}

func TestRepealedAndCopies(t *testing.T) {
	a := parse(t, "a.md", "---\ndocument: mou-gui\ndate: 2020-01-01\nrepealed: 2022-01-01\n---\n# 某规定\n\n第一条 内容。\n")
	b := parse(t, "b.md", "---\nid: mou-copy\ndocument: mou-gui\ndate: 2020-01-01\n---\n# 某规定\n\n第一条 内容。\n")
	s := Group([]*doc.Document{a, b}, "2023-01-01")
	g := s.Documents[0]
	if len(g.Versions) != 2 || g.Versions[1].CopyOf != g.Versions[0] {
		t.Fatalf("copy not recognised")
	}
	if s.Of(a).Status != Repealed || s.Of(b).Status != Repealed || g.Current != nil {
		t.Errorf("statuses %v %v", s.Of(a).Status, s.Of(b).Status)
	}
	if len(g.Pairs()) != 0 {
		t.Errorf("a copy makes no pair")
	}
}

// checkLossless checks that every article of both versions appears once
// and that each diff rebuilds both texts.
func checkLossless(t *testing.T, c *Comparison) {
	t.Helper()
	seenOld, seenNew := map[*doc.Article]int{}, map[*doc.Article]int{}
	for _, r := range c.Rows {
		if r.Old != nil {
			seenOld[r.Old]++
		}
		if r.New != nil {
			seenNew[r.New]++
		}
		if r.Old == nil || r.New == nil {
			continue
		}
		var o, n strings.Builder
		for _, s := range r.Segments {
			if s.Op != Insert {
				o.WriteString(s.Text)
			}
			if s.Op != Delete {
				n.WriteString(s.Text)
			}
		}
		if o.String() != Text(r.Old) || n.String() != Text(r.New) {
			t.Errorf("%s → %s: %s %s: diff does not rebuild the texts", c.Old.Path, c.New.Path, r.Old.Label, r.New.Label)
		}
	}
	for _, a := range c.Old.Articles {
		if seenOld[a] != 1 {
			t.Errorf("%s %s appears %d times", c.Old.Path, a.Label, seenOld[a])
		}
	}
	for _, a := range c.New.Articles {
		if seenNew[a] != 1 {
			t.Errorf("%s %s appears %d times", c.New.Path, a.Label, seenNew[a])
		}
	}
}

// TestCorpusPairsLossless compares every consecutive pair of versions in
// the shared corpus.
func TestCorpusPairsLossless(t *testing.T) {
	const dir = "../../../shared/corpus"
	if _, err := os.Stat(path.Join(dir, "README.md")); err != nil {
		t.Skipf("corpus not found at ../shared/corpus (relative to the project root): %v", err)
	}
	sub := "laws"
	if !testing.Short() {
		sub = "."
	}
	docs, err := doc.Load(os.DirFS(dir), sub, "../shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	s := Group(docs, AsOf(docs))
	pairs := 0
	found := map[string]bool{}
	for _, g := range s.Documents {
		for _, p := range g.Pairs() {
			pairs++
			found[g.Title] = true
			c := Compare(p.Old.Doc, p.New.Doc)
			checkLossless(t, c)
			// 行政复议法 2017 → 2023: 43 articles renumbered into 90;
			// matching by content finds most of the old ones again.
			if g.Title == "中华人民共和国行政复议法" && 2*(c.Changed+c.Unchanged) < len(p.Old.Doc.Articles) {
				t.Errorf("%s → %s: only %d of %d articles matched", p.Old.Doc.Path, p.New.Doc.Path, c.Changed+c.Unchanged, len(p.Old.Doc.Articles))
			}
		}
	}
	for _, title := range []string{"中华人民共和国行政复议法", "中华人民共和国统计法", "中华人民共和国职业教育法"} {
		if !found[title] {
			t.Errorf("no pair of versions of %s", title)
		}
	}
	t.Logf("%d pairs compared", pairs)
}

// TestEffectiveOnPublication reads 自发布之日起实施 and its variants as the
// version date, except in the articles of an amended text, which keep the
// sentence of their first promulgation.
func TestEffectiveOnPublication(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"notice", "---\nid: a\ntitle: 某规则\ndate: 2021-04-01\nnotice-body:\n  - 现予印发，本文件自发布之日起实施。\n---\n\n一、内容。\n", "2021-04-01"},
		{"article", "# 某办法\n\n<!-- INFO END -->\n\n第一条 内容。\n\n第二条 本办法自公布之日起施行。\n", "2020-05-06"},
		{"dated", "# 某办法\n\n<!-- INFO END -->\n\n第一条 内容。\n\n第二条 本办法自2020年7月1日起实施。\n", "2020-07-01"},
		{"amended", "# 某法\n\n2020年5月6日 某会议修正\n\n<!-- INFO END -->\n\n第一条 内容。\n\n第二条 本法自公布之日起施行。\n", ""},
	} {
		name := tc.name + ".md"
		if strings.HasPrefix(tc.src, "# ") {
			name = "某办法(2020-05-06).md"
		}
		d := parse(t, name, tc.src)
		if got := effective(d); got != tc.want {
			t.Errorf("%s: effective %q, want %q (date %q)", tc.name, got, tc.want, d.Meta.Date)
		}
	}
}
