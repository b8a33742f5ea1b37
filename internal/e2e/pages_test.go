package e2e

import (
	"context"
	"os"
	"path/filepath"
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

var (
	textLine = regexp.MustCompile(`<p class="t(?: cont)?">(.*?)</p>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

// textLines returns the text of each line (paragraph, item, sub-item,
// continuation) of a page of the site, without the links it may hold
// (references to other units).
func textLines(t *testing.T, page string) []string {
	t.Helper()
	var lines []string
	for _, m := range textLine.FindAllStringSubmatch(string(readSite(t, page)), -1) {
		lines = append(lines, tag.ReplaceAllString(m[1], ""))
	}
	return lines
}

// articlesContaining counts the article pages of the Work Rules whose
// text contains s, by reading the built pages.
func articlesContaining(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for i := 1; i <= 56; i++ {
		for _, line := range textLines(t, "kzfz-2021-7/"+strconv.Itoa(i)+".html") {
			if strings.Contains(line, s) {
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

// recordCopies replaces the page's clipboard with a recorder, whichever
// way site.js copies.
const recordCopies = `(function(){
	window.copied = null;
	if (navigator.clipboard) navigator.clipboard.writeText = function(s){ window.copied = s; return Promise.resolve(); };
	document.execCommand = function(c){ if (c === "copy") { window.copied = document.activeElement.value; } return true; };
	return true;
})()`

// copied clicks the button sel and returns what it put on the clipboard.
func copied(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	eval[bool](t, ctx, `(window.copied = null, true)`)
	click(t, ctx, sel)
	got, err := poll[string](ctx, `window.copied`, 5*time.Second)
	if err != nil {
		t.Fatalf("%s copied nothing: %v", sel, err)
	}
	return got
}

// click clicks the element sel, failing rather than waiting for ever when
// it is not there or not visible.
func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(cctx, chromedp.Click(sel)); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// openMenu opens the copy menu of the unit whose tools sel names, unless
// it is open.
func openMenu(t *testing.T, ctx context.Context, unit string) {
	t.Helper()
	if eval[string](t, ctx, `document.querySelector("`+unit+` > .tools button.cite-more").getAttribute("aria-expanded")`) != "true" {
		click(t, ctx, unit+` > .tools button.cite-more`)
	}
}

// TestCopyCitation presses the copy buttons beside 第二十二条第（三）项第1目
// and checks what lands on the clipboard: the formal citation alone; the
// citation and the quoted text; the sub-item's full address — over http,
// and from disk, where there is no address worth pasting.
func TestCopyCitation(t *testing.T) {
	ctx := browsertest.New(t)
	const cite = "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（三）项第1目"
	const text = "1．企业类。国有及国有控股企业一次性处置国有资产评估价值100万元（不含）以内的由企业研究决定并向区国资委报备，100万元（含）—200万元的由区国资委审批，200万元（含）—500万元的由分管国资工作的区政府领导同志审批，500万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定。"
	for scheme, base := range sites(t) {
		t.Run(scheme, func(t *testing.T) {
			navigate(t, ctx, base+"kzfz-2021-7/22.html")
			eval[bool](t, ctx, recordCopies)
			if got := copied(t, ctx, `#i3-1 > .tools button.cite`); got != cite {
				t.Errorf("复制引用 copied %q, want %q", got, cite)
			}
			label := eval[string](t, ctx, `document.querySelector("#i3-1 > .tools button.cite").textContent`)
			if label != "已复制" {
				t.Errorf("button says %q after copying, want 已复制", label)
			}
			if name := eval[string](t, ctx, `document.querySelector("#i3-1 > .tools button.cite").getAttribute("aria-label")`); !strings.HasPrefix(name, "复制引用") {
				t.Errorf("accessible name %q does not start with the visible text", name)
			}
			openMenu(t, ctx, "#i3-1")
			if got, want := copied(t, ctx, `#i3-1 > .tools button.cite-text`), cite+"\n"+text; got != want {
				t.Errorf("复制引用和原文 copied %q, want %q", got, want)
			}
			hasLink := eval[bool](t, ctx, `!!document.querySelector("#i3-1 > .tools button.cite-link")`)
			if scheme == "file" {
				if hasLink {
					t.Error("from disk without a published address, the page offers to copy a file:// link")
				}
			} else {
				openMenu(t, ctx, "#i3-1")
				if got, want := copied(t, ctx, `#i3-1 > .tools button.cite-link`), base+"kzfz-2021-7/22.html#i3-1"; got != want {
					t.Errorf("复制链接 copied %q, want %q", got, want)
				}
			}
			// The article as a whole; its heading is its name alone, the
			// tools beside it.
			if name := eval[string](t, ctx, `document.getElementById("article-title").textContent`); name != "第二十二条" {
				t.Errorf("the article's heading reads %q, want 第二十二条 alone", name)
			}
			if got, want := copied(t, ctx, `.article-head button.cite`), "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条"; got != want {
				t.Errorf("copied %q for the article, want %q", got, want)
			}
			// Selecting by hand copies the text only, not the tools.
			sel := eval[string](t, ctx, `(function(){
				var r = document.createRange();
				r.setStartBefore(document.getElementById("i3-1"));
				r.setEndAfter(document.getElementById("i3-2"));
				var s = getSelection(); s.removeAllRanges(); s.addRange(r);
				var dt = new DataTransfer();
				var e = new ClipboardEvent("copy", {clipboardData: dt, bubbles: true, cancelable: true});
				document.dispatchEvent(e);
				return e.defaultPrevented ? dt.getData("text/plain") : s.toString();
			})()`)
			for _, tool := range []string{"复制", "#", "▾"} {
				if strings.Contains(sel, tool) {
					t.Errorf("selected text copies the tools (%q): %q", tool, sel)
				}
			}
			if !strings.HasPrefix(sel, text) {
				t.Errorf("selected text %q does not start with the sub-item's text", sel)
			}
		})
	}
}

// TestCopyPublishedAddress opens, from disk, a page of a site built with
// -base-url: copied links and the printed address name the published
// address, not the file.
func TestCopyPublishedAddress(t *testing.T) {
	ctx := browsertest.New(t)
	dir := t.TempDir()
	page := strings.Replace(string(readSite(t, "kzfz-2021-7/22.html")), `data-path="kzfz-2021-7/22.html"`, `data-path="kzfz-2021-7/22.html" data-base="http://10.1.2.3/guize/"`, 1)
	if err := os.MkdirAll(filepath.Join(dir, "kzfz-2021-7"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kzfz-2021-7", "22.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"assets/site.js", "assets/site.css"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), readSite(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	navigate(t, ctx, browsertest.FileURL(t, dir, "kzfz-2021-7/22.html"))
	eval[bool](t, ctx, recordCopies)
	openMenu(t, ctx, "#i3-1")
	if got, want := copied(t, ctx, `#i3-1 > .tools button.cite-link`), "http://10.1.2.3/guize/kzfz-2021-7/22.html#i3-1"; got != want {
		t.Errorf("复制链接 copied %q, want %q", got, want)
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

// TestPhoneTables opens the pages of threshold tables on a phone-sized
// screen: each band reads as a card the width of the screen, not as
// columns squeezed to a character a line, and the page does not scroll
// sideways. The thresholds page has a jump list to every table.
func TestPhoneTables(t *testing.T) {
	ctx := browsertest.New(t)
	base := serve(t, siteDir(t)).URL
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"thresholds.html", "authorities.html"} {
		navigate(t, ctx, base+page)
		narrowest := eval[float64](t, ctx, `(function(){
			var cells = document.querySelectorAll("table.cards td");
			var min = 1e9;
			for (var i = 0; i < cells.length; i++) {
				cells[i].scrollIntoView();
				min = Math.min(min, cells[i].getBoundingClientRect().width);
			}
			return cells.length ? min : -1;
		})()`)
		if narrowest < 250 {
			t.Errorf("%s: the narrowest cell of a card table is %.0f px wide on a 390 px screen", page, narrowest)
		}
		if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 391 {
			t.Errorf("%s scrolls sideways on a 390 px screen: %.0f px wide", page, w)
		}
	}
	navigate(t, ctx, base+"thresholds.html")
	links := eval[float64](t, ctx, `document.querySelectorAll(".jumplist a[href^='#m-']").length`)
	tables := eval[float64](t, ctx, `document.querySelectorAll("section.matter[id^='m-']").length`)
	if links == 0 || links != tables {
		t.Errorf("jump list has %.0f links for %.0f tables", links, tables)
	}
}

// TestToolTargets checks that the citation tools beside each unit are
// targets of at least 24 × 24 px, as WCAG 2.2 asks of pointer targets.
func TestToolTargets(t *testing.T) {
	ctx := browsertest.New(t)
	navigate(t, ctx, serve(t, siteDir(t)).URL+"kzfz-2021-7/22.html")
	small := eval[string](t, ctx, `(function(){
		var els = document.querySelectorAll(".tools .pin, .tools button:not([hidden])");
		for (var i = 0; i < els.length; i++) {
			var r = els[i].getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue; // in a closed menu
			if (r.width < 23.5 || r.height < 23.5) return els[i].outerHTML + " " + r.width + "×" + r.height;
		}
		return "";
	})()`)
	if small != "" {
		t.Errorf("a tool is smaller than 24 × 24 px: %s", small)
	}
}
