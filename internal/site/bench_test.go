package site

import (
	"os"
	"path/filepath"
	"testing"

	"rulesite/internal/doc"
)

// corpusDir is the shared corpus of 786 regulations, outside the project.
const corpusDir = "../../../shared/corpus"

func loadDocs(tb testing.TB, dir, display string) []*doc.Document {
	tb.Helper()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("skipping: %s is absent (%v)", dir, err)
	}
	docs, err := doc.Load(os.DirFS(dir), ".", display)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// BenchmarkRenderCorpus renders every page of the corpus site; the whole
// build's budget is 8 s on two cores.
func BenchmarkRenderCorpus(b *testing.B) {
	docs := loadDocs(b, corpusDir, "../shared/corpus")
	in := Input{Docs: docs, Templates: os.DirFS(filepath.Join("..", "..", "templates")), TemplatesDir: "templates"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		files, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, f := range files {
			n += len(f.Data)
		}
		b.ReportMetric(float64(len(files)), "pages")
		b.ReportMetric(float64(n)/(1<<20), "MB")
	}
}
