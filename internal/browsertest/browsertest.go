// Package browsertest starts headless Chromium for tests that drive the
// real pages, over http and over file://.
//
// Tests skip with a message where no Chromium is installed, unless the
// environment variable RULESITE_REQUIRE_BROWSER=1 makes the browser
// mandatory (as .ci/run does).
//
// A browser test tests the site, not one Chromium's DevTools protocol: the
// harness and the tests send only commands of the stable protocol (1.3),
// and whatever a test needs from the outside world it makes for real —
// the network is taken away by stopping the server, not by emulating it.
// Debian and CI install whichever Chromium is current, so the harness logs
// the version it drove (go test -v shows it).
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"rulesite/internal/testenv"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// RequireEnv names the environment variable that turns a missing browser
// from a skip into a failure.
const RequireEnv = testenv.RequireBrowser

// candidates are the executables tried in order, after $CHROMIUM.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Executable returns the path of a Chromium executable, or skips the test
// (fails it when the browser is required).
func Executable(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testenv.Missing(t, RequireEnv, "headless Chromium not found (install Debian's chromium package, or set CHROMIUM=/path/to/chrome)")
	return ""
}

// New starts a fresh headless Chromium with an empty profile and returns a
// context for chromedp actions; everything is torn down when the test ends.
// The flags are those this machine needs: no sandbox as root, and no
// background networking, which the closed network refuses.
func New(t testing.TB) context.Context {
	t.Helper()
	exe := Executable(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// file:// pages load scripts from sibling files; keep Chromium's
		// default file-access rules so that the tests see what users see.
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now so that a broken installation fails here,
	// with a clear message, rather than in the first action. The first
	// call must not carry a timeout: it would stop the whole browser.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	if v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{}); err != nil {
		t.Logf("%s: Browser.getVersion: %v", exe, err)
	} else {
		t.Logf("%s: %s (DevTools protocol %s, %s)", exe, v.Product, v.ProtocolVersion, v.Revision)
	}
	return ctx
}

// EmulateOffline asks the browser to emulate a lost network for the page
// of ctx, and reports whether it accepted. It is a best effort that only
// adds to the real thing (a stopped server): the command is the stable
// Network.emulateNetworkConditions, deprecated and removed from cdproto in
// favour of experimental commands whose shape changes between versions,
// and what it reaches (navigator.onLine, the service worker) differs
// between versions too. A test must not depend on it.
func EmulateOffline(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, emulateNetworkConditions, networkConditions{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	})
	return err
}

// emulateNetworkConditions is declared here since cdproto generates only
// its experimental successors.
var emulateNetworkConditions = cdp.Command[networkConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

// networkConditions are the parameters of Network.emulateNetworkConditions.
type networkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`            // ms
	DownloadThroughput float64 `json:"downloadThroughput"` // bytes/s; -1 disables throttling
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// Serve serves dir over http on loopback for the duration of the test and
// returns the base URL, ending in "/".
func Serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// FileURL returns the file:// URL of a page inside dir.
func FileURL(t testing.TB, dir, page string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String()
}
