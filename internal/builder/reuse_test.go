package builder

import (
	"bytes"
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRebuildKeepsPages edits a small library in the ways editors do and
// rebuilds after each edit: the pages of exactly the documents whose
// pages depend on the edit (and the pages of versions of the groups it
// touches) are rendered again, the others are kept from the previous
// site, the search index is kept when its text is unchanged, and the
// site is the one a fresh build makes, byte for byte. The counts are of
// sets kept: a document's pages, a group's page of versions; -1 for a
// build that finds nothing changed and writes nothing.
func TestRebuildKeepsPages(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	content := opts.Content
	os.Remove(filepath.Join(content, "a.md"))
	doc := func(name, id, title, date, body string) {
		mustWrite(t, filepath.Join(content, name), "---\nid: "+id+"\ntitle: "+title+"\ndate: "+date+"\n---\n\n# "+title+"\n\n"+body)
	}
	doc("a.md", "a", "甲法", "2020-01-01", "第一条 甲。\n\n第二条 依照《乙条例》第二条办理。\n")
	doc("b.md", "b", "乙条例", "2020-01-01", "第一条 乙。\n\n第二条 乙二。\n")
	doc("c1.md", "c1", "丙办法", "2010-01-01", "第一条 丙。\n\n第二条 丙二。\n")
	doc("c2.md", "c2", "丙办法", "2015-01-01", "第一条 丙。\n\n第二条 丙二修改。\n")
	doc("d.md", "d", "丁规定", "2020-01-01", "第一条 丁。\n\n第二条 丁二。\n")

	n := 0
	rebuild := func(what string, keptWant int, indexKept bool, change func()) {
		t.Helper()
		change()
		r, err := build(context.Background(), opts, false)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if r.Unchanged != (keptWant < 0) {
			t.Errorf("%s: the build found nothing to do: %v", what, r.Unchanged)
		}
		if keptWant < 0 {
			// Nothing to do: the site in place is left as it is.
		} else if got := keptDocs(r); got != keptWant {
			t.Errorf("%s: %d sets of pages kept, want %d", what, got, keptWant)
		}
		if got := keptIndex(r); got != indexKept {
			t.Errorf("%s: search index kept %v, want %v", what, got, indexKept)
		}
		n++
		fresh := opts
		fresh.Out = filepath.Join(dir, "fresh"+strconv.Itoa(n))
		fresh.CacheDir = filepath.Join(dir, "cache-fresh"+strconv.Itoa(n))
		if _, err := build(context.Background(), fresh, false); err != nil {
			t.Fatal(err)
		}
		sameTrees(t, what, fresh.Out, opts.Out)
	}
	rebuild("first build", 0, false, func() {})
	rebuild("nothing changed", -1, false, func() {})
	rebuild("a cited article edited", 7, false, func() {
		doc("b.md", "b", "乙条例", "2020-01-01", "第一条 乙。\n\n第二条 乙二改。\n")
	})
	rebuild("the citing document's title changed", 6, false, func() {
		doc("a.md", "a", "甲新法", "2020-01-01", "第一条 甲。\n\n第二条 依照《乙条例》第二条办理。\n")
	})
	rebuild("a reference that no longer resolves", 6, false, func() {
		doc("a.md", "a", "甲新法", "2020-01-01", "第一条 甲。\n\n第二条 依照《乙条例》第九条办理。\n")
	})
	rebuild("a new version of a document", 6, false, func() {
		doc("c3.md", "c3", "丙办法", "2020-06-01", "第一条 丙。\n\n第二条 丙二再修改。\n")
	})
	rebuild("a document the others cite appears", 8, false, func() {
		doc("e.md", "e", "戊规定", "2020-01-01", "第一条 戊。\n")
		doc("d.md", "d", "丁规定", "2020-01-01", "第一条 丁。\n\n第二条 丁二，依照《己规定》。\n")
	})
	rebuild("the cited document appears", 11, false, func() {
		doc("f.md", "f", "己规定", "2020-01-01", "第一条 己。\n")
	})
	rebuild("a page removed from the built site by hand", 13, true, func() {
		os.Remove(filepath.Join(opts.Out, "e", "1.html"))
	})
	rebuild("the content folder moved", 14, true, func() {
		moved := filepath.Join(opts.ModuleRoot, "texts")
		if err := os.Rename(content, moved); err != nil {
			t.Fatal(err)
		}
		opts.Content, content = moved, moved
	})
	rebuild("a template changed", 0, true, func() {
		p := filepath.Join(opts.ModuleRoot, "templates", "article.html")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, p, string(data)+"\n")
	})
	rebuild("the published address changed", 0, true, func() { opts.BaseURL = "http://10.1.2.3/guize/" })
	rebuild("the cache's record is of another site", 0, false, func() {
		// Another build, with another cache, puts another site in
		// its place.
		other := opts
		other.CacheDir = filepath.Join(dir, "cache-other")
		other.BaseURL = "http://10.9.9.9/"
		if _, err := build(context.Background(), other, false); err != nil {
			t.Fatal(err)
		}
	})
	rebuild("the record damaged", 0, false, func() {
		matches, _ := filepath.Glob(filepath.Join(opts.CacheDir, "pages-*"))
		if len(matches) != 1 {
			t.Fatalf("records in the cache: %v, want one", matches)
		}
		mustWrite(t, matches[0], "rulesite pages 1\ncode x\n")
	})
	// A status depends on the day: the pages of a version that comes
	// into force, and of the others of its document, are made again.
	opts.AsOf = "2026-12-01"
	rebuild("the day given, statuses unchanged", 14, true, func() {})
	rebuild("a version not yet in force", 10, false, func() {
		doc("c4.md", "c4", "丙办法", "2030-06-01", "第一条 丙。\n\n第二条 丙二将修改。\n")
	})
	rebuild("the day it comes into force", 10, false, func() { opts.AsOf = "2031-01-01" })
}

var keptRE = regexp.MustCompile(`; (\d+) of \d+ sets unchanged`)

// keptDocs is the number of sets of pages a build kept (a document's
// pages, a page of versions), as its pages stage says.
func keptDocs(r *Report) int {
	for _, s := range r.Stages {
		if s.Name == "pages" {
			if m := keptRE.FindStringSubmatch(s.Summary); m != nil {
				n, _ := strconv.Atoi(m[1])
				return n
			}
		}
	}
	return 0
}

// keptIndex tells whether a build kept the previous search index.
func keptIndex(r *Report) bool {
	for _, s := range r.Stages {
		if s.Name == "search" {
			return strings.HasSuffix(s.Summary, ", unchanged")
		}
	}
	return false
}

// sameTrees reports every file that differs between two sites, or that
// one has and the other lacks.
func sameTrees(t *testing.T, what, want, got string) {
	t.Helper()
	read := func(root string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			data, err := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b := read(want), read(got)
	for p, data := range a {
		if other, ok := b[p]; !ok {
			t.Errorf("%s: %s missing from the rebuilt site", what, p)
		} else if !bytes.Equal(data, other) {
			t.Errorf("%s: %s differs from a fresh build's", what, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s: %s is in the rebuilt site, not in a fresh build's", what, p)
		}
	}
}

// TestRaiseMemoryLimit checks that the build raises a limit the program
// set for a library that needs more, never lowers one, and leaves a
// process without a limit as it is.
func TestRaiseMemoryLimit(t *testing.T) {
	if os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOMEMLIMIT is set: the build leaves the limit to it")
	}
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	debug.SetMemoryLimit(math.MaxInt64)
	raiseMemoryLimit(1 << 30)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("no limit: now %d", got)
	}
	debug.SetMemoryLimit(768 << 20)
	raiseMemoryLimit(10 << 20)
	if got := debug.SetMemoryLimit(-1); got != 768<<20 {
		t.Errorf("a small library: limit %d, want it unchanged", got)
	}
	raiseMemoryLimit(500 << 20)
	if got := debug.SetMemoryLimit(-1); got != 500<<20*heapPerContentByte {
		t.Errorf("a large library: limit %d, want %d", got, 500<<20*heapPerContentByte)
	}
}

// TestRebuildKeepsPagesManifest checks that the addresses the content's
// manifest publishes are checked in kept pages as in rendered ones: the
// anchors of a kept page are there, and one it lacks fails the rebuild.
func TestRebuildKeepsPagesManifest(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	manifest := filepath.Join(opts.Content, ManifestFile)
	published := "index.html\nt/1.html\nt/2.html\n"
	mustWrite(t, manifest, published)
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	published += "t/2.html#article-title\n"
	mustWrite(t, manifest, published)
	r, err := build(context.Background(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	if keptDocs(r) == 0 {
		t.Error("the rebuild kept no pages")
	}
	mustWrite(t, manifest, published+"t/2.html#no-such-anchor\n")
	if _, err := build(context.Background(), opts, false); err == nil || !strings.Contains(err.Error(), "no-such-anchor") {
		t.Fatalf("a published anchor missing from a kept page: got %v", err)
	}
}

// TestRecordsPruned checks that the cache keeps the records of the
// output folders built last, and no others.
func TestRecordsPruned(t *testing.T) {
	dir := t.TempDir()
	base := time.Now().Add(-time.Hour)
	for i := range 5 {
		p := filepath.Join(dir, "pages-"+strconv.Itoa(i))
		mustWrite(t, p, "x")
		at := base.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(t, filepath.Join(dir, "web-0"), "x")
	pruneCache(dir, "pages", 2)
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, " ") != "pages-3 pages-4 web-0" {
		t.Errorf("left %v, want the two newest records and the other kind's entry", left)
	}
}
