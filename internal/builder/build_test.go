package builder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"rulesite/internal/site"
	"strings"
	"testing"
)

// TestFailedBuildLeavesOutputUntouched breaks the content and the
// templates in turn and checks that the previous site survives, byte for
// byte, with no half-written folder beside it.
func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		content string
		broken  string // a template to break, or ""
		script  bool   // whether to break a script of web/
		strict  bool
		want    string
	}{
		{
			name:    "front matter",
			content: "---\nid: t\ntitle: 甲\ncolour: 红\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n",
			want:    "content/a.md:4:1: unknown front matter key \"colour\"",
		},
		{
			name:    "numbering under -strict",
			content: "---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n\n三、丙。\n",
			strict:  true,
			want:    "content/a.md:11:1: warning treated as error (-strict): article 三、 follows 一、: 二 is missing",
		},
		{
			name:    "template",
			content: "---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n",
			broken:  "article.html",
			want:    "templates/article.html:1:",
		},
		{
			// The scripts are bundled while the content is read and
			// the pages are made; their failure still fails the build.
			name:    "script",
			content: "---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n",
			script:  true,
			want:    "site.ts",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			content := filepath.Join(dir, "content")
			out := filepath.Join(dir, "public")
			mustWrite(t, filepath.Join(content, "a.md"), tc.content)
			mustWrite(t, filepath.Join(out, "index.html"), "the previous site")
			mustWrite(t, filepath.Join(out, stampName), stampText)
			modRoot := root
			if tc.broken != "" {
				// A copy of the project's templates with one broken.
				modRoot = filepath.Join(dir, "project")
				entries, err := os.ReadDir(filepath.Join(root, "templates"))
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					data, err := os.ReadFile(filepath.Join(root, "templates", e.Name()))
					if err != nil {
						t.Fatal(err)
					}
					if e.Name() == tc.broken {
						data = []byte("{{define \"content\"}}{{.NoSuchField}}{{end}}")
					}
					mustWrite(t, filepath.Join(modRoot, "templates", e.Name()), string(data))
				}
				if err := os.Symlink(filepath.Join(root, "web"), filepath.Join(modRoot, "web")); err != nil {
					t.Fatal(err)
				}
			}
			if tc.script {
				modRoot = filepath.Join(dir, "project")
				copyTree(t, filepath.Join(root, "web"), filepath.Join(modRoot, "web"))
				mustWrite(t, filepath.Join(modRoot, "web", "site.ts"), "export const x = ;\n")
				if err := os.Symlink(filepath.Join(root, "templates"), filepath.Join(modRoot, "templates")); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Build(context.Background(), Options{
				ModuleRoot: modRoot,
				Content:    content,
				Out:        out,
				CacheDir:   t.TempDir(),
				Display:    dir,
				Strict:     tc.strict,
			})
			if err == nil {
				t.Fatal("build succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q lacks %q", err, tc.want)
			}
			got, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil || !bytes.Equal(got, []byte("the previous site")) {
				t.Errorf("previous site changed: %q, %v", got, err)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") {
					t.Errorf("left behind %s", e.Name())
				}
			}
			outEntries, _ := os.ReadDir(out)
			if len(outEntries) != 2 {
				t.Errorf("output folder holds %d entries, want the 2 of the previous site", len(outEntries))
			}
		})
	}
}

// TestRebuildIsByteIdentical renders the Work Rules twice and compares
// every file.
func TestRebuildIsByteIdentical(t *testing.T) {
	src := projectSources(t)
	a, err := Render(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two builds", a.Files[i].Path)
		}
	}
}

func mustWrite(t testing.TB, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// projectSources are the project's own content, templates and web sources,
// without the WebAssembly stage.
func projectSources(tb testing.TB) Sources {
	tb.Helper()
	root, err := FindModuleRoot(".")
	if err != nil {
		tb.Fatal(err)
	}
	return Sources{
		Content:      os.DirFS(filepath.Join(root, "content")),
		ContentDir:   "content",
		Templates:    os.DirFS(filepath.Join(root, "templates")),
		TemplatesDir: "templates",
		Web:          os.DirFS(filepath.Join(root, "web")),
		WebDir:       "web",
	}
}

// renderProject renders the site of the project's content.
func renderProject(tb testing.TB) *Report {
	tb.Helper()
	r, err := Render(context.Background(), projectSources(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestTwoStagesOneFile checks that a file made twice, by two stages, is
// refused rather than one silently overwriting the other.
func TestTwoStagesOneFile(t *testing.T) {
	v := newVersion()
	if err := v.add(outFile{File: site.File{Path: "assets/site.js", Data: []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	err := v.add(outFile{File: site.File{Path: "assets/site.js", Data: []byte("b")}})
	if err == nil || !strings.Contains(err.Error(), "two files would be written to assets/site.js") {
		t.Errorf("second add: %v", err)
	}
}
