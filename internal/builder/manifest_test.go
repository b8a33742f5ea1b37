package builder

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// manifestDoc is a document of three articles; the second has two items.
const manifestDoc = "---\nid: t\ntitle: 甲\ndate: 2024-01-01\n---\n\n# 甲\n\n一、甲。\n\n二、乙：\n\n（一）子；\n\n（二）丑。\n\n三、丙。\n"

// TestManifestFailsBuild removes a published article and checks that
// the build fails at the manifest's line and column and leaves the
// previous site as it was, with nothing half-written beside it.
func TestManifestFailsBuild(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	out := filepath.Join(dir, "public")
	// Article 三 is gone; the manifest still lists it.
	mustWrite(t, filepath.Join(content, "a.md"), strings.TrimSuffix(manifestDoc, "三、丙。\n"))
	mustWrite(t, filepath.Join(content, ManifestFile), "# published\nt/1.html\nt/2.html#i2\n t/3.html\nt/3.html#p1\n")
	mustWrite(t, filepath.Join(out, "index.html"), "the previous site")
	mustWrite(t, filepath.Join(out, stampName), stampText)
	_, err = Build(context.Background(), Options{
		ModuleRoot: root,
		Content:    content,
		Out:        out,
		CacheDir:   t.TempDir(),
		Display:    dir,
	})
	if err == nil {
		t.Fatal("build succeeded")
	}
	for _, want := range []string{
		"content/published-urls.txt:4:2: published address t/3.html is gone",
		"content/published-urls.txt:5:1: published address t/3.html#p1 is gone",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("%d problems reported, want 2:\n%v", n, err)
	}
	got, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || string(got) != "the previous site" {
		t.Errorf("previous site changed: %q, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "content" && e.Name() != "public" {
			t.Errorf("left behind %s", e.Name())
		}
	}
	if outEntries, _ := os.ReadDir(out); len(outEntries) != 2 {
		t.Errorf("output folder holds %d entries, want the 2 of the previous site (its page and stamp)", len(outEntries))
	}
}

// TestWriteManifest follows a content folder through its life: without a
// manifest it is not checked; -write-manifest writes one that the next
// build passes; removing an article or an item then fails the build
// until a redirect moves the article; writing again keeps the moved
// addresses and rewrites nothing when nothing changed.
func TestWriteManifest(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	out := filepath.Join(dir, "public")
	mustWrite(t, filepath.Join(content, "a.md"), manifestDoc)
	opts := Options{Content: content, Out: out, Display: dir}
	src := projectSources(t)
	src.Content = os.DirFS(content)

	r := renderTo(t, src, out)
	if s := stageSummary(r, "manifest"); !strings.HasPrefix(s, "none: content has no published-urls.txt") {
		t.Errorf("manifest stage without a manifest: %q", s)
	}

	total, added, err := WriteManifest(opts)
	if err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(content, ManifestFile)
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nindex.html\n", "\nsearch.html\n", "\nt/index.html\n", "\nt/2.html\n", "\nt/2.html#i2\n", "\nt/3.html#p1\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("manifest lacks %q:\n%s", strings.TrimSpace(want), data)
		}
	}
	if lines := strings.Count(string(data), "\n") - strings.Count(manifestHeader, "\n"); total != lines || added != total {
		t.Errorf("WriteManifest: %d addresses, %d new; the file lists %d", total, added, lines)
	}
	entries, _ := os.ReadDir(content)
	if len(entries) != 2 {
		t.Errorf("content folder holds %d files, want a.md and the manifest", len(entries))
	}

	r = renderTo(t, src, out)
	if s, want := stageSummary(r, "manifest"), fmt.Sprintf("%d addresses checked", total); s != want {
		t.Errorf("manifest stage: %q, want %q", s, want)
	}

	// Article 三 removed, and item （二） of article 二.
	mustWrite(t, filepath.Join(content, "a.md"), strings.Replace(strings.TrimSuffix(manifestDoc, "\n三、丙。\n"), "（一）子；\n\n（二）丑。", "（一）子。", 1))
	_, err = Render(context.Background(), src)
	if err == nil {
		t.Fatal("build succeeded without article 三 and item （二）")
	}
	for _, want := range []string{
		`published address t/2.html#i2 is gone: t/2.html has no element with id "i2"`,
		"published address t/3.html is gone",
		"published address t/3.html#p1 is gone",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}

	// Article 三 merged into article 二, item （二） restored: a redirect keeps
	// its addresses.
	mustWrite(t, filepath.Join(content, "a.md"), strings.Replace(strings.TrimSuffix(manifestDoc, "\n三、丙。\n"), "乙：", "乙、丙：", 1))
	mustWrite(t, filepath.Join(content, "redirects.txt"), "t/3.html t/2.html\n")
	r = renderTo(t, src, out)
	if !strings.HasSuffix(stageSummary(r, "manifest"), " addresses checked") {
		t.Errorf("manifest stage: %q", stageSummary(r, "manifest"))
	}
	if page, err := os.ReadFile(filepath.Join(out, "t", "3.html")); err != nil || !bytes.Contains(page, []byte(`<a id="moved-to" href="../t/2.html">`)) {
		t.Errorf("no redirect page t/3.html: %v\n%s", err, page)
	}

	// Writing again keeps the addresses behind the redirect, and leaves an
	// unchanged manifest alone.
	total2, added2, err := WriteManifest(opts)
	if err != nil {
		t.Fatal(err)
	}
	if total2 != total || added2 != 0 {
		t.Errorf("second WriteManifest: %d addresses, %d new; want %d, 0", total2, added2, total)
	}
	again, err := os.ReadFile(manifest)
	if err != nil || !bytes.Equal(again, data) {
		t.Errorf("manifest changed after the article moved (%v):\n%s", err, again)
	}
}

// TestRunWriteManifest runs the build command with -write-manifest.
func TestRunWriteManifest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site, WebAssembly included")
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	mustWrite(t, filepath.Join(content, "a.md"), manifestDoc)
	var stdout, stderr bytes.Buffer
	args := []string{"-content", content, "-out", filepath.Join(dir, "public"), "-cache", DefaultCacheDir(), "-write-manifest"}
	if err := Run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, want := range []string{"\nmanifest none: ", "/published-urls.txt: "} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if _, err := os.Stat(filepath.Join(content, ManifestFile)); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if err := Run(context.Background(), args[:len(args)-1], &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), " addresses checked") {
		t.Errorf("second build did not check the manifest:\n%s", stdout.String())
	}
}

// renderTo renders the site and writes it into out, as the build would,
// for WriteManifest to read; it fails the test if the build fails.
func renderTo(t *testing.T, src Sources, out string) *Report {
	t.Helper()
	r, err := Render(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Files {
		mustWrite(t, filepath.Join(out, filepath.FromSlash(f.Path)), string(f.Data))
	}
	return r
}

func stageSummary(r *Report, name string) string {
	for _, s := range r.Stages {
		if s.Name == name {
			return s.Summary
		}
	}
	return ""
}
