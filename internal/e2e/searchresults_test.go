package e2e

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"rulesite/internal/browsertest"
)

// resultsDone is true once the search page has finished its query.
const resultsDone = `document.getElementById("results").getAttribute("aria-busy") === "false"`

// searchFor opens the search page for q and waits for its results.
func searchFor(t *testing.T, ctx context.Context, base, q string) {
	t.Helper()
	navigate(t, ctx, base+"search.html?q="+url.QueryEscape(q))
	if _, err := poll[bool](ctx, resultsDone, 15*time.Second); err != nil {
		t.Fatalf("%s: the search did not finish: %v", q, err)
	}
}

// shownHit is what the test reads of a full-text result.
type shownHit struct {
	Href   string `json:"href"`
	Label  string `json:"label"`
	Status string `json:"status"`
	Old    bool   `json:"old"`
	Blocks []struct {
		Cite  string   `json:"cite"`
		Href  string   `json:"href"`
		Marks []string `json:"marks"`
	} `json:"blocks"`
	Marks []string `json:"marks"`
	Rest  string   `json:"rest"`
}

const readHits = `Array.from(document.querySelectorAll("#results .search-fulltext .search-hit")).map((li) => ({
	href: li.querySelector(".search-link").getAttribute("href"),
	label: li.querySelector(".search-link").textContent,
	status: (li.querySelector(".search-status") || {}).textContent || "",
	old: !!li.querySelector(".search-status.not-current"),
	blocks: Array.from(li.querySelectorAll(".search-block")).map((b) => ({
		cite: b.querySelector(".search-cite").textContent,
		href: b.querySelector(".search-cite").getAttribute("href"),
		marks: Array.from(b.querySelectorAll("mark")).map((m) => m.textContent),
	})),
	marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent),
	rest: (li.querySelector(".search-rest") || {}).textContent || "",
}))`

// blocksHolding counts the lines (paragraphs, items, sub-items) of a page
// of the site whose text holds s.
func blocksHolding(t *testing.T, page, s string) int {
	t.Helper()
	n := 0
	for _, line := range textLines(t, page) {
		if strings.Contains(line, s) {
			n++
		}
	}
	return n
}

// TestSearchResults checks what a full-text result shows, over http and
// from disk: the article that names a term most often first; each
// matching paragraph, item and sub-item with its citation, linked to its
// anchor; terms never cut in a snippet; and, on arrival at the article,
// every occurrence highlighted until the reader takes the marks away,
// with the text unchanged.
func TestSearchResults(t *testing.T) {
	ctx := browsertest.New(t)
	anchors := anchorsOf(t, "kzfz-2021-7/22.html")
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			// Article 二十二 names 区长办公会议 in seven places.
			searchFor(t, ctx, base, "区长办公会议")
			hits := eval[[]shownHit](t, ctx, readHits)
			if len(hits) == 0 || !strings.HasPrefix(hits[0].Href, "kzfz-2021-7/22.html?") {
				t.Fatalf("区长办公会议: first result %+v, want article 二十二", hits)
			}
			for _, h := range hits {
				for _, m := range h.Marks {
					if m != "区长办公会议" {
						t.Errorf("%s: highlighted %q: a term is cut", h.Label, m)
					}
				}
			}
			want := blocksHolding(t, "kzfz-2021-7/22.html", "区长办公会议")
			shown := len(hits[0].Blocks)
			if rest := hits[0].Rest; rest != "" {
				shown += numberIn(rest)
			}
			if shown != want {
				t.Errorf("区长办公会议: article 二十二 shows %d matching units (with the rest), want %d", shown, want)
			}
			for _, b := range hits[0].Blocks {
				_, frag, _ := strings.Cut(b.Href, "#")
				if !strings.HasPrefix(b.Cite, "第二十二条") || !anchors[frag] || len(b.Marks) == 0 {
					t.Errorf("block %+v: want a citation of article 二十二, an anchor of its page and a highlighted term", b)
				}
			}
			// 500万元: every sub-item that holds it, not only the first.
			searchFor(t, ctx, base, "500万元")
			hits = eval[[]shownHit](t, ctx, readHits)
			n22 := -1
			for i, h := range hits {
				if strings.HasPrefix(h.Href, "kzfz-2021-7/22.html?") {
					n22 = i
				}
			}
			if n22 < 0 {
				t.Fatal("500万元: article 二十二 is not among the results")
			}
			if got, want := len(hits[n22].Blocks), min(5, blocksHolding(t, "kzfz-2021-7/22.html", "500万元")); got != want {
				t.Errorf("500万元: article 二十二 shows %d units, want %d", got, want)
			}

			// Arrival: the first unit's link highlights every occurrence.
			searchFor(t, ctx, base, "区长办公会议")
			target := eval[string](t, ctx, `document.querySelector("#results .search-block .search-cite").href`)
			navigate(t, ctx, target)
			n, err := poll[int](ctx, `document.querySelectorAll("mark.hl").length`, 5*time.Second)
			if err != nil || n != 7 {
				t.Errorf("arriving at article 二十二: %d marks (%v), want 7", n, err)
			}
			note := eval[string](t, ctx, `(document.querySelector(".hl-note") || {}).textContent || ""`)
			if !strings.Contains(note, "共 7 处") {
				t.Errorf("the note says %q, want 共 7 处", note)
			}
			marked := eval[string](t, ctx, `Array.from(document.querySelectorAll("p.t")).map((p) => p.textContent).join("\n")`)
			eval[bool](t, ctx, `(document.querySelector(".hl-note button").click(), true)`)
			if n := eval[int](t, ctx, `document.querySelectorAll("mark.hl, .hl-note").length`); n != 0 {
				t.Errorf("after 取消标出, %d marks or notes are left", n)
			}
			plain := eval[string](t, ctx, `Array.from(document.querySelectorAll("p.t")).map((p) => p.textContent).join("\n")`)
			if plain != marked || !strings.Contains(plain, "区长办公会议") {
				t.Errorf("the text changed with the marks")
			}
		})
	}
}

// TestSearchVersions checks that a query covers the versions in force by
// default, says how many results other versions hold, and covers them
// all on request (all=1), each result naming its version's status.
func TestSearchVersions(t *testing.T) {
	dir := versionsSite(t)
	if dir == "" {
		t.Skip("the corpus is not beside the project: no site of two versions")
	}
	ctx := browsertest.New(t)
	base := serve(t, dir).URL
	const q = "行政复议机关"
	searchFor(t, ctx, base, q)
	current := eval[[]shownHit](t, ctx, readHits)
	if len(current) == 0 {
		t.Fatalf("%s: no result", q)
	}
	for _, h := range current {
		if h.Old || !strings.HasPrefix(h.Status, "现行有效") {
			t.Errorf("%s: %s %s shown by default, status %q", q, h.Href, h.Label, h.Status)
		}
	}
	count := func() string {
		return eval[string](t, ctx, `(document.querySelector("#results .search-count") || {}).textContent || ""`)
	}
	note := eval[string](t, ctx, `(document.querySelector("#results .search-versions") || {}).textContent || ""`)
	old := numberIn(note)
	if old <= 0 {
		t.Fatalf("%s: the note on other versions says %q", q, note)
	}
	total := numberIn(count())
	link := eval[string](t, ctx, `document.querySelector("#results .search-versions a").href`)
	if !strings.Contains(link, "all=1") {
		t.Fatalf("the link to all versions is %s", link)
	}
	navigate(t, ctx, link)
	if _, err := poll[bool](ctx, resultsDone, 15*time.Second); err != nil {
		t.Fatal(err)
	}
	all := numberIn(count())
	if all != total+old {
		t.Errorf("%s: all versions give %d results, want %d in force + %d others", q, all, total, old)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#results .search-status.not-current").length`); n == 0 {
		t.Errorf("%s&all=1: no result of a version not in force shows its status", q)
	}
}

var firstNumber = regexp.MustCompile(`\d+`)

// numberIn returns the first number written in s, -1 if none.
func numberIn(s string) int {
	n, err := strconv.Atoi(firstNumber.FindString(s))
	if err != nil {
		return -1
	}
	return n
}
