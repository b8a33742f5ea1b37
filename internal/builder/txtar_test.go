package builder

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the -- stderr -- sections of testdata/site/*.txtar with what the build prints")

// TestSiteArchives builds the site of every testdata/site/*.txtar archive.
//
// An archive holds inputs — content/… files, and templates/… files that
// replace the project's own — and expectations: a public/… file lists
// lines that must appear, in order, in that output file (a line starting
// with "!" must not appear anywhere in it); "absent" lists output paths
// that must not exist; "stderr" is the exact diagnostics of a build that
// must fail; "flags" holds build flags (-strict).
func TestSiteArchives(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/site/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no archives in testdata/site")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			content := fstest.MapFS{}
			templates := dirFS(t, filepath.Join(root, "templates"))
			var stderr *txtar.File
			var expect []txtar.File
			var absent []string
			strict := false
			for i, f := range ar.Files {
				switch {
				case strings.HasPrefix(f.Name, "content/"):
					content[strings.TrimPrefix(f.Name, "content/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "templates/"):
					templates[strings.TrimPrefix(f.Name, "templates/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "public/"):
					expect = append(expect, f)
				case f.Name == "stderr":
					stderr = &ar.Files[i]
				case f.Name == "absent":
					absent = strings.Fields(string(f.Data))
				case f.Name == "flags":
					for _, flag := range strings.Fields(string(f.Data)) {
						if flag != "-strict" {
							t.Fatalf("%s: unknown flag %q", file, flag)
						}
						strict = true
					}
				default:
					t.Fatalf("%s: unknown section %q", file, f.Name)
				}
			}
			r, err := Render(context.Background(), Sources{
				Content:      content,
				ContentDir:   "content",
				Templates:    templates,
				TemplatesDir: "templates",
				Web:          os.DirFS(filepath.Join(root, "web")),
				WebDir:       "web",
				Strict:       strict,
			})
			if stderr != nil {
				got := ""
				if err != nil {
					got = err.Error() + "\n"
				}
				if *update {
					stderr.Data = []byte(got)
					if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				if err == nil {
					t.Fatalf("build succeeded; want diagnostics:\n%s", stderr.Data)
				}
				if got != string(stderr.Data) {
					t.Errorf("diagnostics:\n%s\nwant:\n%s", got, stderr.Data)
				}
				return
			}
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			out := map[string][]byte{}
			for _, f := range r.Files {
				out[f.Path] = f.Data
			}
			for _, f := range expect {
				p := strings.TrimPrefix(f.Name, "public/")
				data, ok := out[p]
				if !ok {
					t.Errorf("no output file %s", p)
					continue
				}
				checkExcerpt(t, p, data, f.Data)
			}
			for _, p := range absent {
				if _, ok := out[p]; ok {
					t.Errorf("output has %s; want none", p)
				}
			}
		})
	}
}

// checkExcerpt checks that each line of want appears in got, in order, and
// that no "!"-line appears at all.
func checkExcerpt(t *testing.T, name string, got, want []byte) {
	t.Helper()
	rest := got
	for _, line := range strings.Split(string(want), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "!"):
			if bytes.Contains(got, []byte(line[1:])) {
				t.Errorf("%s contains %q; want it absent", name, line[1:])
			}
		default:
			i := bytes.Index(rest, []byte(line))
			if i < 0 {
				if bytes.Contains(got, []byte(line)) {
					t.Errorf("%s: %q appears, but not after the previous expected line", name, line)
				} else {
					t.Errorf("%s lacks %q", name, line)
				}
				continue
			}
			rest = rest[i+len(line):]
		}
	}
}

// dirFS loads a folder into an in-memory file system, so an archive can
// replace some of its files.
func dirFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: data}
	}
	return m
}
