package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

// answer is what cite.html shows for one reference.
type answer struct {
	Citation string `json:"citation"`
	Href     string `json:"href"`
	Text     string `json:"text"`
	Error    string `json:"error"`
}

// showAnswers reads the answers cite.html shows, once it has shown them.
const showAnswers = `(async () => {
  const out = document.getElementById("cite-result");
  for (let i = 0; i < 100 && (out.getAttribute("aria-busy") || out.textContent === ""); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return Array.from(out.children).map((e) => e.classList.contains("cite-answer")
    ? {citation: e.querySelector("h2").textContent, href: e.querySelector("h2 a").href,
       text: e.querySelector("blockquote") ? e.querySelector("blockquote").textContent : "", error: ""}
    : {citation: "", href: "", text: "", error: e.textContent});
})()`

// TestCitePageBrowser resolves citations on cite.html over http and from
// file://, and through assets/cite.js embedded in a page of another
// system.
func TestCitePageBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := citeSiteDir(t)
	bases := map[string]string{
		"http": browsertest.Serve(t, dir),
		"file": strings.TrimSuffix(browsertest.FileURL(t, dir, "index.html"), "index.html"),
	}
	cases := []struct {
		q        string
		citation string
		href     string // suffix of the link
		text     string // part of the unit's text
		err      string // part of the message, for a citation that does not resolve
	}{
		{q: "第二十二条第（一）项第1目", citation: "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（一）项第1目", href: "kzfz-2021-7/22.html#i1-1", text: "需区级财政配套的建设项目申报方案"},
		{q: "第二十二条第（九十）项", err: "没有第（九十）项"},
		{q: "第二十二条第（一）项", citation: "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（一）项", href: "kzfz-2021-7/22.html#i1", text: "提请区委常委会会议审定。上述三类事项"},
		{q: "22.1.1", citation: "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（一）项第1目", href: "kzfz-2021-7/22.html#i1-1", text: "需区级财政配套的建设项目申报方案"},
		{q: "行政复议法第三条第二款第（一）项", citation: "《中华人民共和国行政复议法》第三条第二款第（一）项", href: "xzfy-2017/3.html#p2-i1", text: "（一）受理行政复议申请；"},
		{q: "《党政机关公文处理工作条例》第五条", err: "本站未收录《党政机关公文处理工作条例》"},
	}
	for scheme, base := range bases {
		t.Run(scheme, func(t *testing.T) {
			for _, c := range cases {
				u := base + "cite.html?q=" + strings.NewReplacer("（", "%EF%BC%88", "）", "%EF%BC%89").Replace(c.q)
				if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[[]answer](showAnswers, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				if len(got) != 1 {
					t.Errorf("%s: %d answers %+v", c.q, len(got), got)
					continue
				}
				g := got[0]
				if c.err != "" {
					if !strings.Contains(g.Error, c.err) {
						t.Errorf("%s: got %+v, want the error %q", c.q, g, c.err)
					}
					continue
				}
				if g.Citation != c.citation || !strings.HasSuffix(g.Href, c.href) || !strings.Contains(g.Text, c.text) {
					t.Errorf("%s: got %+v, want %s at …%s with %q", c.q, g, c.citation, c.href, c.text)
				}
				if !strings.HasPrefix(g.Href, base) {
					t.Errorf("%s: the link %s leaves the site %s", c.q, g.Href, base)
				}
			}
		})
	}

	// &go=1 goes to the unit itself.
	for scheme, base := range bases {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"cite.html?q=22.1.1&go=1")); err != nil {
			t.Fatal(err)
		}
		// The page leaves while it is read: read again until it is there.
		var loc string
		var err error
		for try := 0; try < 50; try++ {
			loc, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
			if err == nil && !strings.Contains(loc, "cite.html") {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil || loc != base+"kzfz-2021-7/22.html#i1-1" {
			t.Errorf("%s: cite.html?q=22.1.1&go=1 went to %s (%v)", scheme, loc, err)
		}
	}

	// Another system embeds the script by its address and calls the
	// documented API; from file:// it reads the data by <script> elements.
	other := t.TempDir()
	page := `<!DOCTYPE html><meta charset="utf-8"><title>OA</title>` +
		`<script src="` + bases["file"] + `assets/cite.js"></script>`
	if err := os.WriteFile(filepath.Join(other, "oa.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(t, other, "oa.html"))); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[[]map[string]any](`RulesiteCite.resolve("行政复议法第三条", {date: "2022-01-01"})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("embedded resolver: %v", err)
	}
	if len(res) != 1 || res[0]["ok"] != true || res[0]["url"] != bases["file"]+"xzfy-2017/3.html" || res[0]["citation"] != "《中华人民共和国行政复议法》第三条" {
		t.Errorf("embedded resolver: %v", res)
	}
}
