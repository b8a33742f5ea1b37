package builder

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rulesite/internal/site"
)

// TestRebuildByDigests changes one article and rebuilds: the files whose
// digests the previous build listed unchanged are linked, the changed
// page, a file edited by hand since and every file of a site without the
// list are written or compared afresh, and the result is the same as a
// fresh build's.
func TestRebuildByDigests(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	list, err := os.ReadFile(filepath.Join(opts.Out, filesName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(list, []byte(" t/1.html\n")) || !bytes.Contains(list, []byte(" index.html\n")) {
		t.Fatalf("%s does not list the pages:\n%s", filesName, list)
	}
	stat := func(p string) os.FileInfo {
		t.Helper()
		st, err := os.Stat(filepath.Join(opts.Out, p))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	first, second, css := stat("t/1.html"), stat("t/2.html"), stat("assets/site.css")
	// An editor changes article 二; someone edits the style sheet of the
	// built site by hand.
	mustWrite(t, filepath.Join(opts.Content, "a.md"), "---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n\n二、乙丙。\n")
	mustWrite(t, filepath.Join(opts.Out, "assets", "site.css"), "edited")
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, stat("t/1.html")) {
		t.Error("t/1.html, unchanged, was written again rather than linked")
	}
	if os.SameFile(second, stat("t/2.html")) {
		t.Error("t/2.html, changed, was linked from the previous site")
	}
	if os.SameFile(css, stat("assets/site.css")) {
		t.Error("assets/site.css, edited by hand, was linked from the previous site")
	}
	data, err := os.ReadFile(filepath.Join(opts.Out, "t", "2.html"))
	if err != nil || !strings.Contains(string(data), "乙丙") {
		t.Errorf("t/2.html lacks the new text (%v)", err)
	}

	// A site without the list (built by an older version) is compared
	// byte by byte, and unchanged files are still linked.
	os.Remove(filepath.Join(opts.Out, filesName))
	first = stat("t/1.html")
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, stat("t/1.html")) {
		t.Error("without a list, t/1.html was written again rather than linked")
	}

	// The output is the one a fresh build makes, the list included.
	fresh := opts
	fresh.Out = filepath.Join(dir, "fresh")
	if _, err := build(context.Background(), fresh, false); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filesName, "assets/site.css", "t/2.html", "index.html"} {
		a, _ := os.ReadFile(filepath.Join(opts.Out, p))
		b, _ := os.ReadFile(filepath.Join(fresh.Out, p))
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s differs from a fresh build's", p)
		}
	}
}

// TestDerivedCache builds twice with one cache folder: the second build
// takes the bundle, its compressed size and the module's base64 from the
// cache, with the same bytes and the same summary; a damaged entry is
// made again.
func TestDerivedCache(t *testing.T) {
	src := projectSources(t)
	src.Cache = t.TempDir()
	a, err := bundle(src)
	how := a.summary
	if err != nil || strings.HasSuffix(how, "(cached)") || !strings.Contains(how, "gzip") {
		t.Fatalf("first bundle: %q, %v", how, err)
	}
	b, err := bundle(src)
	if err != nil || b.summary != how+" (cached)" {
		t.Fatalf("second bundle: %q, %v; the first said %q", b.summary, err, how)
	}
	same := func(x, y []site.File) bool {
		if len(x) == 0 || len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i].Path != y[i].Path || !bytes.Equal(x[i].Data, y[i].Data) {
				return false
			}
		}
		return true
	}
	if !same(a.files, b.files) {
		t.Fatalf("cached bundle differs from the fresh one")
	}
	entries, _ := filepath.Glob(filepath.Join(src.Cache, "web-[0-9a-f]*"))
	sizes, _ := filepath.Glob(filepath.Join(src.Cache, "web-gzip-*"))
	if len(entries) != 1 || len(sizes) != 1 {
		t.Fatalf("cache entries %v, %v", entries, sizes)
	}
	os.WriteFile(entries[0], []byte("assets/site.js\n999\nshort"), 0o644)
	os.WriteFile(sizes[0], []byte("x"), 0o644)
	c, err := bundle(src)
	if err != nil || !same(a.files, c.files) || c.summary != how {
		t.Errorf("damaged entries: %q, %v; want %q", c.summary, err, how)
	}
}

func TestPackFiles(t *testing.T) {
	in := map[string][]byte{"b": []byte("x\ny"), "a": nil, "c/d.js": []byte("12\n")}
	out, err := unpackFiles(packFiles(in))
	if err != nil || len(out) != len(in) {
		t.Fatalf("%v, %v", out, err)
	}
	for p := range in {
		if !bytes.Equal(in[p], out[p]) {
			t.Errorf("%s: %q, want %q", p, out[p], in[p])
		}
	}
}

// TestDigestCached checks the digests kept in the cache against the
// files' own, before and after the entry is damaged or disagrees with
// the files.
func TestDigestCached(t *testing.T) {
	dir := t.TempDir()
	files := []site.File{{Path: "a", Data: []byte("rules")}, {Path: "b", Data: nil}, {Path: "c", Data: bytes.Repeat([]byte("x"), 1000)}}
	check := func(what string) {
		t.Helper()
		out, err := digestCached(dir, "sums", "k", files)
		if err != nil || len(out) != len(files) {
			t.Fatalf("%s: %d digests, %v", what, len(out), err)
		}
		for i, f := range files {
			if out[i].Path != f.Path || out[i].Sum != digest(f.Data) {
				t.Errorf("%s: %s has digest %v, want %v", what, f.Path, out[i].Sum, digest(f.Data))
			}
		}
	}
	check("first")
	check("from the cache")
	entry := filepath.Join(dir, "sums-k")
	for _, bad := range []string{"", "garbage\n", "5 00\n0 00\n1000 00\n", "6 " + strings.Repeat("0", 32) + "\n"} {
		os.WriteFile(entry, []byte(bad), 0o644)
		check(fmt.Sprintf("damaged entry %q", bad))
	}
}
