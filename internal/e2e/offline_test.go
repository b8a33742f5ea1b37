package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestOffline visits the site over http once, then drops the network
// (the browser's network emulation, and the server itself refusing
// connections) and reloads the calculator and an article page: the service
// worker must serve them, and the calculator must still decide.
func TestOffline(t *testing.T) {
	ctx := newBrowser(t)
	srv := serve(t, siteDir(t))

	// First visit: the calculator registers the service worker, which
	// precaches the top-level pages and assets.
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
	if online := eval[bool](t, ctx, "navigator.onLine"); online {
		t.Errorf("navigator.onLine is true: the network emulation did not apply")
	}
	// The article visited before.
	navigate(t, ctx, srv.URL+"kzfz-2021-7/22.html#i3-1")
	if got := eval[string](t, ctx, `(document.getElementById("i3-1") || {}).innerText || ""`); got != article {
		t.Errorf("offline article 22: %q, want %q", got, article)
	}
	// A top-level page never visited, precached on install.
	navigate(t, ctx, srv.URL+"thresholds.html")
	if n := eval[int](t, ctx, `document.querySelectorAll("section.matter table").length`); n == 0 {
		t.Errorf("offline thresholds.html: no tables")
	}
	// The same search, from the cached shards.
	navigate(t, ctx, srv.URL+"search.html?q="+url.QueryEscape("区长办公会议"))
	if got, err := poll[string](ctx, searchCount, 30*time.Second); err != nil || got != found {
		t.Errorf("offline search: %q, %v; want %q", got, err, found)
	}
	// An article never visited: a page saying so, not the browser's error.
	navigate(t, ctx, srv.URL+"kzfz-2021-7/5.html")
	if got := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(got, "网络不可用") || !strings.Contains(got, "决策路径计算器") {
		t.Errorf("offline, unvisited article: %q", got)
	}
}

// goOffline takes the network away from the page and its service worker,
// and stops the server answering, in case the emulation misses a path.
func goOffline(t *testing.T, ctx context.Context, srv *server) {
	t.Helper()
	srv.down.Store(true)
	offline := true
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions: []*network.Conditions{{
			Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
		}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		t.Fatal(err)
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
