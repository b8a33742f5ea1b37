package builder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
// takes the bundle and the module's base64 from the cache, with the same
// bytes; a damaged entry is made again.
func TestDerivedCache(t *testing.T) {
	src := projectSources(t)
	src.Cache = t.TempDir()
	a, how, err := bundle(src)
	if err != nil || how != "" {
		t.Fatalf("first bundle: %q, %v", how, err)
	}
	b, how, err := bundle(src)
	if err != nil || how != " (cached)" {
		t.Fatalf("second bundle: %q, %v", how, err)
	}
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("cached bundle has %d files, fresh %d", len(b), len(a))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("cached %s differs", p)
		}
	}
	entries, _ := filepath.Glob(filepath.Join(src.Cache, "web-*"))
	if len(entries) != 1 {
		t.Fatalf("cache entries %v", entries)
	}
	os.WriteFile(entries[0], []byte("assets/site.js\n999\nshort"), 0o644)
	c, _, err := bundle(src)
	if err != nil || !bytes.Equal(c["assets/site.js"], a["assets/site.js"]) {
		t.Errorf("damaged entry: %v", err)
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
