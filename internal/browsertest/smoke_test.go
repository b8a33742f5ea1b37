package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSmoke checks that the harness reaches a page over http and over
// file://, the two ways staff open the site.
func TestSmoke(t *testing.T) {
	dir := t.TempDir()
	page := "<!DOCTYPE html><title>t</title><p id=x>你好</p>"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := New(t)
	for _, u := range []string{Serve(t, dir) + "index.html", FileURL(t, dir, "index.html")} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatalf("navigate %s: %v", u, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Text("#x"))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if got != "你好" {
			t.Errorf("%s: text = %q, want 你好", u, got)
		}
	}
}
