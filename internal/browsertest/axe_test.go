package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAxeFinds checks that the harness runs axe-core and reports what it
// finds: a page with an unnamed button, an image without alt text and
// grey-on-white text has serious findings.
func TestAxeFinds(t *testing.T) {
	src := AxeSource(t)
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="zh-CN"><title>t</title><main><h1>标题</h1>
<button></button><img src="x.png"><p style="color:#ccc">浅灰色的文字</p></main></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(Serve(t, dir)+"index.html")); err != nil {
		t.Fatal(err)
	}
	vs, err := Axe(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, v := range vs {
		if v.Serious() {
			found[v.ID] = true
		}
	}
	for _, want := range []string{"button-name", "image-alt", "color-contrast"} {
		if !found[want] {
			var got []string
			for _, v := range vs {
				got = append(got, v.ID+" ("+v.Impact+")")
			}
			t.Errorf("axe-core did not report %s; it reported %s", want, strings.Join(got, ", "))
		}
	}
}
