package search

import (
	"context"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

// TestBrowser drives the real search page in headless Chromium, over http
// and from file://, on a site made of the page (templates/base.html with
// templates/search.html), the bundled web/search.ts and the index of the
// Work Rules.
func TestBrowser(t *testing.T) {
	units := seedUnits(t)
	dir := t.TempDir()
	files, err := Build(units)
	if err != nil {
		t.Fatal(err)
	}
	files["assets/search.js"] = searchScript(t)
	files["search.html"] = searchPage(t)
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ref := newReference(units)
	ctx := browsertest.New(t)
	for _, base := range []string{browsertest.Serve(t, dir) + "search.html", browsertest.FileURL(t, dir, "search.html")} {
		scheme, _, _ := strings.Cut(base, ":")
		t.Run(scheme, func(t *testing.T) {
			for _, q := range []string{"廉", "５００万元", "区长 审定", "AB角"} {
				p := open(t, ctx, base, q)
				want := ref.matches(Terms(q))
				if p.Input != q {
					t.Errorf("%q: search box holds %q", q, p.Input)
				}
				if wantCount := fmt.Sprintf("找到 %d 条", len(want)); !strings.Contains(p.Count, wantCount) {
					t.Errorf("%q: count %q, want %q", q, p.Count, wantCount)
				}
				if len(p.Hits) != min(len(want), page) {
					t.Fatalf("%q: %d results shown, want %d", q, len(p.Hits), min(len(want), page))
				}
				for _, h := range p.Hits {
					if len(h.Marks) == 0 {
						t.Errorf("%q: result %q has no highlighted match", q, h.Href)
					}
					for _, m := range h.Marks {
						if !containsAny(Fold(m), Terms(q)) {
							t.Errorf("%q: highlighted %q", q, m)
						}
					}
				}
				// The first result links to its first matching block and
				// carries the terms for the article page to highlight.
				first := p.Hits[0]
				page, frag, _ := strings.Cut(first.Href, "#")
				page, hl, _ := strings.Cut(page, "?hl=")
				id := ref.indexOfURL(page)
				if id < 0 {
					t.Fatalf("%q: link %q is no article", q, first.Href)
				}
				if a := ref.anchor(id, Terms(q)); frag != a && a != "" {
					t.Errorf("%q: first link %q, want anchor %q", q, first.Href, a)
				}
				if terms, err := url.QueryUnescape(hl); err != nil || terms != strings.Join(Terms(q), " ") {
					t.Errorf("%q: first link %q carries hl=%q, want the terms %q", q, first.Href, terms, Terms(q))
				}
			}
			// Over twenty results: the button adds the next ones.
			p := open(t, ctx, base, "区政府")
			total := len(ref.matches(Terms("区政府")))
			if total <= page || p.MoreHidden {
				t.Fatalf("区政府: %d results, more button hidden: %v", total, p.MoreHidden)
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#results .search-more"))); err != nil {
				t.Fatal(err)
			}
			n, err := chromedp.Run(ctx, chromedp.Poll[int](
				`document.querySelectorAll("#results li").length > `+strconv.Itoa(page)+` && document.querySelectorAll("#results li").length`))
			if err != nil {
				t.Fatal(err)
			}
			if n != min(total, 2*page) {
				t.Errorf("区政府: %d results after more, want %d", n, min(total, 2*page))
			}
			// No result: say so and suggest shorter terms that occur.
			p = open(t, ctx, base, "廉洁从政治理")
			if !strings.Contains(p.Message, "没有找到") || !strings.Contains(p.Message, "廉洁从政") {
				t.Errorf("no result: message %q, want 没有找到 and a suggestion 廉洁从政", p.Message)
			}
		})
	}
}

// page is how many results the search page shows at first and adds on
// request (PAGE in web/lib/search/render.ts).
const page = 8

// shownPage is what the test reads of the search page.
type shownPage struct {
	Input      string `json:"input"`
	Count      string `json:"count"`
	Message    string `json:"message"`
	MoreHidden bool   `json:"moreHidden"`
	Hits       []struct {
		Href  string   `json:"href"`
		Marks []string `json:"marks"`
	} `json:"hits"`
}

// open loads the search page for q, waits for the results and reads them.
func open(t *testing.T, ctx context.Context, base, q string) shownPage {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"?q="+url.QueryEscape(q))); err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	p, err := chromedp.Run(ctx, chromedp.Poll[shownPage](`(() => {
		const r = document.getElementById("results");
		if (r.getAttribute("aria-busy") !== "false") return null;
		const more = r.querySelector(".search-more");
		return {
			input: document.getElementById("q").value,
			count: (r.querySelector(".search-count") || {}).textContent || "",
			message: Array.from(r.querySelectorAll(".search-message")).map((e) => e.textContent).join(" "),
			moreHidden: !more || more.hidden,
			hits: Array.from(r.querySelectorAll("li")).map((li) => ({
				href: li.querySelector("a").getAttribute("href"),
				marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent),
			})),
		};
	})()`))
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return p
}

// searchPage renders templates/search.html in templates/base.html, with
// the page data the site gives the search page at the root.
func searchPage(t *testing.T) []byte {
	t.Helper()
	tmpl, err := template.ParseFiles("../../templates/base.html", "../../templates/search.html")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	data := map[string]any{"Title": "搜索", "SiteName": "开州区政府规则", "Root": "", "Path": "search.html"}
	if err := tmpl.ExecuteTemplate(&b, "base", data); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func containsAny(s string, terms []string) bool {
	for _, t := range terms {
		if strings.Contains(s, t) || strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// indexOfURL returns the id of the article at u, or -1.
func (r *reference) indexOfURL(u string) int {
	for i, x := range r.units {
		if x.URL == u {
			return i
		}
	}
	return -1
}
