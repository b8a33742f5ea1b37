package site_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"rulesite/internal/builder"
)

// citeFixture is a content folder with the Work Rules, a law and a text
// that cites both, a document the site does not hold (as the Work Rules
// do), itself and a law named without 《》.
var citeFixture = map[string]string{
	"xzfy.md": `---
id: xzfy-2017
title: 中华人民共和国行政复议法
kind: 法律
date: 2017-09-01
---
# 中华人民共和国行政复议法

第一条 为了防止和纠正违法的或者不当的具体行政行为，制定本法。

第二条 公民认为具体行政行为侵犯其合法权益的，依照本法向行政机关提出行政复议申请。

第三条 依照本法履行行政复议职责的行政机关是行政复议机关。

行政复议机关履行下列职责：

（一）受理行政复议申请；

（二）向有关组织和人员调查取证。

前款第（一）项所称受理，依照本法第二条的规定办理。
`,
	"reply.md": `---
id: reply-2023
title: 关于行政复议机关职责问题的答复
kind: 规范性文件
date: 2023-01-01
---
# 关于行政复议机关职责问题的答复

你单位请示收悉。《中华人民共和国行政复议法》第三条所称职责，依照该条第二款执行。
`,
	"notice.md": `---
id: notice-2022
title: 开州区行政复议工作规定
kind: 规范性文件
date: 2022-01-01
---
# 开州区行政复议工作规定

第一条 根据《中华人民共和国行政复议法》第三条第二款第（一）项和《重庆市开州区人民政府工作规则》第二十二条第（三）项第1目，制定本规定。

第二条 依照本规定第一条、《党政机关公文处理工作条例》办理<公文>。

第三条 刑法第二十条的情形，不适用本规定。

第四条 执行《中华人民共和国行政复议法》（以下简称《复议法》）时，《复议法》第三条第二款另有规定的，从其规定。
`,
}

var citeSite struct {
	once sync.Once
	dir  string
	err  error
}

// citeSiteDir builds the fixture into a temporary folder once.
func citeSiteDir(t testing.TB) string {
	t.Helper()
	citeSite.once.Do(func() {
		wd, _ := os.Getwd()
		root, err := builder.FindModuleRoot(wd)
		if err != nil {
			citeSite.err = err
			return
		}
		tmp, err := os.MkdirTemp("", "rulesite-cite-")
		if err != nil {
			citeSite.err = err
			return
		}
		content := filepath.Join(tmp, "content")
		if err := os.MkdirAll(content, 0o755); err != nil {
			citeSite.err = err
			return
		}
		rules, err := os.ReadFile(filepath.Join(root, "content", "kaizhou-work-rules-2021.md"))
		if err != nil {
			citeSite.err = err
			return
		}
		files := map[string]string{"kaizhou-work-rules-2021.md": string(rules)}
		for k, v := range citeFixture {
			files[k] = v
		}
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(content, name), []byte(text), 0o644); err != nil {
				citeSite.err = err
				return
			}
		}
		citeSite.dir = filepath.Join(tmp, "public")
		_, citeSite.err = builder.Build(context.Background(), builder.Options{
			ModuleRoot: root, Content: content, Out: citeSite.dir, CacheDir: builder.DefaultCacheDir(), AsOf: "2026-01-01",
		})
	})
	if citeSite.err != nil {
		t.Fatalf("building the fixture: %v", citeSite.err)
	}
	return citeSite.dir
}

// TestMain removes the fixture's site once every test has run.
func TestMain(m *testing.M) {
	code := m.Run()
	if citeSite.dir != "" {
		os.RemoveAll(filepath.Dir(citeSite.dir))
	}
	os.Exit(code)
}

func readPage(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(citeSiteDir(t), filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCiteLinks checks the links that references become, on article pages
// and on the full text, and that they add no character to the text.
func TestCiteLinks(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{"notice-2022/1.html", `<a class="ref" href="../xzfy-2017/3.html#p2-i1" title="《中华人民共和国行政复议法》第三条第二款第（一）项">《中华人民共和国行政复议法》第三条第二款第（一）项</a>`},
		{"notice-2022/1.html", `<a class="ref" href="../kzfz-2021-7/22.html#i3-1" title="《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第二十二条第（三）项第1目">《重庆市开州区人民政府工作规则》第二十二条第（三）项第1目</a>`},
		{"notice-2022/2.html", `依照<a class="ref" href="1.html" title="《开州区行政复议工作规定》第一条">本规定第一条</a>、《党政机关公文处理工作条例》办理&lt;公文&gt;。`},
		{"notice-2022/3.html", `<p class="t">第三条 刑法第二十条的情形，不适用本规定。</p>`},
		// A short name the text gives (以下简称《复议法》) names the document.
		{"notice-2022/4.html", `<a class="ref" href="../xzfy-2017/3.html#p2" title="《中华人民共和国行政复议法》第三条第二款">《复议法》第三条第二款</a>另有规定的`},
		{"xzfy-2017/3.html", `<a class="ref" href="#p2-i1" title="《中华人民共和国行政复议法》第三条第二款第（一）项">前款第（一）项</a>所称受理，依照<a class="ref" href="2.html" title="《中华人民共和国行政复议法》第二条">本法第二条</a>的规定办理。`},
		{"xzfy-2017/full.html", `<a class="ref" href="#a3-p2-i1" title="《中华人民共和国行政复议法》第三条第二款第（一）项">前款第（一）项</a>`},
		{"xzfy-2017/full.html", `<a class="ref" href="#a2" title="《中华人民共和国行政复议法》第二条">本法第二条</a>`},
		// A document without articles: its text is its preamble.
		{"reply-2023/index.html", `<p>你单位请示收悉。<a class="ref" href="../xzfy-2017/3.html" title="《中华人民共和国行政复议法》第三条">《中华人民共和国行政复议法》第三条</a>所称职责，依照该条第二款执行。</p>`},
	} {
		if !strings.Contains(readPage(t, c.page), c.want) {
			t.Errorf("%s lacks\n%s", c.page, c.want)
		}
	}
	// Stripped of its links, every line is the text as published.
	anchor := regexp.MustCompile(`<a class="ref"[^>]*>|</a>`)
	line := regexp.MustCompile(`<p class="t(?: cont)?">(.*?)</p>`)
	src := citeFixture["xzfy.md"] + citeFixture["notice.md"]
	for _, page := range []string{"notice-2022/1.html", "notice-2022/2.html", "xzfy-2017/3.html", "xzfy-2017/full.html"} {
		for _, m := range line.FindAllStringSubmatch(readPage(t, page), -1) {
			text := strings.NewReplacer("&lt;", "<", "&gt;", ">").Replace(anchor.ReplaceAllString(m[1], ""))
			if !strings.Contains(src, text+"\n") {
				t.Errorf("%s: line %q is not in the source", page, text)
			}
		}
	}
}

// TestCitedBy checks the 被引用 lists, in the document and across the site.
func TestCitedBy(t *testing.T) {
	law := readPage(t, "xzfy-2017/3.html")
	if !strings.Contains(law, `<h2 id="citedby">被引用</h2>`) ||
		!strings.Contains(law, `<li><a href="../notice-2022/1.html#p1">《开州区行政复议工作规定》第一条</a>：“《中华人民共和国行政复议法》第三条第二款第（一）项”</li>`) {
		t.Errorf("xzfy-2017/3.html: no 被引用 from the notice:\n%s", law)
	}
	if two := readPage(t, "xzfy-2017/2.html"); !strings.Contains(two, `<h3>本文件中</h3>`) || !strings.Contains(two, `<a href="3.html#p3">第三条第三款</a>：“本法第二条”`) {
		t.Errorf("xzfy-2017/2.html: no 被引用 from article 三:\n%s", two)
	}
	if one := readPage(t, "xzfy-2017/1.html"); strings.Contains(one, "被引用") {
		t.Error("xzfy-2017/1.html is cited by nothing")
	}
	rules := readPage(t, "kzfz-2021-7/22.html")
	if !strings.Contains(rules, `<a href="../notice-2022/1.html#p1">《开州区行政复议工作规定》第一条</a>`) {
		t.Error("kzfz-2021-7/22.html: no 被引用 from the notice")
	}
}

// TestCitationsReport checks the references report: totals by kind and
// the documents cited that the site does not hold.
func TestCitationsReport(t *testing.T) {
	txt := readPage(t, "citations.txt")
	for _, want := range []string{
		"missing\t2\t2 documents\t《党政机关公文处理工作条例》\n",
		"kind\tunbracketed\t1 found\t0 resolved\t1 unresolved\n",
		"unresolved\tdocument.unbracketed\t1\n",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("citations.txt lacks %q:\n%s", want, txt)
		}
	}
	if page := readPage(t, "citations.html"); !strings.Contains(page, "<td>《党政机关公文处理工作条例》</td><td>2</td><td>2</td>") {
		t.Errorf("citations.html does not list the missing document")
	}
	if !strings.Contains(readPage(t, "warnings.html"), `<a href="citations.html">引用报告</a>`) {
		t.Error("warnings.html does not link the references report")
	}
}
