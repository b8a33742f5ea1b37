package builder

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// corpusDir is the shared corpus of real regulations, outside the project.
const corpusDir = "../shared/corpus"

// corpus returns the corpus as a file system, or skips the test where it
// is absent.
func corpus(tb testing.TB) (fs.FS, string) {
	tb.Helper()
	root, err := FindModuleRoot(".")
	if err != nil {
		tb.Fatal(err)
	}
	dir := filepath.Join(root, corpusDir)
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		tb.Skipf("skipping: the regulation corpus %s is absent (%v)", corpusDir, err)
	}
	return os.DirFS(dir), root
}

// TestCorpusSample builds a site from every tenth file of the corpus — all
// the shapes of Chinese regulations it holds, without the time of the
// whole — and checks that every document and article has its page, that
// the home page lists every document under its kind, and that the search
// index covers every article.
func TestCorpusSample(t *testing.T) {
	full, _ := corpus(t)
	sample := fstest.MapFS{}
	var names []string
	err := fs.WalkDir(full, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || path.Base(p) == "README.md" {
			return err
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range names {
		if i%10 == 0 {
			data, err := fs.ReadFile(full, p)
			if err != nil {
				t.Fatal(err)
			}
			sample[p] = &fstest.MapFile{Data: data}
		}
	}
	src := projectSources(t)
	src.Content, src.ContentDir = sample, corpusDir
	r, err := Render(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != len(sample) {
		t.Errorf("built %d documents from %d files", r.Docs, len(sample))
	}
	out := map[string][]byte{}
	for _, f := range r.Files {
		out[f.Path] = f.Data
	}
	home := out["index.html"]
	pages := 0
	for p, data := range out {
		// v/<key>/index.html are the documents' pages of versions,
		// linked from each version's page rather than from home.
		if !strings.HasSuffix(p, "/index.html") || strings.HasPrefix(p, "v/") {
			continue
		}
		dir := strings.TrimSuffix(p, "/index.html")
		if !bytes.Contains(home, []byte(`href="`+dir+`/index.html"`)) {
			t.Errorf("home page does not list %s", p)
		}
		// Every article the table of contents lists has its page.
		for _, line := range bytes.Split(data, []byte("\n")) {
			if i := bytes.Index(line, []byte(`<li><a href="`)); i >= 0 {
				href := string(line[i+len(`<li><a href="`):])
				href = href[:strings.IndexByte(href, '"')]
				if _, ok := out[dir+"/"+href]; !ok {
					t.Errorf("%s lists %s, which was not built", p, href)
				}
				pages++
			}
		}
	}
	if pages < r.Articles {
		t.Errorf("tables of contents list %d articles, want at least %d", pages, r.Articles)
	}
	if bytes.Contains(home, []byte(`<h2 id="k1">其他`)) && len(r.Files) > 0 {
		// Documents of unknown kind come last, never first.
		t.Errorf("home page lists documents of unknown kind first")
	}
	meta := string(out["search/meta.js"])
	if !strings.Contains(meta, `"n":`+strconv.Itoa(r.Articles)+",") {
		t.Errorf("search index does not cover the %d articles: %s", r.Articles, meta)
	}
}
