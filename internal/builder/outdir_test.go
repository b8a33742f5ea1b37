package builder

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// testProject copies a small project — go.mod, one document, the
// project's templates and web sources — into dir/project and returns the
// options of a build of it, without -out.
func testProject(t *testing.T, dir string) Options {
	t.Helper()
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(dir, "project")
	mustWrite(t, filepath.Join(project, "go.mod"), "module example\n")
	mustWrite(t, filepath.Join(project, "README.md"), "a project\n")
	mustWrite(t, filepath.Join(project, "content", "a.md"),
		"---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n\n二、乙。\n")
	for _, d := range []string{"templates", "web"} {
		copyTree(t, filepath.Join(root, d), filepath.Join(project, d))
	}
	return Options{
		ModuleRoot: project,
		Content:    filepath.Join(project, "content"),
		CacheDir:   filepath.Join(dir, "cache"),
		Display:    project,
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		mustWrite(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot describes every file, folder and link under dir, with the
// bytes of files and the text of links.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			text, err := os.Readlink(p)
			m[rel] = "link " + text
			return err
		case d.IsDir():
			m[rel] = "dir"
		default:
			data, err := os.ReadFile(p)
			m[rel] = "file " + string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	var diffs []string
	for p, v := range before {
		if after[p] != v {
			diffs = append(diffs, "changed or gone: "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "new: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("the disk changed:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestOutRefused points -out at what a build must never replace and
// checks that the build stops with a clear message before it writes
// anything anywhere.
func TestOutRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns -out
		want  string
	}{
		{"content folder", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "project", "content")
		}, "refusing to replace content/: it is the content folder"},
		{"inside content", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "project", "content", "public")
		}, "it is inside the content folder content/"},
		{"file", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "project", "README.md")
		}, "refusing to replace README.md: it is a file, not a folder"},
		{"module root", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "project")
		}, "it is the project root"},
		{"module root through a link", func(t *testing.T, dir string) string {
			link := filepath.Join(dir, "here")
			if err := os.Symlink("project", link); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(link, ".")
		}, "it is the project root"},
		{"parent of module root", func(t *testing.T, dir string) string {
			return dir
		}, "it contains the project root"},
		{"filesystem root", func(t *testing.T, dir string) string {
			return "/"
		}, "refusing to replace /: it contains the project root"},
		{"non-empty folder without stamp", func(t *testing.T, dir string) string {
			out := filepath.Join(dir, "mine")
			mustWrite(t, filepath.Join(out, "notes.txt"), "keep me")
			mustWrite(t, filepath.Join(out, "sub", "index.html"), "mine too")
			return out
		}, "mine/: it is not a site this tool built (no .rulesite stamp) and not empty; choose another folder or remove it yourself"},
		{"old site holding a Markdown file", func(t *testing.T, dir string) string {
			out := filepath.Join(dir, "public")
			for _, f := range []string{"index.html", "sw.js", "assets/site.css", "draft.md"} {
				mustWrite(t, filepath.Join(out, f), "x")
			}
			return out
		}, "no .rulesite stamp"},
		{"stamped site turned repository", func(t *testing.T, dir string) string {
			out := filepath.Join(dir, "public")
			mustWrite(t, filepath.Join(out, stampName), stampText)
			mustWrite(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
			return out
		}, "public/: it holds .git, which the build would delete"},
		{"link to the content folder", func(t *testing.T, dir string) string {
			link := filepath.Join(dir, "public")
			if err := os.Symlink(filepath.Join("project", "content"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is the content folder"},
		{"link inside the content folder", func(t *testing.T, dir string) string {
			if err := os.Mkdir(filepath.Join(dir, "site"), 0o755); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "project", "content", "public")
			if err := os.Symlink(filepath.Join(dir, "site"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is inside the content folder content/"},
		{"through a dangling link", func(t *testing.T, dir string) string {
			link := filepath.Join(dir, "site")
			if err := os.Symlink(filepath.Join("project", "content", "later"), link); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(link, "public")
		}, "site is a symbolic link to a folder that does not exist"},
		{"dangling link", func(t *testing.T, dir string) string {
			link := filepath.Join(dir, "public")
			if err := os.Symlink("releases/v1", link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "it is a symbolic link to releases/v1, which does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := testProject(t, dir)
			opts.Out = tc.setup(t, dir)
			before := snapshot(t, dir)
			_, err := build(context.Background(), opts, false)
			if err == nil {
				t.Fatal("build succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q lacks %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "-out "+opts.Out+": ") {
				t.Errorf("error %q does not start with -out %s", err, opts.Out)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// TestOutAccepted builds into what -out may name: nothing, an empty
// folder, a site of this tool, and a site of a version before the stamp.
func TestOutAccepted(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, out string)
	}{
		{"missing", func(t *testing.T, out string) {}},
		{"missing parent", func(t *testing.T, out string) {}},
		{"empty folder", func(t *testing.T, out string) {
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"stamped site", func(t *testing.T, out string) {
			mustWrite(t, filepath.Join(out, stampName), stampText)
			mustWrite(t, filepath.Join(out, "stale.html"), "an old page")
		}},
		{"site before the stamp", func(t *testing.T, out string) {
			for _, f := range []string{"index.html", "sw.js", "assets/site.css", "stale.html"} {
				mustWrite(t, filepath.Join(out, f), "old")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := testProject(t, dir)
			opts.Out = filepath.Join(dir, "public")
			if tc.name == "missing parent" {
				opts.Out = filepath.Join(dir, "a", "b", "public")
			}
			tc.setup(t, opts.Out)
			if _, err := build(context.Background(), opts, false); err != nil {
				t.Fatal(err)
			}
			checkSite(t, opts.Out)
			if _, err := os.Stat(filepath.Join(opts.Out, "stale.html")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("stale.html of the old site survived: %v", err)
			}
			noLeftovers(t, filepath.Dir(opts.Out))
		})
	}
}

// checkSite checks that out is a stamped site.
func checkSite(t *testing.T, out string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, stampName))
	if err != nil || string(data) != stampText {
		t.Errorf("stamp %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// noLeftovers checks that no temporary folder or link is left in dir.
func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("left behind %s", filepath.Join(dir, e.Name()))
		}
	}
}

// TestRebuildHardLinks checks that a rebuild links the files it does not
// change from the site it replaces, and replaces it in one step: a reader
// of the site never finds a page missing.
func TestRebuildHardLinks(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	first, err := os.Stat(filepath.Join(opts.Out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	stop := readWhile(t, filepath.Join(opts.Out, "index.html"))
	_, err = build(context.Background(), opts, false)
	stop()
	if err != nil {
		t.Fatal(err)
	}
	again, err := os.Stat(filepath.Join(opts.Out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, again) {
		t.Error("index.html was written again, not linked from the previous site")
	}
}

// TestOutSymlink builds through a deploy switch, public → releases/v12:
// the link stays a link, now to a new folder beside v12, switched in one
// step while a reader keeps reading through it; v12 goes, since this tool
// built it, and a target it did not build stays.
func TestOutSymlink(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	releases := filepath.Join(dir, "releases")
	v12 := filepath.Join(releases, "v12")
	opts.Out = v12
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "public")
	if err := os.Symlink(filepath.Join("releases", "v12"), link); err != nil {
		t.Fatal(err)
	}

	opts.Out = link
	stop := readWhile(t, filepath.Join(link, "index.html"))
	_, err := build(context.Background(), opts, false)
	stop()
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("public is no longer a link: %v, %v", st, err)
	}
	text, err := os.Readlink(link)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, filepath.Join("releases", "public-")) {
		t.Errorf("link text %q: want a relative link to releases/public-…", text)
	}
	checkSite(t, link)
	if _, err := os.Stat(v12); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old target, stamped, was not removed: %v", err)
	}
	noLeftovers(t, dir)
	noLeftovers(t, releases)

	// A target this tool did not build is left as it was.
	v11 := filepath.Join(releases, "v11")
	mustWrite(t, filepath.Join(v11, "mine.txt"), "keep me")
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(v11, link); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, v11)
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, before, snapshot(t, v11))
	checkSite(t, link)
	if text, _ := os.Readlink(link); !filepath.IsAbs(text) || filepath.Dir(text) != releases {
		t.Errorf("link text %q: want an absolute link into %s, as the old one was", text, releases)
	}
	noLeftovers(t, dir)
	noLeftovers(t, releases)
}

// readWhile reads the file p over and over until the returned function
// is called, which fails the test if any read failed.
func readWhile(t *testing.T, p string) (stop func()) {
	var done atomic.Bool
	var reads, misses int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !done.Load() {
			if _, err := os.ReadFile(p); err != nil {
				misses++
			}
			reads++
		}
	}()
	return func() {
		t.Helper()
		done.Store(true)
		wg.Wait()
		if misses > 0 {
			t.Errorf("%d of %d reads of %s failed while the site was replaced", misses, reads, p)
		}
	}
}

// TestLeftoversRemoved leaves what killed builds leave beside the output
// and checks that the next build removes only those that are its own and
// not in use: a temporary folder locked by a build in progress stays, and
// so do folders without the stamp or of another output.
func TestLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	leftover := func(name string, stamp bool) string {
		p := filepath.Join(dir, name)
		mustWrite(t, filepath.Join(p, "index.html"), "half a site")
		if stamp {
			mustWrite(t, filepath.Join(p, stampName), stampText)
		}
		return p
	}
	killed := leftover(".public.new-111", true)
	inUse := leftover(".public.new-222", true)
	foreign := leftover(".public.new-333", false)
	old := leftover(".public.new-444.old", true)
	other := leftover(".other.new-555", true)
	release, err := lockDir(inUse)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := build(context.Background(), opts, false); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{killed: false, inUse: true, foreign: true, old: false, other: true} {
		_, err := os.Stat(p)
		if got := err == nil; got != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), got, want)
		}
	}
	checkSite(t, opts.Out)
}

// TestConcurrentBuilds runs two builds into one folder at once: each
// keeps its temporary folder from the other, and both succeed.
func TestConcurrentBuilds(t *testing.T) {
	dir := t.TempDir()
	opts := testProject(t, dir)
	opts.Out = filepath.Join(dir, "public")
	errs := make(chan error, 2)
	for i := 0; i < 2; i++ {
		go func() {
			_, err := build(context.Background(), opts, false)
			errs <- err
		}()
	}
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	checkSite(t, opts.Out)
	noLeftovers(t, dir)

	// The same through a link.
	releases := filepath.Join(dir, "releases")
	if err := os.Mkdir(releases, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(opts.Out, filepath.Join(releases, "v1")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("releases", "v1"), opts.Out); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		go func() {
			_, err := build(context.Background(), opts, false)
			errs <- err
		}()
	}
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	checkSite(t, opts.Out)
	noLeftovers(t, dir)
	noLeftovers(t, releases)
}
