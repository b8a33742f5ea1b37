package doc

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// TestTxtar runs the archives of testdata: each holds input files
// "-- content/….md --", loaded as the folder content, and the expected
// outline of the model "-- model --", the expected diagnostics
// "-- stderr --", or both. With -update the expected sections are
// rewritten from the actual output; review the diff before committing.
func TestTxtar(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runArchive(t, file)
		})
	}
}

func runArchive(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	want := map[string]*txtar.File{}
	for i := range ar.Files {
		f := &ar.Files[i]
		switch {
		case strings.HasPrefix(f.Name, "content/"):
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		case f.Name == "model" || f.Name == "stderr":
			want[f.Name] = f
		default:
			t.Fatalf("%s: unexpected section %q: want content/…, model or stderr", file, f.Name)
		}
	}
	if len(want) == 0 {
		t.Fatalf("%s: no expected section: add -- model -- or -- stderr --", file)
	}

	docs, err := Load(fsys, "content", "content")
	got := map[string][]byte{"model": []byte(outline(docs))}
	switch list := ErrorList(nil); {
	case err == nil:
		got["stderr"] = nil
	case errors.As(err, &list):
		got["stderr"] = []byte(list.Error() + "\n")
	default:
		t.Fatal(err)
	}
	if want["stderr"] == nil && err != nil {
		t.Errorf("unexpected diagnostics:\n%s", got["stderr"])
	}

	changed := false
	for name, f := range want {
		if bytes.Equal(f.Data, got[name]) {
			continue
		}
		if *update {
			f.Data = got[name]
			changed = true
			continue
		}
		t.Errorf("%s differs:\n--- got\n%s--- want\n%s", name, got[name], f.Data)
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", file)
	}
}
