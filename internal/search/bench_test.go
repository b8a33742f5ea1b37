package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// The benchmarks print the figures of issue 5's budgets:
//
//	go test ./internal/search -run '^$' -bench . -benchtime 1x
//
// Transferred bytes are the gzip-compressed sizes (level 6, what web
// servers commonly send) of the files a query needs: for the first query
// of a page, the search script plus every index file the query loads;
// for a later query, the index files that earlier queries of the same
// page did not load. A query is answered as the search page answers it:
// the result list and the articles and snippets of its first page.

// gzipSize returns the size of b compressed with gzip at level 6.
func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// searchScript bundles web/search.ts with the options of internal/webbuild:
// a minified classic script for Chrome 80.
func searchScript(t testing.TB) []byte {
	t.Helper()
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{"../../web/search.ts"},
		Bundle:            true,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Engines:           []api.Engine{{Name: api.EngineChrome, Version: "80"}},
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone,
		Charset:           api.CharsetUTF8,
		Write:             false,
		Outfile:           "search.js",
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		t.Fatalf("bundling web/search.ts: %s", res.Errors[0].Text)
	}
	return res.OutputFiles[0].Contents
}

type benchQuery struct {
	Query  string   `json:"query"`
	Hits   int      `json:"hits"`
	Alone  []string `json:"alone"`
	Added  []string `json:"added"`
	ColdMs float64  `json:"coldMs"`
	WarmMs float64  `json:"warmMs"`
}

// benchQueries runs queries in one page session and prints, per query, the
// results, the bytes transferred and the time taken.
func benchQueries(b *testing.B, units []Unit, queries []string) {
	dir := writeIndex(b, units, defaults)
	var c queryCosts
	for b.Loop() {
		c = measureQueries(b, dir, queries)
	}
	// Printed, not logged: the testing package cuts long benchmark logs.
	fmt.Print(c.table)
	b.ReportMetric(quantile(c.first, 0.5), "first-KB-p50")
	b.ReportMetric(quantile(c.first, 1), "first-KB-max")
	b.ReportMetric(quantile(c.later, 0.5), "later-KB-p50")
	b.ReportMetric(quantile(c.later, 1), "later-KB-max")
	b.ReportMetric(quantile(c.cold, 0.5), "cold-ms-p50")
	b.ReportMetric(quantile(c.cold, 1), "cold-ms-max")
	b.ReportMetric(quantile(c.warm, 1), "warm-ms-max")
	b.ReportMetric(0, "ns/op")
}

// queryCosts are what a session of queries cost: per query, KB
// transferred alone (first) and after the earlier ones (later), and
// milliseconds; and the table of them.
type queryCosts struct {
	first, later, cold, warm []float64
	table                    string
}

// measureQueries runs queries in one page session against the index in
// dir, as the search page does (the first page of results and their
// text), and measures what each transfers and takes.
func measureQueries(b *testing.B, dir string, queries []string) queryCosts {
	script := gzipSize(searchScript(b))
	var rows []benchQuery
	runHarness(b, &rows, "bench", dir, writeJSON(b, queries), "8") // the page of web/lib/search/render.ts
	size := make(map[string]int)
	bytesOf := func(names []string) int {
		n := 0
		for _, name := range names {
			s, ok := size[name]
			if !ok {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)+".js"))
				if err != nil {
					b.Fatal(err)
				}
				s = gzipSize(data)
				size[name] = s
			}
			n += s
		}
		return n
	}
	textOf := func(names []string) []string {
		var t []string
		for _, n := range names {
			if strings.HasPrefix(n, "t/") {
				t = append(t, n)
			}
		}
		return t
	}
	var c queryCosts
	var table strings.Builder
	fmt.Fprintf(&table, "%s: search script %d B gzip\n", b.Name(), script)
	fmt.Fprintf(&table, "%-24s %7s %9s %6s %7s %9s %6s %8s %8s\n", "query", "results", "first KB", "files", "text KB", "later KB", "files", "cold ms", "warm ms")
	for i, r := range rows {
		f := float64(script+bytesOf(r.Alone)) / 1024
		l := float64(bytesOf(r.Added)) / 1024
		tx := float64(bytesOf(textOf(r.Alone))) / 1024
		c.first = append(c.first, f)
		if i > 0 {
			c.later = append(c.later, l)
		}
		c.cold = append(c.cold, r.ColdMs)
		c.warm = append(c.warm, r.WarmMs)
		fmt.Fprintf(&table, "%-24s %7d %9.1f %6d %7.1f %9.1f %6d %8.1f %8.2f\n", r.Query, r.Hits, f, len(r.Alone), tx, l, len(r.Added), r.ColdMs, r.WarmMs)
	}
	c.table = table.String()
	return c
}

// BenchmarkTradeoffCorpus prints, for several numbers of articles a text
// file holds, the files of the corpus's index beside the bytes its queries
// transfer: fewer, larger files make a query download the text of more
// articles it does not show.
//
//	go test ./internal/search -run '^$' -bench TradeoffCorpus -benchtime 1x
func BenchmarkTradeoffCorpus(b *testing.B) {
	units := corpusUnits(b, 1)
	queries := append(slices.Clone(corpusQueries), sampleQueries(units, 40, 3)...)
	var table strings.Builder
	fmt.Fprintf(&table, "%d articles, %d queries\n%-8s %8s %8s %9s %12s %12s %12s %12s\n", len(units), len(queries),
		"chunk", "files", "t/ files", "files/art", "first p50", "first max", "later p50", "later max")
	for b.Loop() {
		for _, chunk := range []int{2, 4, 8, 16} {
			p := defaults
			p.chunk = chunk
			files, err := buildFiles(units, p)
			if err != nil {
				b.Fatal(err)
			}
			texts := 0
			for name := range files {
				if strings.HasPrefix(name, "search/t/") {
					texts++
				}
			}
			c := measureQueries(b, writeIndex(b, units, p), queries)
			fmt.Fprintf(&table, "%-8d %8d %8d %9.2f %9.1f KB %9.1f KB %9.1f KB %9.1f KB\n", chunk, len(files), texts,
				float64(len(files))/float64(len(units)), quantile(c.first, 0.5), quantile(c.first, 1), quantile(c.later, 0.5), quantile(c.later, 1))
		}
	}
	fmt.Print(table.String())
	b.ReportMetric(0, "ns/op")
}

func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	return s[int(q*float64(len(s)-1)+0.5)]
}

// indexSize reports the number of files and their raw and gzip sizes.
func indexSize(b *testing.B, files map[string][]byte) {
	var raw, gz, text, textGz int
	for name, data := range files {
		g := gzipSize(data)
		raw += len(data)
		gz += g
		if strings.HasPrefix(name, "search/t/") {
			text += len(data)
			textGz += g
		}
	}
	b.Logf("index: %d files, %d KB (%d KB gzip), of which article text %d KB (%d KB gzip)",
		len(files), raw/1000, gz/1000, text/1000, textGz/1000)
	b.ReportMetric(float64(raw)/1e6, "index-MB")
	b.ReportMetric(float64(len(files)), "files")
}

// BenchmarkBuildSeed times Build on the Work Rules.
func BenchmarkBuildSeed(b *testing.B) {
	benchBuild(b, seedUnits(b))
}

// BenchmarkBuildCorpus times Build on the whole corpus (issue 5: ≤ 6 s).
func BenchmarkBuildCorpus(b *testing.B) {
	benchBuild(b, corpusUnits(b, 1))
}

func benchBuild(b *testing.B, units []Unit) {
	var files map[string][]byte
	start := time.Now()
	n := 0
	for b.Loop() {
		var err error
		if files, err = Build(units); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(time.Since(start).Seconds()/float64(n), "s/build")
	b.Logf("%d articles", len(units))
	indexSize(b, files)
}

// BenchmarkQueriesSeed measures the seed queries on the Work Rules.
func BenchmarkQueriesSeed(b *testing.B) {
	benchQueries(b, seedUnits(b), seedQueries)
}

// BenchmarkQueriesCorpus measures common legal terms and sampled strings
// on the whole corpus.
func BenchmarkQueriesCorpus(b *testing.B) {
	units := corpusUnits(b, 1)
	benchQueries(b, units, append(slices.Clone(corpusQueries), sampleQueries(units, 40, 3)...))
}
