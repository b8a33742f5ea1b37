package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
	"rulesite/internal/builder"
)

// TestOffline visits the site over http once, then takes the network away
// by stopping the server, and opens the pages again: the service worker
// must serve every page it precached or saw, under each address the
// server gave it, and the calculator and the search must still work.
//
// It runs against the servers whose addresses differ: -serve itself (Go's
// file server, which answers /index.html with a redirect to ./) and a
// server that answers dir/ and dir/index.html alike, as most do.
func TestOffline(t *testing.T) {
	for _, c := range []struct {
		name  string
		serve func(testing.TB, string) *siteServer
	}{
		{"serve", servePreview},
		{"index-files", serveIndexFiles},
	} {
		t.Run(c.name, func(t *testing.T) {
			testOffline(t, c.serve(t, siteDir(t)))
		})
	}
}

func testOffline(t *testing.T, srv *siteServer) {
	ctx := newBrowser(t)

	// First visit: the calculator registers the service worker, which
	// precaches the top-level pages (the home page among them) and assets.
	st := open(t, ctx, srv.URL+"calculator.html?matter=22.2&amount=800")
	if st.Decider != "区长办公会议" {
		t.Fatalf("online: decider %q", st.Decider)
	}
	controlled, err := poll[bool](ctx, `navigator.serviceWorker.controller !== null`, 30*time.Second)
	if err != nil || !controlled {
		t.Fatalf("the service worker never controlled the page: %v", err)
	}
	// An article page, cached as it is visited.
	navigate(t, ctx, srv.URL+"kzfz-2021-7/22.html")
	article := eval[string](t, ctx, `document.getElementById("i3-1").innerText`)
	if !strings.Contains(article, "企业类") {
		t.Fatalf("article 22 online: %q", article)
	}
	// A document page, by the address the home page links to (which
	// -serve redirects to the folder).
	navigate(t, ctx, srv.URL+"kzfz-2021-7/index.html")
	title := eval[string](t, ctx, docTitle)
	if !strings.Contains(title, "工作规则") {
		t.Fatalf("document page online: title %q", title)
	}

	// A search, whose index shards are cached as they load.
	const searchCount = `(() => {
		const r = document.getElementById("results");
		return r && r.getAttribute("aria-busy") === "false" && r.innerText;
	})()`
	navigate(t, ctx, srv.URL+"search.html?q="+url.QueryEscape("区长办公会议"))
	found, err := poll[string](ctx, searchCount, 30*time.Second)
	if err != nil || !strings.Contains(found, "找到") {
		t.Fatalf("search online: %q, %v", found, err)
	}

	goOffline(t, ctx, srv)

	// The calculator, from the cache, with another decision.
	st = open(t, ctx, srv.URL+"calculator.html?matter=22.4&amount=500")
	if st.State != "decision" || st.Decider != "区长办公会议" || st.ClauseHref != "kzfz-2021-7/22.html#i4" {
		t.Errorf("offline calculator: state %q, decider %q, clause %q", st.State, st.Decider, st.ClauseHref)
	}
	// The home page, precached, under both its addresses; the document
	// page, visited, under both of its.
	for _, p := range []struct{ path, expr, want string }{
		{"", homeLink, "kzfz-2021-7/index.html"},
		{"index.html", homeLink, "kzfz-2021-7/index.html"},
		{"kzfz-2021-7/", docTitle, title},
		{"kzfz-2021-7/index.html", docTitle, title},
		// The article visited before.
		{"kzfz-2021-7/22.html#i3-1", `(document.getElementById("i3-1") || {}).innerText || ""`, article},
	} {
		if got, err := offlinePage[string](ctx, srv.URL+p.path, p.expr); err != nil || got != p.want {
			t.Errorf("offline %s: %q, %v; want %q", p.path, got, err, p.want)
		}
	}
	// A top-level page never visited, precached on install.
	if n, err := offlinePage[int](ctx, srv.URL+"thresholds.html", `document.querySelectorAll("section.matter table").length`); err != nil || n == 0 {
		t.Errorf("offline thresholds.html: %d tables, %v", n, err)
	}
	// The same search, from the cached shards.
	navigate(t, ctx, srv.URL+"search.html?q="+url.QueryEscape("区长办公会议"))
	if got, err := poll[string](ctx, searchCount, 30*time.Second); err != nil || got != found {
		t.Errorf("offline search: %q, %v; want %q", got, err, found)
	}
	// An article never visited: a page saying so, not the browser's error.
	got, err := offlinePage[string](ctx, srv.URL+"kzfz-2021-7/5.html", `document.body.innerText`)
	if err != nil || !strings.Contains(got, "网络不可用") || !strings.Contains(got, "决策路径计算器") {
		t.Errorf("offline, unvisited article: %q, %v", got, err)
	}
}

const (
	// homeLink is where the home page links the Work Rules.
	homeLink = `(document.querySelector('ul.doclist a[href="kzfz-2021-7/index.html"]') || {}).getAttribute?.("href") || ""`
	// docTitle is the title of a document page.
	docTitle = `(document.querySelector("h1.doctitle") || {}).innerText || ""`
)

// offlinePage loads u and evaluates expr on it. Unlike navigate it
// returns an error rather than stopping the test, so that one page the
// service worker fails to give (the browser's error page,
// net::ERR_FAILED) does not hide the others.
func offlinePage[T any](ctx context.Context, u, expr string) (T, error) {
	var zero T
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return zero, err
	}
	return retry(5*time.Second, func(time.Duration) (T, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	})
}

// siteServer serves the built site over http on loopback until the test
// stops it, to take the network away: from then on every connection is
// refused, as when the intranet link is gone.
type siteServer struct {
	URL  string // ends in "/"
	addr string // host:port
	stop func()
}

// servePreview serves dir with builder.Serve, the server of -serve.
func servePreview(t testing.TB, dir string) *siteServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- builder.Serve(ctx, "127.0.0.1:0", dir, addrLog(addrs)) }()
	var addr string
	select {
	case addr = <-addrs:
	case err := <-done:
		cancel()
		t.Fatalf("builder.Serve: %v", err)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("builder.Serve printed no address")
	}
	stop := sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("builder.Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("builder.Serve did not stop")
		}
	})
	t.Cleanup(stop)
	return &siteServer{URL: "http://" + addr + "/", addr: addr, stop: stop}
}

// addrLog is the log of builder.Serve; it hands on the address it prints.
type addrLog chan<- string

var servingOn = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)

func (a addrLog) Write(p []byte) (int, error) {
	if m := servingOn.FindSubmatch(p); m != nil {
		select {
		case a <- string(m[1]):
		default:
		}
	}
	return len(p), nil
}

// serveIndexFiles serves dir as most web servers do: dir/ and
// dir/index.html are the same page, neither redirected.
func serveIndexFiles(t testing.TB, dir string) *siteServer {
	t.Helper()
	root := http.Dir(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		f, err := root.Open(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, info.ModTime(), f)
	}))
	t.Cleanup(srv.Close)
	return &siteServer{URL: srv.URL + "/", addr: srv.Listener.Addr().String(), stop: srv.Close}
}

// goOffline takes the network away from the page and its service worker:
// it stops the server and checks that connections are refused. It also
// asks the browser to emulate being offline, a best effort whose outcome
// the tests do not depend on (see browsertest.EmulateOffline).
func goOffline(t *testing.T, ctx context.Context, srv *siteServer) {
	t.Helper()
	srv.stop()
	if conn, err := net.DialTimeout("tcp", srv.addr, 5*time.Second); err == nil {
		conn.Close()
		t.Fatalf("%s still accepts connections after the server stopped", srv.addr)
	}
	if err := browsertest.EmulateOffline(ctx); err != nil {
		t.Logf("network emulation (best effort): %v", err)
	}
}

// TestServiceWorkerUpdate publishes a new version of the site under an
// open page: the new worker must take over, fetch anew the pages the
// reader had visited, and delete the caches of the old version.
func TestServiceWorkerUpdate(t *testing.T) {
	ctx := newBrowser(t)
	dir := copyTree(t, siteDir(t))
	srv := serve(t, dir)
	open(t, ctx, srv.URL+"calculator.html")
	if _, err := poll[bool](ctx, `navigator.serviceWorker.controller !== null`, 60*time.Second); err != nil {
		t.Fatalf("the first version never took control: %v", err)
	}
	old := cacheNames(t, ctx, 1)
	navigate(t, ctx, srv.URL+"kzfz-2021-7/22.html")

	// A new build: same files, another version.
	sw := filepath.Join(dir, "sw.js")
	data, err := os.ReadFile(sw)
	if err != nil {
		t.Fatal(err)
	}
	next := regexp.MustCompile(`"version":"[^"]*"`).ReplaceAll(data, []byte(`"version":"e2e-next"`))
	if string(next) == string(data) {
		t.Fatal("sw.js has no version to change")
	}
	if err := os.WriteFile(sw, next, 0o644); err != nil {
		t.Fatal(err)
	}
	// Last-Modified has whole seconds: a file rewritten within the second
	// of its copy would look unchanged (304) to the browser's check.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(sw, later, later); err != nil {
		t.Fatal(err)
	}
	// Browsers check sw.js after navigations, after a delay; ask at once.
	open(t, ctx, srv.URL+"calculator.html?matter=22.2&amount=800")
	eval[chromedp.Void](t, ctx, `navigator.serviceWorker.getRegistration().then((r) => r.update())`)
	_, err = poll[bool](ctx, `caches.keys().then((k) => k.length === 1 && k[0] === "rulesite-e2e-next")`, 60*time.Second)
	if err != nil {
		t.Fatalf("caches after the update: %v (before: %v); want only rulesite-e2e-next", cacheNames(t, ctx, 0), old)
	}
	kept := eval[bool](t, ctx, `caches.open("rulesite-e2e-next").then((c) => c.match(new URL("kzfz-2021-7/22.html", location.href).href)).then((r) => !!r)`)
	if !kept {
		t.Errorf("the visited article was not fetched into the new version's cache")
	}
}

// cacheNames waits until the page sees at least n caches and lists them.
func cacheNames(t *testing.T, ctx context.Context, n int) []string {
	t.Helper()
	names, err := poll[[]string](ctx,
		fmt.Sprintf(`caches.keys().then((k) => k.length >= %d ? k : null)`, n), 30*time.Second)
	if err != nil {
		t.Fatalf("caches: %v", err)
	}
	return names
}
