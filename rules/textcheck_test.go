package rules

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testUnits reads the articles kept in testdata (see readLines) into the
// units CheckText takes, with edit applied to every line: the article,
// each paragraph of an article of several, each item and sub-item.
func testUnits(t *testing.T, edit func(string) string) []Unit {
	t.Helper()
	names, err := filepath.Glob("testdata/article*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no testdata/article*.txt")
	}
	var units []Unit
	for _, name := range names {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "article"), ".txt"))
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				lines = append(lines, edit(l))
			}
		}
		art := Unit{Clause: Clause{Article: n}, Own: lines, Full: lines}
		units = append(units, art)
		var paras, items []*Unit
		var item *Unit
		for _, l := range lines {
			switch {
			case strings.HasPrefix(l, "（"):
				items = append(items, &Unit{Clause: Clause{Article: n, Item: len(items) + 1}, Own: []string{l}, Full: []string{l}})
				item = items[len(items)-1]
			case len(l) > 1 && isDigit(l[0]) && strings.HasPrefix(l[1:], "．"):
				item.Full = append(item.Full, l)
				units = append(units, Unit{Clause: Clause{Article: n, Item: item.Clause.Item, SubItem: int(l[0] - '0')}, Own: []string{l}, Full: []string{l}})
			case item != nil: // a continuation line of the item
				item.Own, item.Full = append(item.Own, l), append(item.Full, l)
			default:
				paras = append(paras, &Unit{Clause: Clause{Article: n, Paragraph: len(paras) + 1}, Own: []string{l}, Full: []string{l}})
				continue
			}
			if len(paras) > 0 {
				last := paras[len(paras)-1]
				last.Full = append(last.Full, l)
			}
		}
		if len(paras) > 1 {
			for _, p := range paras {
				units = append(units, *p)
			}
		}
		for _, it := range items {
			units = append(units, *it)
		}
	}
	return units
}

func TestCheckText(t *testing.T) {
	same := func(s string) string { return s }
	if p := CheckText(testUnits(t, same)); len(p) != 0 {
		t.Fatalf("the data disagrees with the text: %v", p)
	}
	// The units hold what the check compares: the eleven clauses of
	// article 二十二 that write amounts (22.5 has two), and the articles
	// every procedure quotes.
	n, articles := 0, map[int]bool{}
	for _, u := range testUnits(t, same) {
		articles[u.Clause.Article] = true
		if u.Clause.Article == 22 && u.Clause.Item > 0 && len(writtenAmounts(strings.Join(u.Own, ""))) > 0 {
			n++
		}
	}
	if n != 11 {
		t.Errorf("%d clauses of article 22 write amounts, want 11", n)
	}
	for _, p := range Procedures() {
		for _, q := range p.Quotes() {
			if !articles[q.Clause.Article] {
				t.Errorf("procedure %s quotes article %d, which testdata lacks", p.ID, q.Clause.Article)
			}
		}
	}
	for _, tc := range []struct {
		name     string
		from, to string
		want     string
	}{
		{"amount changed", "1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。", "1000万元（含）—6000万元的提请区政府常务会议审定，6000万元及以上的提请区委常委会会议审定。",
			"第二十二条第（一）项第1目 writes 6000万元, but rules/ has no threshold of 6000万元 for it"},
		{"amount changed in an item", "200万元（不含）以内的财政性资金安排", "300万元（不含）以内的财政性资金安排",
			"第二十二条第（二）项 writes 300万元, but rules/ has no threshold of 300万元 for it"},
		{"procedure quote reworded", "由分管副区长审签后发文", "由分管副区长签发后发文",
			`the branch consent outcome 1 wording of procedure 44 in rules/ is not in the text of 第四十四条: "由分管副区长审签后发文"`},
		{"alternative reworded", "由区长或负责区政府常务工作的副区长签发", "由区长签发",
			"procedure 43 in rules/ is not in the text of 第四十三条第（三）项"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := testUnits(t, func(s string) string { return strings.Replace(s, tc.from, tc.to, 1) })
			var got []string
			for _, p := range CheckText(units) {
				got = append(got, p.Message)
			}
			if !strings.Contains(strings.Join(got, "\n"), tc.want) {
				t.Errorf("CheckText found\n\t%s\nwant %q", strings.Join(got, "\n\t"), tc.want)
			}
		})
	}
	// A clause the data cites that the text lacks.
	var units []Unit
	for _, u := range testUnits(t, same) {
		if u.Clause.Article != 44 {
			units = append(units, u)
		}
	}
	var missing bool
	for _, p := range CheckText(units) {
		missing = missing || p.Missing && p.Clause == Clause{Article: 44}
	}
	if !missing {
		t.Error("CheckText does not report article 44 missing")
	}
}

func TestCheckVersion(t *testing.T) {
	if err := CheckVersion(Source.Title, Source.Number, Source.Date); err != nil {
		t.Errorf("CheckVersion(Source) = %v", err)
	}
	err := CheckVersion(Source.Title, "开州府发〔2026〕3号", "2026-03-01")
	if err == nil || !strings.Contains(err.Error(), Source.Number) || !strings.Contains(err.Error(), "开州府发〔2026〕3号") || !strings.Contains(err.Error(), "2026-03-01") {
		t.Errorf("CheckVersion(another version) = %v, want an error naming both", err)
	}
	if got, want := Source.Citation(), "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号，2021年4月1日起施行）"; got != want {
		t.Errorf("Source.Citation() = %q, want %q", got, want)
	}
}

func TestWrittenAmounts(t *testing.T) {
	got := strings.Join(writtenAmounts("500万元（含）—1亿元的，0.5万元及15000万元；8000000元、第3目"), " ")
	if want := "500万元 1亿元 0.5万元 15000万元 8000000元"; got != want {
		t.Errorf("writtenAmounts = %q, want %q", got, want)
	}
}

// TestCheckFindsBodiesWithoutAnchor removes a body from the table of
// anchors: Check must name it, so that a body added to the data gets its
// permanent anchor here, beside it, before the site builds.
func TestCheckFindsBodiesWithoutAnchor(t *testing.T) {
	saved := bodies
	defer func() { bodies = saved }()
	bodies = nil
	for _, b := range saved {
		if b.Name != "区政府部门" {
			bodies = append(bodies, b)
		}
	}
	got := strings.Join(check(build()), "\n")
	if !strings.Contains(got, "body 区政府部门: named by the data but not in bodies") {
		t.Errorf("check found\n\t%s\nwant 区政府部门 without anchor", got)
	}
	if BodyAnchor("区长") != "mayor" || BodyAnchor("无此机关") != "" {
		t.Error("BodyAnchor")
	}
}
