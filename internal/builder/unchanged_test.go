package builder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnchangedSite builds a small library, then builds it again with
// nothing changed: the second build writes nothing (the site's folder and
// files are the same inodes), prints the first build's warnings and
// figures, and reports its counts. Every change to an input, to the
// options or to the site in place makes it build again, and the site is
// then the one a fresh build makes.
func TestUnchangedSite(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	// A skipped number, for a warning to report.
	mustWrite(t, filepath.Join(opts.Content, "a.md"),
		"---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲，依照《乙条例》办理。\n\n三、丙。\n")
	var first bytes.Buffer
	opts.Log = &first
	r, err := build(context.Background(), opts, false)
	if err != nil || r.Unchanged {
		t.Fatalf("first build: unchanged %v, %v", r != nil && r.Unchanged, err)
	}
	tail := func(log string) string {
		_, after, ok := strings.Cut(log, "\ntotal ")
		if !ok {
			t.Fatalf("no total in %q", log)
		}
		_, after, _ = strings.Cut(after, "\n")
		return after
	}
	if !strings.Contains(tail(first.String()), "warnings 1 ") {
		t.Fatalf("first build printed no warning:\n%s", first.String())
	}

	same := func(what string) {
		t.Helper()
		before, err := os.Stat(filepath.Join(opts.Out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		folder, _ := os.Stat(opts.Out)
		var log bytes.Buffer
		opts.Log = &log
		r, err := build(context.Background(), opts, false)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !r.Unchanged || r.Docs != 1 || r.Articles != 2 {
			t.Fatalf("%s: unchanged %v, %d documents, %d articles; want true, 1, 2", what, r.Unchanged, r.Docs, r.Articles)
		}
		after, _ := os.Stat(filepath.Join(opts.Out, "index.html"))
		folderAfter, _ := os.Stat(opts.Out)
		if !os.SameFile(before, after) || !os.SameFile(folder, folderAfter) {
			t.Errorf("%s: the site was written again", what)
		}
		if got, want := tail(log.String()), tail(first.String()); got != want {
			t.Errorf("%s: printed\n%s\nwant the first build's\n%s", what, got, want)
		}
		if !strings.HasPrefix(log.String(), "check ") || !strings.Contains(log.String(), "nothing written") {
			t.Errorf("%s: printed %q", what, log.String())
		}
	}
	n := 0
	again := func(what string, change func()) {
		t.Helper()
		change()
		opts.Log = nil
		r, err := build(context.Background(), opts, false)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if r.Unchanged {
			t.Errorf("%s: the build found nothing to do", what)
		}
		n++
		fresh := opts
		fresh.Out = filepath.Join(dir, "fresh", what)
		fresh.CacheDir = filepath.Join(dir, "cache-fresh", what)
		if _, err := build(context.Background(), fresh, false); err != nil {
			t.Fatal(err)
		}
		sameTrees(t, what, fresh.Out, opts.Out)
		same(what + ", then nothing")
	}

	same("nothing changed")
	same("nothing changed, twice")
	again("a file added to the site by hand", func() {
		mustWrite(t, filepath.Join(opts.Out, "notes.html"), "mine")
	})
	again("a file of the site shortened", func() {
		mustWrite(t, filepath.Join(opts.Out, "t", "1.html"), "short")
	})
	again("a page removed", func() {
		if err := os.Remove(filepath.Join(opts.Out, "t", "3.html")); err != nil {
			t.Fatal(err)
		}
	})
	again("a file beside the texts", func() {
		mustWrite(t, filepath.Join(opts.Content, "notes.txt"), "a note")
	})
	again("a text changed", func() {
		mustWrite(t, filepath.Join(opts.Content, "a.md"),
			"---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲，依照《乙条例》办理。\n\n三、丁。\n")
	})
	// appendLine adds a line to a file of the project.
	appendLine := func(elem ...string) {
		p := filepath.Join(append([]string{opts.ModuleRoot}, elem...)...)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, p, string(data)+"\n")
	}
	again("a script changed", func() { appendLine("web", "site.css") })
	again("a template changed", func() { appendLine("templates", "home.html") })
	again("the day given", func() { opts.AsOf = "2026-01-01" })
	again("the published address", func() { opts.BaseURL = "http://10.1.2.3/guize/" })
	again("the record removed", func() {
		matches, _ := filepath.Glob(filepath.Join(opts.CacheDir, "pages-*"))
		for _, m := range matches {
			os.Remove(m)
		}
	})
	again("the record damaged", func() {
		matches, _ := filepath.Glob(filepath.Join(opts.CacheDir, "pages-*"))
		if len(matches) != 1 {
			t.Fatalf("records: %v", matches)
		}
		data, _ := os.ReadFile(matches[0])
		mustWrite(t, matches[0], strings.Replace(string(data), "report ", "report 9", 1))
	})
	// -strict turns the warning into an error: the build fails, and the
	// site stays as it was.
	opts.Strict = true
	if _, err := build(context.Background(), opts, false); err == nil {
		t.Error("-strict: the build found nothing to do instead of failing on the warning")
	}
}

// TestUnchangedSiteWithModule builds the project's own site, with its
// WebAssembly module, twice: the second build finds nothing changed,
// the module's key (asked of the go command) being the one the first
// build recorded.
func TestUnchangedSiteWithModule(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{ModuleRoot: root, Content: filepath.Join(root, "content"), Out: filepath.Join(t.TempDir(), "public"), CacheDir: DefaultCacheDir(), AsOf: "2026-01-01"}
	for i, want := range []bool{false, true} {
		r, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if r.Unchanged != want {
			t.Errorf("build %d: unchanged %v, want %v", i+1, r.Unchanged, want)
		}
	}
}
