package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

// sites returns the built site's base address over http and over
// file://, the two ways staff open it.
func sites(t *testing.T) map[string]string {
	dir := siteDir(t)
	return map[string]string{
		"http": serve(t, dir).URL,
		"file": strings.TrimSuffix(browsertest.FileURL(t, dir, "index.html"), "index.html"),
	}
}

// articlesContaining counts the article pages of the Work Rules whose
// text contains s, by reading the built pages.
func articlesContaining(t *testing.T, s string) int {
	t.Helper()
	text := regexp.MustCompile(`<p class="t(?: cont)?">([^<]*)</p>`)
	n := 0
	for i := 1; i <= 56; i++ {
		page := string(readSite(t, "kzfz-2021-7/"+strconv.Itoa(i)+".html"))
		for _, m := range text.FindAllStringSubmatch(page, -1) {
			if strings.Contains(m[1], s) {
				n++
				break
			}
		}
	}
	return n
}

// TestSearchOnTheSite searches from the search box of an article page, on
// the real site, and follows the first result to its anchor.
func TestSearchOnTheSite(t *testing.T) {
	ctx := browsertest.New(t)
	want := articlesContaining(t, "廉")
	if want == 0 {
		t.Fatal("no article contains 廉")
	}
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			navigate(t, ctx, base+"kzfz-2021-7/22.html")
			if err := chromedp.Do(ctx,
				chromedp.SendKeys("#site-q", "廉"),
				chromedp.Submit("#site-q"),
			); err != nil {
				t.Fatal(err)
			}
			// The form's submission navigates; read the count once the
			// search page has it.
			var count string
			for deadline := time.Now().Add(10 * time.Second); count == "" && time.Now().Before(deadline); {
				count, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname.endsWith("search.html") && document.querySelector(".search-count") ? document.querySelector(".search-count").textContent : ""`))
				time.Sleep(50 * time.Millisecond)
			}
			if count == "" {
				t.Fatal("no result count on the search page")
			}
			if !strings.Contains(count, "找到 "+strconv.Itoa(want)+" 条") {
				t.Errorf("count %q, want %d articles", count, want)
			}
			href := eval[string](t, ctx, `document.querySelector(".search-hit a").getAttribute("href")`)
			if !strings.Contains(href, "#") {
				t.Errorf("first result %q links to no anchor", href)
			}
			navigate(t, ctx, eval[string](t, ctx, `document.querySelector(".search-hit a").href`))
			got := eval[string](t, ctx, `(function(){ var el = document.getElementById(location.hash.slice(1)); return el ? el.textContent : ""; })()`)
			if !strings.Contains(got, "廉") {
				t.Errorf("the anchor of %s holds %q, without 廉", href, got)
			}
		})
	}
}

// TestCopyCitation presses the copy button beside 第二十二条第（三）项第1目
// and checks what lands on the clipboard: the formal citation and the
// sub-item's full address.
func TestCopyCitation(t *testing.T) {
	ctx := browsertest.New(t)
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			navigate(t, ctx, base+"kzfz-2021-7/22.html")
			// Record what is copied, whichever way site.js copies.
			eval[bool](t, ctx, `(function(){
				window.copied = null;
				if (navigator.clipboard) navigator.clipboard.writeText = function(s){ window.copied = s; return Promise.resolve(); };
				document.execCommand = function(c){ if (c === "copy") { window.copied = document.activeElement.value; } return true; };
				return true;
			})()`)
			if err := chromedp.Do(ctx, chromedp.Click(`#i3-1 > .tools button.cite`)); err != nil {
				t.Fatal(err)
			}
			got, err := poll[string](ctx, `window.copied`, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			want := "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（三）项第1目\n" + base + "kzfz-2021-7/22.html#i3-1"
			if got != want {
				t.Errorf("copied %q, want %q", got, want)
			}
			label := eval[string](t, ctx, `document.querySelector("#i3-1 > .tools button.cite").textContent`)
			if label != "已复制" {
				t.Errorf("button says %q after copying, want 已复制", label)
			}
			// The article as a whole: its page, without a fragment.
			eval[bool](t, ctx, `(window.copied = null, true)`)
			if err := chromedp.Do(ctx, chromedp.Click(`#article-title button.cite`)); err != nil {
				t.Fatal(err)
			}
			got, err = poll[string](ctx, `window.copied`, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if want := "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条\n" + base + "kzfz-2021-7/22.html"; got != want {
				t.Errorf("copied %q for the article, want %q", got, want)
			}
		})
	}
}

// TestThresholdLinksOpenTheCalculator follows a band's link from
// thresholds.html into the calculator and expects that band's decision.
func TestThresholdLinksOpenTheCalculator(t *testing.T) {
	ctx := browsertest.New(t)
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			navigate(t, ctx, base+"thresholds.html")
			// The second band of 22.3.2: 10万元（含）至500万元 → 区财政局审批.
			href := eval[string](t, ctx, `document.querySelectorAll("#m-22\\.3\\.2 tbody tr")[1].querySelector("a[href^='calculator.html']").href`)
			navigate(t, ctx, href)
			decider, err := poll[string](ctx, `(document.querySelector("#result .decider") || {}).textContent || ""`, 10*time.Second)
			if err != nil {
				t.Fatalf("%s: no decision: %v", href, err)
			}
			if decider != "区财政局" {
				t.Errorf("%s: decider %q, want 区财政局", href, decider)
			}
		})
	}
}
