package doc

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// corpusDir is the shared corpus, ../shared/corpus from the project root.
const corpusDir = "../../../shared/corpus"

// corpusFS returns the corpus, or skips the test where it is absent.
func corpusFS(tb testing.TB) fs.FS {
	tb.Helper()
	if _, err := os.Stat(path.Join(corpusDir, "README.md")); err != nil {
		tb.Skipf("corpus not found at ../shared/corpus (relative to the project root): %v", err)
	}
	return os.DirFS(corpusDir)
}

// loadCorpus parses the corpus and fails the test on any error; the
// documents are returned all the same, so that their warnings can be
// counted.
func loadCorpus(t *testing.T, fsys fs.FS) []*Document {
	t.Helper()
	docs, err := Load(fsys, ".", "../shared/corpus")
	if err != nil {
		var list ErrorList
		if !errors.As(err, &list) {
			t.Fatal(err)
		}
		for _, e := range list {
			t.Error(e)
		}
	}
	return docs
}

// TestCorpusAll parses every file of the corpus: none may fail, a
// document whose file name has a date must have that date, every dated
// document an address, and a document whose header names the body that
// made it a kind.
// Irregularities of the published texts are warnings, counted by kind.
func TestCorpusAll(t *testing.T) {
	if testing.Short() {
		t.Skip("parsing the whole corpus is skipped in -short mode; TestCorpusSample covers a sample")
	}
	docs := loadCorpus(t, corpusFS(t))
	articles := 0
	kinds := map[string]int{}
	for _, d := range docs {
		articles += len(d.Articles)
		kinds[d.Meta.Kind]++
		if want := fileDate(d.Path); want != "" && d.Meta.Date != want {
			t.Errorf("%s: date %q, want %q from the file name", d.Path, d.Meta.Date, want)
		}
		prefix := d.Meta.Date + "-"
		if d.Meta.Date == "" {
			prefix = "undated-"
		}
		if !validSlug(d.Slug) || !strings.HasPrefix(d.Slug, prefix) {
			t.Errorf("%s: address %q", d.Path, d.Slug)
		}
		if d.Meta.Kind == "" && slices.ContainsFunc(d.Header, func(l string) bool { _, ok := eventText(l); return ok }) {
			t.Errorf("%s: no kind inferred from header %q", d.Path, d.Header)
		}
	}
	logWarnings(t, docs)
	t.Logf("%d documents, %d articles; kinds %v", len(docs), articles, kinds)
	if len(docs) < 780 {
		t.Errorf("got %d documents, want the whole corpus", len(docs))
	}
}

// logWarnings logs the warnings of docs, counted by kind, and fails on a
// warning without a kind or a reader's note where a unit is named.
func logWarnings(t *testing.T, docs []*Document) {
	t.Helper()
	byKind := map[string]int{}
	for _, d := range docs {
		for _, w := range d.Warnings {
			byKind[w.Kind]++
			if testing.Verbose() {
				t.Log(w)
			}
			if !w.Warning || w.Kind == "" {
				t.Errorf("%s: warning without a kind", w)
			}
			if w.Unit != "" && w.Note == "" {
				t.Errorf("%s: warning about %s without a note for readers", w, w.Unit)
			}
		}
	}
	kinds := slices.Sorted(maps.Keys(byKind))
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, " %s=%d", k, byKind[k])
	}
	t.Logf("%d documents; warnings by kind:%s", len(docs), b.String())
}

// TestCorpusKinds pins the kind inferred for a document of each rule of
// InferKind.
func TestCorpusKinds(t *testing.T) {
	want := map[string]string{
		"state-council/护士条例(2020-03-27).md":                        KindAdministrative,
		"state-council/上海航运交易所管理规定(1996-10-03).md":                 KindAdministrative, // 经国务院批准, 交通部令发布
		"state-council/企业名称登记管理规定(2020-12-28).md":                  KindAdministrative, // 局令, then 国务院 amendments
		"state-council/全民所有制工业企业厂长工作条例(2011-01-08).md":             KindAdministrative, // 中共中央、国务院发布
		"state-council/信访工作条例(2022-02-25).md":                      KindParty,
		"state-council/互联网信息服务算法推荐管理规定(2021-11-16).md":             KindDepartmental,
		"state-council/工资支付暂行规定(1994-12-06).md":                    KindNormative,      // 劳部发〔1994〕489号
		"state-council/两用物项出口管制条例(2024-09-30).md":                  KindAdministrative, // no header: 中华人民共和国…
		"state-council/缔结条约管理办法(2022-10-16).md":                    "",                 // no evidence at all
		"chongqing/重庆市长江防护林体系管理条例(2019-05-31).md":                  KindLocal,
		"chongqing/重庆市实施《全国人民代表大会和地方各级人民代表大会代表法》办法(2016-03-31).md": KindLocal,
		"chongqing/彭水苗族土家族自治县旅游条例(2019-04-19).md":                  KindSeparate,
	}
	src := corpusFS(t)
	fsys := fstest.MapFS{}
	for name := range want {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	for _, d := range loadCorpus(t, fsys) {
		name := strings.TrimPrefix(d.Path, "../shared/corpus/")
		if d.Meta.Kind != want[name] {
			t.Errorf("%s: kind %q, want %q", name, d.Meta.Kind, want[name])
		}
	}
}

// TestCorpusSample parses a sample of the corpus drawn from every
// folder: no file may fail; warnings are allowed, and logged by kind.
func TestCorpusSample(t *testing.T) {
	src := corpusFS(t)
	sample := sampleFS(t, src, 10)
	docs := loadCorpus(t, sample)
	folders := map[string]int{}
	for _, d := range docs {
		rel := strings.TrimPrefix(d.Path, "../shared/corpus/")
		folders[strings.SplitN(rel, "/", 2)[0]]++
	}
	for _, f := range []string{"state-council", "chongqing", "laws", "judicial", "department-rules", "local"} {
		if folders[f] == 0 {
			t.Errorf("the sample has no document of %s/", f)
		}
	}
	logWarnings(t, docs)
}

// sampleFS copies every n-th corpus file of each folder, in order, the
// first included, into a MapFS.
func sampleFS(t *testing.T, src fs.FS, n int) fs.FS {
	t.Helper()
	sample := fstest.MapFS{}
	count := map[string]int{}
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") || e.Name() == "README.md" {
			return err
		}
		dir := path.Dir(p)
		count[dir]++
		if (count[dir]-1)%n == 0 {
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
	return sample
}

func BenchmarkLoadCorpus(b *testing.B) {
	// Read the files once so that the benchmark measures parsing, not
	// the disk.
	mem := fstest.MapFS{}
	src := corpusFS(b)
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		mem[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var docs []*Document
	for b.Loop() {
		docs, err = Load(mem, ".", "../shared/corpus")
		if err != nil {
			b.Fatal(err)
		}
	}
	articles := 0
	for _, d := range docs {
		articles += len(d.Articles)
	}
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(articles), "articles")
}
