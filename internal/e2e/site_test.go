// Package e2e tests the whole built site in headless Chromium: the routing
// calculator over http and from file://, without JavaScript or
// WebAssembly, and offline behind the service worker. The site is built
// once, with the real content, templates, web sources and rules.wasm.
//
// The browser tests skip where no Chromium is installed, unless
// RULESITE_REQUIRE_BROWSER=1 (see internal/browsertest).
package e2e

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
	"rulesite/internal/builder"
	"rulesite/rules/cases"
)

var built struct {
	once sync.Once
	dir  string
	err  error
}

// siteDir builds the site into a temporary folder, once per test binary.
func siteDir(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		wd, err := os.Getwd()
		if err != nil {
			built.err = err
			return
		}
		root, err := builder.FindModuleRoot(wd)
		if err != nil {
			built.err = err
			return
		}
		tmp, err := os.MkdirTemp("", "rulesite-e2e-")
		if err != nil {
			built.err = err
			return
		}
		out := filepath.Join(tmp, "public")
		_, built.err = builder.Build(context.Background(), builder.Options{
			ModuleRoot: root,
			Content:    filepath.Join(root, "content"),
			Out:        out,
			CacheDir:   builder.DefaultCacheDir(),
		})
		built.dir = out
	})
	if built.err != nil {
		t.Fatalf("building the site: %v", built.err)
	}
	return built.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(filepath.Dir(built.dir))
	}
	os.Exit(code)
}

// readSite returns a file of the built site.
func readSite(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(siteDir(t), filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// server serves the site over http on loopback and can be taken down and
// brought back, to drop the network under a page. While down it accepts
// connections and closes them at once, as a dead intranet link does.
type server struct {
	URL  string // ends in "/"
	down atomic.Bool
	// wasmType, when set, replaces the Content-Type of rules.wasm, as a
	// badly configured intranet server sends it.
	wasmType string
	// missing lists paths (relative to the root) answered with 404.
	missing map[string]bool
}

func serve(t testing.TB, dir string, opts ...func(*server)) *server {
	t.Helper()
	s := &server{missing: map[string]bool{}}
	for _, o := range opts {
		o(s)
	}
	files := http.FileServer(http.Dir(dir))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		p := strings.TrimPrefix(r.URL.Path, "/")
		if s.missing[p] {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(p, ".wasm") && s.wasmType != "" {
			w.Header().Set("Content-Type", s.wasmType)
		}
		files.ServeHTTP(w, r)
	})
	srv := httptest.NewUnstartedServer(h)
	// Keep-alive connections would outlive a "down" switch.
	srv.Config.SetKeepAlivesEnabled(false)
	srv.Start()
	t.Cleanup(srv.Close)
	s.URL = srv.URL + "/"
	return s
}

// navigate loads u in the tab.
func navigate(t testing.TB, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("navigate %s: %v", u, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := retry(5*time.Second, func(time.Duration) (T, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	})
	if err != nil {
		t.Fatalf("evaluating %.80s…: %v", expr, err)
	}
	return v
}

// poll waits until expr is truthy (awaiting a promise) and returns its
// value.
func poll[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	return retry(timeout, func(left time.Duration) (T, error) {
		return chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(left), chromedp.WithPollingInterval(50*time.Millisecond)))
	})
}

// retry runs f again while it fails because chromedp still held the
// execution context of the page before a navigation, an error of the
// protocol that says nothing about the page.
func retry[T any](timeout time.Duration, f func(left time.Duration) (T, error)) (T, error) {
	deadline := time.Now().Add(timeout)
	for {
		v, err := f(time.Until(deadline))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context with specified id") || time.Now().After(deadline) {
			return v, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loadCases reads rules/testdata/cases.json, the case table the native
// and the Node.js tests of the rules read too (package cases).
func loadCases(t testing.TB) *cases.Amounts {
	t.Helper()
	f, err := cases.LoadAmounts()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// clauseAnchor is where a clause path (22, 22.1.1, 22.2, 18.p2, 43.3)
// lives on the site, following internal/doc's anchors: the article page
// alone for a whole article, p<paragraph>, i<item>, i<item>-<sub-item>,
// and an item of an article of several paragraphs p<paragraph>-i<item>.
func clauseAnchor(path string) string {
	parts := strings.Split(path, ".")
	page, rest := "kzfz-2021-7/"+parts[0]+".html", parts[1:]
	var anchor []string
	if len(rest) > 0 && strings.HasPrefix(rest[0], "p") {
		anchor, rest = append(anchor, rest[0]), rest[1:]
	}
	if len(rest) > 0 {
		anchor = append(append(anchor, "i"+rest[0]), rest[1:]...)
	}
	if len(anchor) == 0 {
		return page
	}
	return page + "#" + strings.Join(anchor, "-")
}

var idAttr = regexp.MustCompile(`\bid="([^"]+)"`)

// anchorsOf lists the ids of a page of the site.
func anchorsOf(t testing.TB, page string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(string(readSite(t, page)), -1) {
		ids[m[1]] = true
	}
	return ids
}

// newBrowser starts Chromium for a test; see browsertest.New.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	return browsertest.New(t)
}

// copyTree copies the built site, so that a test can break a copy.
func copyTree(t testing.TB, from string) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}
