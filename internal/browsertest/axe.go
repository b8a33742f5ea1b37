package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rulesite/internal/testenv"
)

// AxeEnv names the environment variable that gives the path of axe-core's
// axe.min.js (npm install axe-core@4). Without it the harness looks in
// AxeDefault, where .ci/run installs it.
const AxeEnv = "RULESITE_AXE"

// AxeDefault is where axe-core is looked for when AxeEnv is not set:
// npm install axe-core@4 --prefix /tmp/rulesite-axe.
const AxeDefault = "/tmp/rulesite-axe/node_modules/axe-core/axe.min.js"

// AxeSource returns the script of axe-core, or skips the test (fails it
// when the browser is required: the checks are part of the browser tests).
func AxeSource(t testing.TB) string {
	t.Helper()
	p := os.Getenv(AxeEnv)
	if p == "" {
		p = AxeDefault
	}
	src, err := os.ReadFile(p)
	if err != nil {
		testenv.Missing(t, RequireEnv, fmt.Sprintf("axe-core not found at %s (npm install axe-core@4 --prefix /tmp/rulesite-axe, or set %s=/path/to/axe.min.js)", p, AxeEnv))
		return ""
	}
	return string(src)
}

// AxeViolation is a rule of axe-core that the page breaks, with the
// elements that break it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"` // minor, moderate, serious, critical
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// Serious reports whether a screen-reader or keyboard user is blocked or
// badly hindered: axe-core's serious and critical impacts.
func (v AxeViolation) Serious() bool {
	return v.Impact == "serious" || v.Impact == "critical"
}

// String names the rule and up to three of its elements.
func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-3)
			break
		}
		html := n.HTML
		if r := []rune(html); len(r) > 160 {
			html = string(r[:160]) + "…"
		}
		fmt.Fprintf(&b, "\n\t%v %s\n\t\t%s", n.Target, html, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// Axe runs axe-core (its source as AxeSource gives it) on the page of ctx
// as it stands (content skipped until scrolled to rendered first), against
// the WCAG 2.x A and AA rules and axe's best practices, and returns every
// violation.
func Axe(ctx context.Context, src string) ([]AxeViolation, error) {
	// Evaluated as a script of its own, so that it defines window.axe
	// whatever the page's scripts did.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](src+"\n;true")); err != nil {
		return nil, fmt.Errorf("loading axe-core: %w", err)
	}
	// axe measures layout (target sizes, overlaps), which the browser
	// does not keep up to date for content it skips until it is scrolled
	// to (content-visibility: auto): render it, as a reader scrolling
	// there sees it, so that the measures do not depend on timing.
	const render = `(function () {
		var all = document.querySelectorAll("*");
		for (var i = 0; i < all.length; i++) {
			if (getComputedStyle(all[i]).contentVisibility === "auto") all[i].style.contentVisibility = "visible";
		}
		document.body.getBoundingClientRect();
		return true;
	})()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](render)); err != nil {
		return nil, fmt.Errorf("rendering skipped content: %w", err)
	}
	const run = `axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
		resultTypes: ["violations"],
	}).then((r) => JSON.stringify(r.violations))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	var vs []AxeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, fmt.Errorf("reading axe-core's results: %w", err)
	}
	return vs, nil
}
