package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

// screens are the sizes staff use: an old desktop, an older one, a phone.
var screens = []struct {
	name          string
	width, height int64
}{
	{"1366x900", 1366, 900},
	{"1024x768", 1024, 768},
	{"390x844", 390, 844},
}

// fullCases are calculator links that state a case in full, as they are
// shared and printed: the page must open on their answer.
var fullCases = []struct{ name, query, want string }{
	{"22.2", "?matter=22.2&amount=800", "区长办公会议"},
	{"22.5", "?matter=22.5&contract=3000&change=600", ""},
	{"43 circular", "?matter=43&issuer=office&kind=circular", ""},
	{"43 two deputies", "?matter=43&issuer=gov&to=other&kind=minutes-topic&beyond=no&deputies=several", ""},
	{"21 funds", "?matter=21&kind=funds&formal=no&dept=no&amount=800", "区长办公会议"},
}

// answerBox is a JavaScript expression giving the rectangle of the answer
// the page leads with: the verdict of #result, or the amount lead of a
// meeting's matter decided by amount when it shows.
const answerBox = `(() => {
	const lead = document.getElementById("by-amount");
	const el = lead && !lead.hidden ? lead.querySelector(".lead-answer .verdict-main") : document.querySelector("#result .verdict .verdict-main");
	if (!el) return {found: false, text: document.getElementById("result").innerText.slice(0, 80)};
	const r = el.getBoundingClientRect();
	return {found: true, top: r.top, bottom: r.bottom, height: innerHeight, text: el.innerText};
})()`

type box struct {
	Found  bool    `json:"found"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Height float64 `json:"height"`
	Text   string  `json:"text"`
}

// shotDir is where screenshots go: $RULESITE_SCREENSHOTS, to look at them,
// else a temporary folder.
func shotDir(t *testing.T) string {
	if d := os.Getenv("RULESITE_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// TestAnswerInView opens links that state a case in full at the three
// screen sizes, over http and from disk, and checks with
// getBoundingClientRect that the answer is inside the window as the page
// opens; it takes a screenshot of each.
func TestAnswerInView(t *testing.T) {
	ctx := browsertest.New(t)
	dir := siteDir(t)
	srv := serve(t, dir)
	shots := shotDir(t)
	for _, sc := range screens {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(sc.width, sc.height)); err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"http", "file"} {
			page := srv.URL + "calculator.html"
			if scheme == "file" {
				page = browsertest.FileURL(t, dir, "calculator.html")
			}
			for _, c := range fullCases {
				name := fmt.Sprintf("%s %s %s", sc.name, scheme, c.name)
				st := open(t, ctx, page+c.query)
				if st.State != "decision" {
					t.Errorf("%s: state %q: %.80s", name, st.State, st.Text)
					continue
				}
				b := eval[box](t, ctx, answerBox)
				if !b.Found {
					t.Errorf("%s: no answer: %q", name, b.Text)
					continue
				}
				if b.Top < 0 || b.Bottom > b.Height {
					t.Errorf("%s: the answer %q is at y=%.0f–%.0f, outside the window (0–%.0f)", name, b.Text, b.Top, b.Bottom, b.Height)
				}
				if c.want != "" && !strings.Contains(b.Text, c.want) {
					t.Errorf("%s: the answer reads %q, want %s", name, b.Text, c.want)
				}
				// Wide screens keep the answer in view beside the list of
				// matters as it scrolls to its last matter.
				if sc.width >= 1024 {
					b := eval[box](t, ctx, `(document.querySelector('label[for="matter-22.6.2"]').scrollIntoView(false), `+answerBox+`)`)
					if b.Top < 0 || b.Bottom > b.Height {
						t.Errorf("%s: with the last matter in view, the answer is at y=%.0f–%.0f, outside the window", name, b.Top, b.Bottom)
					}
				}
				if scheme == "http" {
					png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatalf("%s: screenshot: %v", name, err)
					}
					file := filepath.Join(shots, strings.NewReplacer(" ", "-", ".", "_").Replace(name)+".png")
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	t.Logf("screenshots in %s", shots)
}

// TestPhoneFoldsTheMatter checks that on a phone the chosen matter is one
// line with 更改, which brings the list back.
func TestPhoneFoldsTheMatter(t *testing.T) {
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, serve(t, siteDir(t)).URL+"calculator.html?matter=22.2&amount=800")
	type fold struct {
		Line   string  `json:"line"`
		List   bool    `json:"list"`
		Height float64 `json:"height"`
	}
	read := `(() => ({
		line: document.getElementById("matter-chosen").hidden ? "" : document.getElementById("matter-chosen").innerText,
		list: document.getElementById("matter-list").offsetHeight > 0,
		height: document.getElementById("matter-chosen").offsetHeight,
	}))()`
	f := eval[fold](t, ctx, read)
	if f.List || !strings.Contains(f.Line, "财政性资金安排") || !strings.Contains(f.Line, "更改") || f.Height > 80 {
		t.Fatalf("folded: line %q (%.0f px), list shown %v", f.Line, f.Height, f.List)
	}
	click(t, ctx, "#change-matter")
	f = eval[fold](t, ctx, read)
	if !f.List || f.Line != "" {
		t.Fatalf("after 更改: line %q, list shown %v", f.Line, f.List)
	}
	if id := eval[string](t, ctx, "document.activeElement.id"); id != "matter-22.2" {
		t.Errorf("after 更改: focus on #%s, want the chosen matter", id)
	}
	// Choosing another by tapping folds the list again.
	click(t, ctx, `label[for="matter-22.3.2"]`)
	f = eval[fold](t, ctx, read)
	if f.List || !strings.Contains(f.Line, "行政、事业单位一次性处置国有资产") {
		t.Errorf("after choosing 22.3.2: line %q, list shown %v", f.Line, f.List)
	}
}

// TestAmountLead checks that a meeting's matter decided by amount leads
// with 按金额确定 and asks the amount there.
func TestAmountLead(t *testing.T) {
	ctx := browsertest.New(t)
	base := serve(t, siteDir(t)).URL
	open(t, ctx, base+"calculator.html?matter=21&kind=funds&formal=no&dept=no")
	type lead struct {
		Shown   bool     `json:"shown"`
		First   bool     `json:"first"`
		Matters []string `json:"matters"`
		Answer  string   `json:"answer"`
		Query   string   `json:"query"`
	}
	read := `(() => {
		const box = document.getElementById("by-amount");
		const outcome = document.getElementById("outcome");
		return {
			shown: !box.hidden,
			first: box.getBoundingClientRect().top < document.getElementById("result").getBoundingClientRect().top,
			matters: Array.from(box.querySelectorAll('input[name="lead-matter"]')).map((r) => r.value),
			answer: box.hidden ? "" : document.getElementById("lead-answer").innerText,
			query: location.search,
		};
	})()`
	l := eval[lead](t, ctx, read)
	if !l.Shown || !l.First || strings.Join(l.Matters, " ") != "22.1.3 22.2" || l.Answer != "" {
		t.Fatalf("财政性资金安排: lead %+v", l)
	}
	// The matter the answers name is chosen: 财政性资金安排 is 22.2.
	if on := eval[string](t, ctx, `document.querySelector('input[name="lead-matter"]:checked').value`); on != "22.2" {
		t.Errorf("财政性资金安排: the lead offers %s first, want 22.2", on)
	}
	typeInto(t, ctx, "lead-amount", "800")
	l = eval[lead](t, ctx, read)
	if !strings.Contains(l.Answer, "区长办公会议") || !strings.Contains(l.Answer, "第二十二条第（二）项") || !strings.Contains(l.Query, "amount=800") {
		t.Errorf("财政性资金安排 800: lead %+v", l)
	}
	click(t, ctx, `label[for="lead-22.1.3"]`)
	l = eval[lead](t, ctx, read)
	if !strings.Contains(l.Answer, "第二十二条第（一）项第3目") || !strings.Contains(l.Query, "by=22.1.3") {
		t.Errorf("then 22.1.3: lead %+v", l)
	}
	// The address reopens the same lead.
	open(t, ctx, eval[string](t, ctx, "location.href"))
	if l = eval[lead](t, ctx, read); !strings.Contains(l.Answer, "第二十二条第（一）项第3目") {
		t.Errorf("reopening %s: lead %+v", l.Query, l)
	}
	// The amount is asked as soon as the matter is named, before the
	// meeting's other questions are answered.
	st := open(t, ctx, base+"calculator.html?matter=21&kind=funds&amount=300")
	if l = eval[lead](t, ctx, read); !l.Shown || st.State != "prompt" || !strings.Contains(l.Answer, "区长办公会议") {
		t.Errorf("财政性资金安排 with its other questions unanswered: state %q, lead %+v", st.State, l)
	}
	// A kind that article 二十二 does not decide by amount has no lead.
	open(t, ctx, base+"calculator.html?matter=21&kind=plan&dept=no")
	if l = eval[lead](t, ctx, read); l.Shown {
		t.Errorf("国民经济和社会发展计划: lead shown %+v", l)
	}
}
