package search

import (
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

// BenchmarkPagefind runs Pagefind (https://pagefind.app) on pages made from
// the same articles and prints, side by side with this index, the results,
// recall and bytes of the same queries. It needs the pagefind binary,
// which the npm package ships:
//
//	npm install --prefix /tmp/pf pagefind@1.6
//	PAGEFIND=/tmp/pf/node_modules/.bin/pagefind go test ./internal/search -run '^$' -bench Pagefind -benchtime 1x
//
// Recall is the share of the articles containing the query that Pagefind
// returns; precision the share of its results that contain it.
func BenchmarkPagefind(b *testing.B) {
	exe := os.Getenv("PAGEFIND")
	if exe == "" {
		b.Skip("skipping: set PAGEFIND to the pagefind binary")
	}
	units := corpusUnits(b, 1)
	queries := corpusQueries
	dir := b.TempDir()
	writePages(b, dir, units)
	start := time.Now()
	cmd := exec.Command(exe, "--site", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("pagefind: %v\n%s", err, out)
	}
	files, size := 0, 0
	err := filepath.WalkDir(filepath.Join(dir, "pagefind"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files++
			size += int(info.Size())
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("pagefind indexed %d pages in %.1f s: %d files, %d KB", len(units), time.Since(start).Seconds(), files, size/1000)

	// This index, for the same queries.
	var ours []benchQuery
	ourDir := writeIndex(b, units, defaults)
	runHarness(b, &ours, "bench", ourDir, writeJSON(b, queries), "20")
	script := gzipSize(searchScript(b))

	// Pagefind in the browser, over http, one page session.
	ctx := browsertest.New(b)
	srv := newLoggingServer(dir)
	b.Cleanup(srv.Close)
	base := srv.URL + "/"
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"pagefind.html")); err != nil {
		b.Fatal(err)
	}
	type pfResult struct {
		Count   int      `json:"count"`
		URLs    []string `json:"urls"`
		Fetched []string `json:"-"`
		Ms      float64  `json:"ms"`
		Marker  string   `json:"marker"`
	}
	ref := newReference(units)
	var table strings.Builder
	fmt.Fprintf(&table, "%-22s %7s %9s %9s | %7s %7s %7s %9s %9s %7s\n", "query", "exact", "ours 1st", "ours next", "PF", "recall", "precis.", "PF 1st", "PF next", "PF ms")
	// First the bytes, in one page session as a user would search; then
	// every result's URL, for recall, in a second session.
	results := make([]pfResult, len(queries))
	for i, q := range queries {
		srv.reset()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[pfResult](fmt.Sprintf("runQuery(%q, false)", q), chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatalf("%q: %v", q, err)
		}
		// Every file served for the search and the first twenty results,
		// by the page or by Pagefind's worker.
		results[i].Fetched = srv.served(r.Marker)
		results[i].Ms = r.Ms
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"pagefind.html")); err != nil {
		b.Fatal(err)
	}
	for i, q := range queries {
		r, err := chromedp.Run(ctx, chromedp.Evaluate[pfResult](fmt.Sprintf("runQuery(%q, true)", q), chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatalf("%q: %v", q, err)
		}
		results[i].Count, results[i].URLs = r.Count, r.URLs
	}
	for i, q := range queries {
		r := results[i]
		want := ref.matches(Terms(q))
		exact := make(map[string]bool)
		for _, id := range want {
			exact["/"+units[id].URL] = true
		}
		hit := 0
		for _, u := range r.URLs {
			if exact[u] {
				hit++
			}
		}
		recall, precision := 1.0, 1.0
		if len(want) > 0 {
			recall = float64(hit) / float64(len(want))
		}
		if len(r.URLs) > 0 {
			precision = float64(hit) / float64(len(r.URLs))
		}
		pfBytes := 0
		for _, u := range r.Fetched {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(u, "/"))))
			if err != nil {
				b.Fatal(err)
			}
			pfBytes += min(len(data), gzipSize(data))
		}
		o := ours[i]
		ourFirst := script
		for _, n := range o.Alone {
			data, _ := os.ReadFile(filepath.Join(ourDir, n+".js"))
			ourFirst += gzipSize(data)
		}
		ourNext := 0
		for _, n := range o.Added {
			data, _ := os.ReadFile(filepath.Join(ourDir, n+".js"))
			ourNext += gzipSize(data)
		}
		pfFirst, pfNext := "", fmt.Sprintf("%.1f", float64(pfBytes)/1024)
		if i == 0 {
			pfFirst, pfNext = pfNext, ""
		}
		fmt.Fprintf(&table, "%-22s %7d %9.1f %9.1f | %7d %6.0f%% %6.0f%% %9s %9s %7.1f\n", q, len(want),
			float64(ourFirst)/1024, float64(ourNext)/1024, r.Count, 100*recall, 100*precision, pfFirst, pfNext, r.Ms)
	}
	fmt.Print(table.String())
	b.ReportMetric(0, "ns/op")
}

// writePages writes one HTML page per article for Pagefind, at the
// article's URL, and the page that runs Pagefind's own client.
func writePages(b *testing.B, dir string, units []Unit) {
	b.Helper()
	page := template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{.Doc}} {{.Label}}</title></head>
<body><main data-pagefind-body><h1>{{.Label}}</h1><p>{{.Doc}}</p><p>{{.Chapter}}</p>
{{range .Blocks}}<p>{{.Text}}</p>
{{end}}</main></body></html>
`))
	for _, u := range units {
		p := filepath.Join(dir, filepath.FromSlash(u.URL))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		var s strings.Builder
		if err := page.Execute(&s, u); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// runQuery searches, loads the first twenty results as a results
	// page would, marks the end of that in the server's log with a
	// request, then, if asked, loads every result's URL.
	runner := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind</title></head><body><script>
let pf = null;
async function runQuery(q, all) {
  const t0 = performance.now();
  if (!pf) { pf = await import("/pagefind/pagefind.js"); await pf.init(); }
  const r = await pf.search(q);
  await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
  const ms = performance.now() - t0;
  const marker = "/marker-" + Math.random();
  await fetch(marker).catch(() => {});
  const data = all ? await Promise.all(r.results.map((x) => x.data())) : [];
  return { count: r.results.length, urls: data.map((d) => d.url), ms, marker };
}
</script></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "pagefind.html"), []byte(runner), 0o644); err != nil {
		b.Fatal(err)
	}
}

// loggingServer serves a folder over http and remembers the paths it
// answered with 200, including those that Pagefind's worker fetches,
// which the page's resource timing does not see.
type loggingServer struct {
	*httptest.Server
	mu  sync.Mutex
	log []string
}

func newLoggingServer(dir string) *loggingServer {
	s := &loggingServer{}
	files := http.FileServer(http.Dir(dir))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusWriter{ResponseWriter: w, status: 200}
		files.ServeHTTP(rec, r)
		s.mu.Lock()
		defer s.mu.Unlock()
		if rec.status == 200 || strings.HasPrefix(r.URL.Path, "/marker-") {
			s.log = append(s.log, r.URL.Path)
		}
	}))
	return s
}

func (s *loggingServer) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

// served returns the paths served before the marker.
func (s *loggingServer) served(marker string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.log {
		if p == marker {
			break
		}
		if p != "/pagefind.html" {
			out = append(out, p)
		}
	}
	return out
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
