package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"rulesite/internal/browsertest"
)

// TestCitationSearch types citations into the search page in the forms
// staff write them and checks that the unit they name is offered first,
// above the full-text results, linked to its anchor, over http and from
// disk; a query that is not a citation offers no such unit.
func TestCitationSearch(t *testing.T) {
	ctx := browsertest.New(t)
	cases := []struct{ query, href, citation string }{
		{"第二十二条第（三）项第1目", "kzfz-2021-7/22.html#i3-1", "第二十二条第（三）项第1目"},
		{"第22条第3项第1目", "kzfz-2021-7/22.html#i3-1", "第二十二条第（三）项第1目"},
		{"二十二条（三）1", "kzfz-2021-7/22.html#i3-1", "第二十二条第（三）项第1目"},
		{"22.3.1", "kzfz-2021-7/22.html#i3-1", "第二十二条第（三）项第1目"},
		{"第二十二条", "kzfz-2021-7/22.html", "第二十二条"},
		{"二十二", "kzfz-2021-7/22.html", "第二十二条"},
		{"22", "kzfz-2021-7/22.html", "第二十二条"},
		{"根据《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第四十三条的规定", "kzfz-2021-7/43.html", "第四十三条"},
	}
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			for _, c := range cases {
				navigate(t, ctx, base+"search.html?q="+url.QueryEscape(c.query))
				if _, err := poll[bool](ctx, `document.getElementById("results").getAttribute("aria-busy") === "false"`, 10*time.Second); err != nil {
					t.Fatalf("%s: the search did not finish: %v", c.query, err)
				}
				first := eval[string](t, ctx, `(function(){ var a = document.querySelector("#results .search-hit a"); return a ? a.getAttribute("href") + "|" + a.textContent + "|" + (a.closest(".cite-hit") ? "cite" : "text") : ""; })()`)
				parts := strings.SplitN(first, "|", 3)
				if len(parts) != 3 || parts[2] != "cite" || !strings.HasSuffix(parts[0], c.href) || !strings.HasSuffix(parts[1], c.citation) {
					t.Errorf("%s: the first result is %q, want the citation hit %s (%s)", c.query, first, c.citation, c.href)
				}
			}
			// 第二十二条 is not the text's own wording (二十二、): under the
			// unit, the full text says so plainly, suggesting nothing.
			navigate(t, ctx, base+"search.html?q="+url.QueryEscape("第二十二条"))
			if _, err := poll[bool](ctx, `document.getElementById("results").getAttribute("aria-busy") === "false"`, 10*time.Second); err != nil {
				t.Fatal(err)
			}
			if full := eval[string](t, ctx, `document.querySelector("#results .search-fulltext").textContent`); !strings.Contains(full, "全文中没有") || strings.Contains(full, "更短") {
				t.Errorf("第二十二条: the full-text section says %q", full)
			}
			navigate(t, ctx, base+"search.html?q="+url.QueryEscape("廉政"))
			if _, err := poll[bool](ctx, `document.getElementById("results").getAttribute("aria-busy") === "false"`, 10*time.Second); err != nil {
				t.Fatal(err)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".cite-hit").length`); n != 0 {
				t.Errorf("廉政 offers %d citation hits, want none", n)
			}
		})
	}
}
