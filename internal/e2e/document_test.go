package e2e

import (
	"regexp"
	"strings"
	"testing"
)

// TestDocumentPages checks the way around a document: its contents come
// before the promulgation notice, every chapter has an anchor there, an
// article's breadcrumb links its chapter and 返回目录 leads back to it, and
// both pages state the document's status and dates.
func TestDocumentPages(t *testing.T) {
	index := string(readSite(t, "kzfz-2021-7/index.html"))
	toc, notice := strings.Index(index, `<h2 id="toc">目录</h2>`), strings.Index(index, `<section class="notice"`)
	if toc < 0 || notice < 0 || toc > notice {
		t.Errorf("document page: contents at byte %d, notice at %d; want the contents first", toc, notice)
	}
	chapters := regexp.MustCompile(`<li id="(c\d+)"><span class="division-title">`).FindAllStringSubmatch(index, -1)
	if len(chapters) != 12 {
		t.Errorf("document page: %d chapters with an anchor, want the 12 of the Work Rules", len(chapters))
	}
	full := anchorsOf(t, "kzfz-2021-7/full.html")
	for _, c := range chapters {
		if !full[c[1]] {
			t.Errorf("full.html has no chapter anchor #%s", c[1])
		}
	}
	article := string(readSite(t, "kzfz-2021-7/22.html"))
	for _, want := range []string{
		`<a href="index.html#c5">第5章   实行科学民主决策</a></nav>`,
		`<p class="back"><a href="index.html#c5">返回目录</a></p>`,
	} {
		if !strings.Contains(article, want) {
			t.Errorf("22.html lacks %s", want)
		}
	}
	for page, body := range map[string]string{"index.html": index, "22.html": article} {
		for _, want := range []string{"<dt>时效性</dt>", "现行有效", "<dt>施行日期</dt>"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s does not state %s", page, want)
			}
		}
	}
}
