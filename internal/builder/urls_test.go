package builder

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPublishedURLs builds the site from content/ and checks its manifest
// both ways. The build itself fails when an address the manifest lists no
// longer leads to its page and anchor (checkManifest); this test adds the
// other direction for the project's own content: every address the site
// publishes must be in the manifest, so that new ones are added on
// purpose. -update adds them, as go run ./cmd/build -write-manifest does;
// review the diff.
func TestPublishedURLs(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	r := renderProject(t)
	checked := false
	for _, s := range r.Stages {
		if s.Name == "manifest" && strings.HasSuffix(s.Summary, " addresses checked") {
			checked = true
		}
	}
	if !checked {
		t.Errorf("the build did not check content/%s: %+v", ManifestFile, r.Stages)
	}

	built := fstest.MapFS{}
	for _, f := range r.Files {
		if path.Ext(f.Path) == ".html" {
			built[f.Path] = &fstest.MapFile{Data: f.Data}
		}
	}
	content := os.DirFS(filepath.Join(root, "content"))
	manifest, problems, err := LoadManifest(content, "content")
	if err == nil {
		err = problems.Err()
	}
	if err != nil {
		t.Fatal(err)
	}
	redirects, _, err := LoadRedirects(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	addresses, err := PublishedAddresses(built, redirects, manifest)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := writeFileAtomic(filepath.Join(root, "content", ManifestFile), FormatManifest(addresses)); err != nil {
			t.Fatal(err)
		}
		return
	}
	if manifest == nil || len(manifest.Entries) == 0 {
		t.Fatalf("content/%s lists no address (create it with -update and review it)", ManifestFile)
	}
	listed := map[string]bool{}
	for _, e := range manifest.Entries {
		listed[e.Address()] = true
	}
	var added []string
	for _, u := range addresses {
		if !listed[u] {
			added = append(added, u)
		}
	}
	sort.Strings(added)
	if len(added) > 0 {
		t.Errorf("%d new addresses are not in content/%s (run with -update and review):\n%s", len(added), ManifestFile, strings.Join(added, "\n"))
	}
}
