package builder

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkHugoCorpus builds the same Markdown of the corpus with Hugo, for
// comparison with BenchmarkBuildCorpus, when a hugo binary is found ($HUGO
// or PATH); it is skipped otherwise. Hugo renders one page per document
// with a minimal layout and no search index, so it does less work than our
// build, which writes a page per article and the index.
//
//	GOBIN=/tmp/hugobin go install github.com/gohugoio/hugo@v0.140.2
//	HUGO=/tmp/hugobin/hugo go test ./internal/builder -run '^$' -bench 'Corpus$' -benchtime 1x
func BenchmarkHugoCorpus(b *testing.B) {
	full, _ := corpus(b)
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		var err error
		if hugo, err = exec.LookPath("hugo"); err != nil {
			b.Skip("skipping: no hugo binary ($HUGO or PATH)")
		}
	}
	site := b.TempDir()
	mustWrite(b, filepath.Join(site, "hugo.toml"), "baseURL = 'http://localhost/'\ntitle = 'corpus'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n[markup.goldmark.renderer]\nunsafe = false\n")
	mustWrite(b, filepath.Join(site, "layouts", "_default", "single.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
	mustWrite(b, filepath.Join(site, "layouts", "_default", "list.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
	n := 0
	err := fs.WalkDir(full, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || path.Base(p) == "README.md" {
			return err
		}
		data, err := fs.ReadFile(full, p)
		if err != nil {
			return err
		}
		n++
		mustWrite(b, filepath.Join(site, "content", filepath.FromSlash(p)), string(data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "public")
		start := time.Now()
		cmd := exec.Command(hugo, "--quiet", "--source", site, "--destination", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("hugo: %v\n%s", err, msg)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/build")
		b.ReportMetric(float64(n), "documents")
	}
}
