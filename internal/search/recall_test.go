package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// searchResult is what the harness reports for one query.
type searchResult struct {
	Terms    []string  `json:"terms"`
	IDs      []int     `json:"ids"`
	Scores   []float64 `json:"scores"`
	Headings []int     `json:"headings"`
	Anchors  []*string `json:"anchors"`
}

// reference answers queries the slow, obvious way.
type reference struct {
	units  []Unit
	text   []string   // folded article text, blocks joined by line breaks
	blocks [][]string // folded blocks
}

func newReference(units []Unit) *reference {
	r := &reference{units: units}
	for _, u := range units {
		var bs []string
		for _, b := range u.Blocks {
			bs = append(bs, Fold(b.Text))
		}
		r.blocks = append(r.blocks, bs)
		r.text = append(r.text, strings.Join(bs, "\n"))
	}
	return r
}

// matches returns the ids of the articles that contain every term.
func (r *reference) matches(terms []string) []int {
	var ids []int
	for id, text := range r.text {
		ok := len(terms) > 0
		for _, t := range terms {
			ok = ok && strings.Contains(text, t)
		}
		if ok {
			ids = append(ids, id)
		}
	}
	return ids
}

// anchor returns the anchor of the first block that contains a term.
func (r *reference) anchor(id int, terms []string) string {
	for i, b := range r.blocks[id] {
		for _, t := range terms {
			if strings.Contains(b, t) {
				return r.units[id].Blocks[i].Anchor
			}
		}
	}
	return "<none>"
}

// headings returns how many terms the article's title or chapter holds.
func (r *reference) headings(id int, terms []string) int {
	n := 0
	u := r.units[id]
	for _, t := range terms {
		if strings.Contains(Fold(u.Doc), t) || strings.Contains(Fold(u.Chapter), t) {
			n++
		}
	}
	return n
}

// sampleQueries returns n substrings of the articles' text, 1 to 8
// characters long, some of them cut into two terms, some in full-width
// form: a deterministic mix of common and rare strings.
func sampleQueries(units []Unit, n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, seed))
	var qs []string
	for len(qs) < n {
		u := units[rng.IntN(len(units))]
		if len(u.Blocks) == 0 {
			continue
		}
		rs := []rune(u.Blocks[rng.IntN(len(u.Blocks))].Text)
		if len(rs) == 0 {
			continue
		}
		i := rng.IntN(len(rs))
		m := min(1+rng.IntN(8), len(rs)-i)
		q := string(rs[i : i+m])
		switch rng.IntN(6) {
		case 0:
			if m >= 4 { // two terms: a separated prefix and suffix
				cut := 1 + rng.IntN(m-2)
				q = string(rs[i:i+cut]) + " " + string(rs[i+cut+1:i+m])
			}
		case 1: // full-width form of the ASCII characters
			q = strings.Map(func(r rune) rune {
				if r > ' ' && r < 0x7F {
					return r + 0xFEE0
				}
				return r
			}, q)
		}
		if strings.TrimSpace(q) != "" {
			qs = append(qs, q)
		}
	}
	return qs
}

// checkRecall runs the TypeScript engine on the index of units and checks
// every answer against the reference: the same articles, nothing more,
// ranked with title and heading matches first and then by falling score,
// each linked to the first block holding a term.
func checkRecall(t *testing.T, units []Unit, p params, queries []string) {
	t.Helper()
	dir := writeIndex(t, units, p)
	in := writeJSON(t, queries)
	var got, full []searchResult
	runHarness(t, &got, "query", dir, in)
	if len(got) != len(queries) {
		t.Fatalf("harness answered %d of %d queries", len(got), len(queries))
	}
	// A query of one frequent term reads its ranking from the term's
	// impact-ordered list: the same articles in the same order, with the
	// same scores, as ranking the whole list.
	runHarness(t, &full, "query", dir, in, "full")
	for i, q := range queries {
		if !slices.Equal(got[i].IDs, full[i].IDs) || !slices.Equal(got[i].Scores, full[i].Scores) || !slices.Equal(got[i].Headings, full[i].Headings) {
			t.Errorf("%q: ranked from the impact-ordered list %v, from the whole lists %v", q, head(got[i].IDs), head(full[i].IDs))
		}
	}
	ref := newReference(units)
	found := 0
	for i, q := range queries {
		g := got[i]
		terms := Terms(q)
		if !slices.Equal(g.Terms, terms) {
			t.Errorf("%q: terms %q, want %q", q, g.Terms, terms)
			continue
		}
		want := ref.matches(terms)
		have := slices.Sorted(slices.Values(g.IDs))
		if !slices.Equal(have, want) {
			missing, extra := diff(want, have)
			t.Errorf("%q: %d results, want %d; missing %v, extra %v", q, len(have), len(want), head(missing), head(extra))
			continue
		}
		found += len(want)
		for k, id := range g.IDs {
			if h := ref.headings(id, terms); g.Headings[k] != h {
				t.Errorf("%q: article %d: %d terms in title or heading, want %d", q, id, g.Headings[k], h)
			}
			if a := ref.anchor(id, terms); g.Anchors[k] == nil || *g.Anchors[k] != a {
				t.Errorf("%q: article %d: anchor %v, want %q", q, id, g.Anchors[k], a)
			}
			if k > 0 {
				prevH, h := g.Headings[k-1], g.Headings[k]
				if prevH < h || prevH == h && g.Scores[k-1] < g.Scores[k] {
					t.Errorf("%q: result %d (article %d) ranked above result %d (article %d)", q, k-1, g.IDs[k-1], k, id)
				}
			}
		}
	}
	t.Logf("%d queries, %d results, all exact", len(queries), found)
}

func diff(want, have []int) (missing, extra []int) {
	for _, id := range want {
		if _, ok := slices.BinarySearch(have, id); !ok {
			missing = append(missing, id)
		}
	}
	for _, id := range have {
		if _, ok := slices.BinarySearch(want, id); !ok {
			extra = append(extra, id)
		}
	}
	return missing, extra
}

func head(ids []int) string {
	if len(ids) > 8 {
		return fmt.Sprintf("%v… (%d)", ids[:8], len(ids))
	}
	return fmt.Sprint(ids)
}

// seedQueries are the queries of issue 5 and their neighbours on the
// Work Rules: single characters, words, amounts with units, Latin letters
// in both widths and cases, several terms, strings that occur nowhere.
var seedQueries = []string{
	"廉", "廉政", "廉洁", "区政府", "常务会议", "区长 审定", "会议 审定 区长", "审定 审定",
	"500万元", "５００万元", "500万元（含）", "500万元(含)", "（含）", "(含)", "1000万元（含）—5000万元",
	"AB角", "ab角", "ＡＢ角", "Ａｂ角", "A", "b", "5", "0", "00", "万元",
	"二十二、", "（三）", "3．", "政府工作规则", "工作规则", "习近平", "中华人民共和国",
	"第5章", "实行科学民主决策", "科学民主决策 区政府", "，", "。", "、", "“", "总  则",
	"不存在的词", "廉政 不存在", "开州", "开州区人民政府", "重庆市人民政府", "人民政府",
	"区政府常务会议审定", "提请区委常委会会议审定", "由分管副区长审定",
}

// TestRecallSeed checks exact recall and precision on the Work Rules.
func TestRecallSeed(t *testing.T) {
	units := seedUnits(t)
	checkRecall(t, units, defaults, append(slices.Clone(seedQueries), sampleQueries(units, 300, 1)...))
}

// tiny shrinks every threshold, so that the Work Rules exercise what only
// the corpus needs with the defaults: extended grams, chains of them,
// grams cut at the maximum length, pack files, list files, many
// partitions, text files that end mid-document.
var tiny = params{extendAbove: 3, maxGram: 5, inlineMax: 8, packMax: 64, dictTarget: 512, chunk: 3, passTarget: 500, impactMin: 4, impactHead: []int{2, 3}}

// TestRecallSeedTiny checks exact recall and precision on the Work Rules
// with the tiny thresholds.
func TestRecallSeedTiny(t *testing.T) {
	units := seedUnits(t)
	checkRecall(t, units, tiny, append(slices.Clone(seedQueries), sampleQueries(units, 300, 4)...))
}

// corpusQueries are common legal terms, the kind a dictionary segmenter
// misses inside longer words.
var corpusQueries = []string{
	"行政处罚", "行政", "处罚", "罚款", "人民政府", "国务院", "应当", "的", "第一条", "法律责任",
	"本条例自发布之日起施行", "县级以上地方人民政府", "责令改正", "没收违法所得", "吊销许可证",
	"5000元", "１０万元", "CT", "GB", "ISO", "WTO", "行政 处罚", "罚款 没收 吊销",
	"以上 以下", "安全生产", "生产安全", "突发事件", "知识产权", "廉", "廉政",
}

// TestRecallCorpus checks exact recall and precision on every tenth
// regulation of the corpus (about 320 of its 3,199 files).
func TestRecallCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus in short mode")
	}
	units := corpusUnits(t, 10)
	checkRecall(t, units, defaults, append(slices.Clone(corpusQueries), sampleQueries(units, 300, 2)...))
}
