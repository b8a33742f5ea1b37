package doc

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCorpusAddresses loads the whole corpus (about 1.5 s) and checks
// that every document gets an address of its own, without any address
// diagnostic. In -short mode it takes a sample with files of every
// folder instead.
func TestCorpusAddresses(t *testing.T) {
	src := corpusFS(t)
	var files int
	folders := map[string]int{}
	sample := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path.Ext(p) != ".md" || e.Name() == "README.md" {
			return err
		}
		files++
		dir := path.Dir(p)
		folders[dir]++
		// The first three files of every folder and every 20th file.
		if folders[dir] <= 3 || files%20 == 0 {
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			sample[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys, want := src, files
	if testing.Short() {
		t.Logf("-short: a sample of %d files from all %d folders; without -short, all %d files", len(sample), len(folders), files)
		fsys, want = sample, len(sample)
	}
	docs, err := Load(fsys, ".", "../shared/corpus")
	var list ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatal(err)
	}
	// Numbering problems of the corpus are the parser's tests' concern;
	// no problem may concern addresses or reading.
	for _, e := range list {
		if e.Pos.Line == 0 || strings.Contains(e.Msg, "address") || strings.Contains(e.Msg, "date") {
			t.Error(e)
		}
	}
	if len(docs) != want {
		t.Errorf("%d documents, want one for each of the %d files", len(docs), want)
	}
	checkAddresses(t, docs)
}

// checkAddresses checks that the documents have valid, distinct
// addresses; that a dated document without a part name has the address
// it had before part names and undated documents had addresses
// (DeriveSlug of its title and date), unless it is a second copy of the
// same text; and that the copies are exactly the documents that share
// title, part name and date with one that sorts before them.
func checkAddresses(t *testing.T, docs []*Document) {
	t.Helper()
	bySlug := map[string]string{}
	seen := map[string]string{} // title, part and date → first path
	copies := 0
	for _, d := range docs {
		if !validSlug(d.Slug) {
			t.Errorf("%s: address %q", d.Path, d.Slug)
			continue
		}
		if other, ok := bySlug[d.Slug]; ok {
			t.Errorf("%s: address %s is also that of %s", d.Path, d.Slug, other)
		}
		bySlug[d.Slug] = d.Path

		key := d.Meta.Title + "\n" + withoutBlanks(d.partName()) + "\n" + d.Meta.Date
		first, isCopy := seen[key]
		if !isCopy {
			seen[key] = d.Path
		}
		shared := 0
		for _, w := range d.Warnings {
			if w.Kind == "address.shared" {
				shared++
				if !strings.Contains(w.Msg, first) {
					t.Errorf("%s: %s: does not name %s", d.Path, w.Msg, first)
				}
			}
		}
		switch {
		case isCopy:
			copies++
			if shared != 1 {
				t.Errorf("%s: same title, part and date as %s, but %d address.shared warnings", d.Path, first, shared)
			}
		case shared > 0:
			t.Errorf("%s: address.shared warning, but no earlier document shares its title, part and date", d.Path)
		case d.Meta.Date == "":
			if !strings.HasPrefix(d.Slug, "undated-") {
				t.Errorf("%s: undated, address %s", d.Path, d.Slug)
			}
		case d.partName() == "":
			if want := DeriveSlug(d.Meta.Title, d.Meta.Date); d.Slug != want {
				t.Errorf("%s: address %s, want %s as before", d.Path, d.Slug, want)
			}
		}
	}
	t.Logf("%d documents, %d distinct addresses, %d copies of a text filed twice", len(docs), len(bySlug), copies)
}
