package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
	"rulesite/internal/builder"
)

// versionPair is a document of ../shared/corpus in two versions, for the
// pages of versions and 新旧对照.
var versionPair = []string{
	"laws/诉讼与非诉讼程序法/行政复议法(2017-09-01).md",
	"laws/诉讼与非诉讼程序法/行政复议法(2023-09-01).md",
}

// versionsSite builds a site of one document in two versions from
// ../shared/corpus, or returns "" (and says so) where the corpus is
// absent.
func versionsSite(t *testing.T) string {
	t.Helper()
	wd, _ := os.Getwd()
	root, err := builder.FindModuleRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	content := t.TempDir()
	for _, f := range versionPair {
		data, err := os.ReadFile(filepath.Join(root, "..", "shared", "corpus", filepath.FromSlash(f)))
		if err != nil {
			t.Logf("the corpus is not beside the project (%v): no pages of versions checked", err)
			return ""
		}
		if err := os.WriteFile(filepath.Join(content, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := builder.Build(context.Background(), builder.Options{ModuleRoot: root, Content: content, Out: out, CacheDir: builder.DefaultCacheDir()}); err != nil {
		t.Fatalf("building the site of two versions: %v", err)
	}
	return out
}

// firstFile is the first file of dir whose path matches pattern, relative
// to dir.
func firstFile(t *testing.T, dir, pattern string) string {
	t.Helper()
	var found string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if ok, _ := filepath.Match(pattern, filepath.ToSlash(rel)); ok {
			found = filepath.ToSlash(rel)
		}
		return nil
	})
	if found == "" {
		t.Fatalf("%s has no page %s", dir, pattern)
	}
	return found
}

// TestAxe runs axe-core on every kind of page — with the result or the
// answer a reader comes for showing — and fails on its serious and
// critical findings, over http.
func TestAxe(t *testing.T) {
	src := browsertest.AxeSource(t)
	ctx := browsertest.New(t)
	site := serve(t, siteDir(t)).URL
	type page struct {
		name, url, ready string
		width            int64 // of the window, px; 0: 1024 × 768
	}
	pages := []page{
		{"home", site + "index.html", "", 0},
		{"document", site + "kzfz-2021-7/index.html", "", 0},
		{"article", site + "kzfz-2021-7/22.html", "document.querySelector('button.cite')", 0},
		{"full text", site + "kzfz-2021-7/full.html", "", 0},
		{"thresholds", site + "thresholds.html", "", 0},
		{"authorities", site + "authorities.html", "", 0},
		{"calculator, amount", site + "calculator.html?matter=22.2&amount=800", `document.getElementById("result").getAttribute("data-state") === "decision"`, 0},
		{"calculator, procedure", site + "calculator.html?matter=43&issuer=office&kind=circular", `document.getElementById("result").getAttribute("data-state") === "decision"`, 0},
		{"calculator, by amount", site + "calculator.html?matter=21&kind=funds&formal=no&dept=no&amount=800", `document.getElementById("lead-answer") && document.getElementById("lead-answer").innerText`, 0},
		{"search", site + "search.html?q=" + "区长办公会议", `document.querySelector(".search-hit")`, 0},
		{"report", site + "warnings.html", "", 0},
	}
	if dir := versionsSite(t); dir != "" {
		vs := serve(t, dir).URL
		pages = append(pages,
			page{"versions", vs + firstFile(t, dir, "v/*/index.html"), "", 0},
			page{"compare", vs + firstFile(t, dir, "*/compare-*.html"), "", 0},
			page{"old version", vs + firstFile(t, dir, "*/10.html"), "", 0},
		)
	}
	// The calculator and an article again on a phone and on a wide
	// screen, whose layouts differ (folded matter, sticky answer).
	for _, w := range []int64{390, 1366} {
		for _, p := range []int{1, 2, 6, 7} {
			q := pages[p]
			q.name = fmt.Sprintf("%s at %d px", q.name, w)
			q.width = w
			pages = append(pages, q)
		}
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			width, height := p.width, int64(844)
			if width == 0 {
				width, height = 1024, 768
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, p.url)
			if p.ready != "" {
				if _, err := poll[any](ctx, p.ready, 30*time.Second); err != nil {
					t.Fatalf("%s never became ready (%s): %v", p.url, p.ready, err)
				}
			}
			vs, err := browsertest.Axe(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if v.Serious() {
					t.Errorf("%s: %s", p.url, v)
				} else {
					t.Logf("%s (not failing): %s", p.url, strings.SplitN(v.String(), "\n", 2)[0])
				}
			}
		})
	}
}
