package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestParsedTemplates renders the seed site with the templates parsed by
// CheckTemplates, as the build does, and with templates parsed afresh:
// the bytes are the same, since the checked set is bound to the build's
// own functions before it renders.
func TestParsedTemplates(t *testing.T) {
	docs := loadDocs(t, filepath.Join("..", "..", "content"), "content")
	fsys := os.DirFS(filepath.Join("..", "..", "templates"))
	in := Input{Docs: docs, Templates: fsys, TemplatesDir: "templates", AsOf: "2026-12-01"}
	want, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := CheckTemplates(fsys, "templates")
	if err != nil {
		t.Fatal(err)
	}
	in.Parsed = parsed
	got, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) < 60 {
		t.Fatalf("%d files with the checked templates, %d without", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s differs with the checked templates", want[i].Path)
		}
	}
}
