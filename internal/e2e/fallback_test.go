package e2e

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rulesite/internal/browsertest"
	"rulesite/rules"
)

// TestCalculatorStatic checks what calculator.html holds before any
// script runs: the form hidden, a message for browsers without JavaScript,
// and every threshold table.
func TestCalculatorStatic(t *testing.T) {
	body := string(readSite(t, "calculator.html"))
	for _, want := range []string{
		`<form id="calculator" class="calculator" action="calculator.html" method="get" novalidate hidden>`,
		`<div id="calc-unavailable" class="unavailable" role="alert" hidden></div>`,
		`<p id="result-status" class="result-status visually-hidden" aria-live="polite" aria-atomic="true"></p>`,
		`<div id="result" class="result" aria-busy="true" data-state="loading">`,
		`<link rel="stylesheet" href="assets/calculator.css">`,
		`<script src="assets/wasm_exec.js"></script>`,
		`<script src="assets/calculator.js"></script>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("calculator.html lacks %s", want)
		}
	}
	noscript := regexp.MustCompile(`(?s)<noscript>(.*?)</noscript>`).FindStringSubmatch(body)
	if noscript == nil || !strings.Contains(noscript[1], "JavaScript") || !strings.Contains(noscript[1], "限额表") {
		t.Errorf("calculator.html: no <noscript> saying that JavaScript is off and pointing to the tables")
	}
	for _, m := range rules.Matters() {
		if !strings.Contains(body, `<section class="matter" id="m-`+m.ID+`"`) {
			t.Errorf("calculator.html lacks the table of %s", m.ID)
		}
		if !strings.Contains(body, `id="matter-`+m.ID+`" value="`+m.ID+`"`) {
			t.Errorf("calculator.html lacks the choice of %s", m.ID)
		}
	}
	// The procedures: a choice each, a radio group with its legend for
	// every question, and without JavaScript a table of their cases, one
	// row per branch, generated from the rules data.
	for _, p := range rules.Procedures() {
		if !strings.Contains(body, `id="matter-`+p.ID+`" value="`+p.ID+`"`) {
			t.Errorf("calculator.html lacks the choice of procedure %s", p.ID)
		}
		for _, in := range p.Inputs {
			q := regexp.MustCompile(`(?s)<fieldset class="question" id="q-` + p.ID + `-` + in.Name + `"[^>]*>\s*<legend>([^<]*)</legend>(.*?)</fieldset>`).FindStringSubmatch(body)
			if q == nil || q[1] != in.Label {
				t.Errorf("procedure %s: no fieldset with the legend %q for %s", p.ID, in.Label, in.Name)
				continue
			}
			for _, o := range in.Options {
				id := "q-" + p.ID + "-" + in.Name + "-" + o.Value
				if !strings.Contains(q[2], `name="q-`+p.ID+`-`+in.Name+`" id="`+id+`" value="`+o.Value+`">`) ||
					!strings.Contains(q[2], `<label for="`+id+`">`+html.EscapeString(o.Label)+`</label>`) {
					t.Errorf("procedure %s, %s: no labelled radio button for %s", p.ID, in.Name, o.Value)
				}
			}
		}
		table := regexp.MustCompile(`(?s)<section class="matter procedure-cases" id="cases-` + p.ID + `".*?</section>`).FindString(body)
		if n := strings.Count(table, "<tr>") - 1; n != len(p.Branches) {
			t.Errorf("the cases of procedure %s: %d rows, want one per branch (%d)", p.ID, n, len(p.Branches))
		}
		for _, b := range p.Branches {
			if !strings.Contains(table, `href="`+clauseAnchor(b.Clause.Path())+`">`+b.Clause.Citation()+`</a>`) {
				t.Errorf("the cases of procedure %s: no link to %s (branch %s)", p.ID, b.Clause.Citation(), b.ID)
			}
			for _, o := range b.Outcomes {
				// One reading: its wording; several: what each takes
				// the text to mean.
				want := o.Wording
				if len(b.Outcomes) > 1 {
					want = o.Reading
				}
				if !strings.Contains(table, html.EscapeString(want)) {
					t.Errorf("the cases of procedure %s: branch %s lacks %q", p.ID, b.ID, want)
				}
			}
			for _, n := range b.Notes {
				if len(b.Outcomes) == 0 && !strings.Contains(table, html.EscapeString(n.Text)) {
					t.Errorf("the cases of procedure %s: branch %s, where the text is silent, lacks %q", p.ID, b.ID, n.Text)
				}
			}
		}
	}
	// No inline event handlers, no inline scripts, no external requests.
	if m := regexp.MustCompile(`\son[a-z]+=`).FindString(body); m != "" {
		t.Errorf("calculator.html has an inline event handler (%s)", m)
	}
	for _, s := range regexp.MustCompile(`<script[^>]*>`).FindAllString(body, -1) {
		if !strings.Contains(s, " src=") && !strings.Contains(s, `type="application/json"`) {
			t.Errorf("calculator.html has an inline script: %s", s)
		}
	}
	if m := regexp.MustCompile(`(?:src|href)="(?:https?:)?//`).FindString(body); m != "" {
		t.Errorf("calculator.html requests another site: %s", m)
	}
}

// TestCalculatorData checks the page's data for the script: the
// thresholds it offers, and that every clause it can link to exists on the
// article pages, under internal/doc's anchors.
func TestCalculatorData(t *testing.T) {
	body := string(readSite(t, "calculator.html"))
	m := regexp.MustCompile(`(?s)<script type="application/json" id="calculator-data">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("calculator.html has no calculator-data")
	}
	var data struct {
		Clauses    map[string]string `json:"clauses"`
		Bodies     map[string]string `json:"bodies"`
		Procedures []struct {
			ID        string `json:"id"`
			Questions []struct {
				Name    string `json:"name"`
				Options []struct {
					Value string `json:"value"`
				} `json:"options"`
			} `json:"questions"`
		} `json:"procedures"`
		Matters []struct {
			ID     string `json:"id"`
			Inputs []struct {
				Name  string `json:"name"`
				Marks []struct {
					Amount  string `json:"amount"`
					Written string `json:"written"`
				} `json:"marks"`
			} `json:"inputs"`
		} `json:"matters"`
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &data); err != nil {
		t.Fatalf("calculator-data: %v", err)
	}
	if len(data.Matters) != len(rules.Matters()) {
		t.Errorf("calculator-data has %d matters, rules %d", len(data.Matters), len(rules.Matters()))
	}
	// The thresholds offered as examples, as the text writes them.
	wantMarks := map[string]string{
		"22.1.1 amount": "500=500万元 1000=1000万元 5000=5000万元",
		"22.3.2 amount": "10=10万元 500=500万元 2000=2000万元",
		"22.5 contract": "400=400万元",
		"22.5 change":   "40=40万元 100=100万元 400=400万元",
		"22.6.1 amount": "500=500万元 1000=1000万元 10000=1亿元",
		"22.6.2 amount": "5000=5000万元",
		"22.4 amount":   "40=40万元 100=100万元 400=400万元 1000=1000万元 5000=5000万元",
		"22.3.1 amount": "100=100万元 200=200万元 500=500万元 2000=2000万元",
		"22.2 amount":   "200=200万元 1000=1000万元 5000=5000万元",
		"22.1.3 amount": "500=500万元 1000=1000万元 2000=2000万元",
		"22.1.2 amount": "1000=1000万元 5000=5000万元",
	}
	for _, mt := range data.Matters {
		for _, in := range mt.Inputs {
			var got []string
			for _, m := range in.Marks {
				got = append(got, m.Amount+"="+m.Written)
			}
			key := mt.ID + " " + in.Name
			if want, ok := wantMarks[key]; !ok || strings.Join(got, " ") != want {
				t.Errorf("thresholds of %s: %q, want %q", key, strings.Join(got, " "), want)
			}
		}
	}

	// The procedures' questions, with every option, in order.
	procs := rules.Procedures()
	if len(data.Procedures) != len(procs) {
		t.Fatalf("calculator-data has %d procedures, rules %d", len(data.Procedures), len(procs))
	}
	for i, p := range procs {
		var got, want []string
		for _, q := range data.Procedures[i].Questions {
			for _, o := range q.Options {
				got = append(got, q.Name+"="+o.Value)
			}
		}
		for _, in := range p.Inputs {
			for _, o := range in.Options {
				want = append(want, in.Name+"="+o.Value)
			}
		}
		if data.Procedures[i].ID != p.ID || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("procedure %s in calculator-data: %s %v, want %v", p.ID, data.Procedures[i].ID, got, want)
		}
	}

	// Every clause a decision, a note, a general rule or a procedure
	// cites (a branch, a reading, a step, a duty, a note, a quote).
	need := map[string]bool{}
	for _, mt := range rules.Matters() {
		need[mt.ID] = true
		for _, t := range mt.Tables {
			need[t.Clause.Path()] = true
		}
	}
	for _, g := range rules.GeneralRules() {
		need[g.Clause.Path()] = true
	}
	for _, p := range procs {
		need[p.Clause.Path()] = true
		for _, b := range p.Branches {
			need[b.Clause.Path()] = true
		}
		for _, q := range p.Quotes() {
			need[q.Clause.Path()] = true
		}
	}
	for _, id := range []string{"18.p2", "43.2", "43.3", "21", "23.p1"} {
		if !need[id] {
			t.Errorf("the procedures no longer cite %s: the checks below miss a kind of clause", id)
		}
	}
	for id := range need {
		href, ok := data.Clauses[id]
		if !ok {
			t.Errorf("no link for clause %s", id)
			continue
		}
		if href != clauseAnchor(id) {
			t.Errorf("clause %s links to %s, want %s", id, href, clauseAnchor(id))
		}
	}
	for id, href := range data.Clauses {
		file, anchor, _ := strings.Cut(href, "#")
		ids := anchorsOf(t, file)
		if anchor != "" && !ids[anchor] {
			t.Errorf("clause %s: %s has no id %q", id, file, anchor)
		}
	}
	for body, href := range data.Bodies {
		file, anchor, _ := strings.Cut(href, "#")
		if !anchorsOf(t, file)[anchor] {
			t.Errorf("body %s: %s has no id %q", body, file, anchor)
		}
	}
}

// unavailable is what the page shows when the calculator cannot run.
type unavailable struct {
	Shown     bool   `json:"shown"`
	Reason    string `json:"reason"`
	Text      string `json:"text"`
	FormShown bool   `json:"formShown"`
	Tables    int    `json:"tables"`
}

const readUnavailable = `(() => {
	const box = document.getElementById("calc-unavailable");
	return {
		shown: !box.hidden && box.offsetHeight > 0,
		reason: box.getAttribute("data-reason") || "",
		text: box.innerText,
		formShown: document.getElementById("calculator").offsetHeight > 0,
		tables: document.querySelectorAll(".reference section.matter table").length,
	};
})()`

// TestCalculatorWithoutJavaScript runs the page with scripts disabled.
func TestCalculatorWithoutJavaScript(t *testing.T) {
	ctx := newBrowser(t)
	dir := siteDir(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{serve(t, dir).URL + "calculator.html?matter=22.2&amount=800", browsertest.FileURL(t, dir, "calculator.html")} {
		navigate(t, ctx, u)
		got := eval[struct {
			Message   string `json:"message"`
			FormShown bool   `json:"formShown"`
			Tables    int    `json:"tables"`
			Cases     int    `json:"cases"`
		}](t, ctx, `({
			message: document.querySelector("main").innerText,
			formShown: document.getElementById("calculator").offsetHeight > 0,
			tables: document.querySelectorAll(".reference section.matter table").length,
			cases: Array.from(document.querySelectorAll("#cases table")).filter((e) => e.offsetHeight > 0).length,
		})`)
		if !strings.Contains(got.Message, "当前浏览器未启用 JavaScript") {
			t.Errorf("%s without JavaScript: no message saying so", u)
		}
		if got.FormShown || got.Tables < len(rules.Matters()) {
			t.Errorf("%s without JavaScript: form shown %v, %d tables", u, got.FormShown, got.Tables)
		}
		if got.Cases != len(rules.Procedures()) {
			t.Errorf("%s without JavaScript: %d tables of the procedures' cases, want %d", u, got.Cases, len(rules.Procedures()))
		}
	}
}

// TestCalculatorWithoutWebAssembly runs the page in a browser that lacks
// WebAssembly.
func TestCalculatorWithoutWebAssembly(t *testing.T) {
	ctx := newBrowser(t)
	dir := siteDir(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: "delete window.WebAssembly;",
	}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{serve(t, dir).URL + "calculator.html?matter=22.2&amount=800", browsertest.FileURL(t, dir, "calculator.html")} {
		open(t, ctx, u)
		got := eval[unavailable](t, ctx, readUnavailable)
		if !got.Shown || got.Reason != "unsupported" || !strings.Contains(got.Text, "不支持 WebAssembly") {
			t.Errorf("%s without WebAssembly: %+v", u, got)
		}
		if got.FormShown || got.Tables < len(rules.Matters()) {
			t.Errorf("%s without WebAssembly: form shown %v, %d tables", u, got.FormShown, got.Tables)
		}
	}
}

// TestCalculatorModuleMissing runs the page when the module cannot be
// loaded: rules.wasm missing on the server, rules-wasm.js missing on disk.
func TestCalculatorModuleMissing(t *testing.T) {
	ctx := newBrowser(t)
	dir := siteDir(t)
	broken := copyTree(t, dir)
	if err := os.Remove(filepath.Join(broken, "assets", "rules-wasm.js")); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, dir, func(s *server) { s.missing["assets/rules.wasm"] = true })
	for _, tc := range []struct{ url, names string }{
		{srv.URL + "calculator.html?matter=22.2&amount=800", "rules.wasm"},
		{browsertest.FileURL(t, broken, "calculator.html") + "?matter=22.2&amount=800", "rules-wasm.js"},
	} {
		open(t, ctx, tc.url)
		got := eval[unavailable](t, ctx, readUnavailable)
		if !got.Shown || got.Reason != "failed" || !strings.Contains(got.Text, tc.names) || !strings.Contains(got.Text, "限额表") {
			t.Errorf("%s with %s missing: %+v", tc.url, tc.names, got)
		}
		if got.FormShown || got.Tables < len(rules.Matters()) {
			t.Errorf("%s with %s missing: form shown %v, %d tables", tc.url, tc.names, got.FormShown, got.Tables)
		}
	}
}

// TestCalculatorWrongWasmType serves rules.wasm with a generic type, as
// many intranet servers do: instantiateStreaming refuses it, and the page
// compiles the module from memory instead.
func TestCalculatorWrongWasmType(t *testing.T) {
	ctx := newBrowser(t)
	srv := serve(t, siteDir(t), func(s *server) { s.wasmType = "application/octet-stream" })
	st := open(t, ctx, srv.URL+"calculator.html?matter=22.6.1&amount=1亿元")
	if st.State != "decision" || st.Decider != "区委常委会会议" {
		t.Errorf("rules.wasm as application/octet-stream: state %q, decider %q", st.State, st.Decider)
	}
}

// accessibility is what TestCalculatorAccessibility finds wrong.
type accessibility struct {
	Unlabelled  []string `json:"unlabelled"`
	LowContrast []string `json:"lowContrast"`
	Controls    int      `json:"controls"`
	Texts       int      `json:"texts"`
}

// checkAccessibility looks at every visible control of the calculator and
// every visible text of the page: each control has a name (a label, or
// its text), and text contrast is at least 4.5:1 (3:1 for large text), as
// WCAG AA asks.
const checkAccessibility = `(() => {
	const out = { unlabelled: [], lowContrast: [], controls: 0, texts: 0 };
	const visible = (e) => e.offsetWidth > 0 && e.offsetHeight > 0 && getComputedStyle(e).visibility !== "hidden";
	const name = (e) => {
		if (e.getAttribute("aria-label")) return e.getAttribute("aria-label");
		if (e.id) {
			const l = document.querySelector('label[for="' + e.id + '"]');
			if (l && l.textContent.trim()) return l.textContent.trim();
		}
		return e.tagName === "BUTTON" || e.tagName === "SUMMARY" || e.tagName === "A" ? e.textContent.trim() : "";
	};
	const controls = document.querySelectorAll("#calculator input, #calculator select, #calculator button, #calculator summary, #result a");
	for (const e of controls) {
		if (!visible(e) && e.type !== "radio") continue;
		out.controls++;
		const what = e.tagName.toLowerCase() + "#" + (e.id || e.textContent.trim().slice(0, 12));
		if (!name(e)) out.unlabelled.push(what);
	}
	const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = (c) => {
		const v = rgb(c).slice(0, 3).map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
		return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
	};
	const background = (e) => {
		for (; e; e = e.parentElement) {
			const c = getComputedStyle(e).backgroundColor;
			const a = rgb(c);
			if (a.length === 3 || (a.length === 4 && a[3] > 0)) return c;
		}
		return "rgb(255, 255, 255)";
	};
	const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
	const seen = new Set();
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const e = n.parentElement;
		if (!n.textContent.trim() || seen.has(e) || !visible(e)) continue;
		seen.add(e);
		if (e.closest("svg, noscript")) continue;
		out.texts++;
		const s = getComputedStyle(e);
		const l1 = lum(s.color), l2 = lum(background(e));
		const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
		const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
		const large = size >= 24 || (bold && size >= 18.66);
		const disabled = e.closest(":disabled");
		if (!disabled && ratio < (large ? 3 : 4.5)) out.lowContrast.push(e.tagName.toLowerCase() + "." + e.className + " “" + n.textContent.trim().slice(0, 12) + "” " + ratio.toFixed(2));
	}
	return out;
})()`

// TestCalculatorAccessibility checks names, focus rings and contrast on
// the calculator with a decision, an error and the page's other states.
func TestCalculatorAccessibility(t *testing.T) {
	ctx := newBrowser(t)
	srv := serve(t, siteDir(t))
	for _, u := range []string{
		"calculator.html?matter=22.1.3&amount=800",
		"calculator.html?matter=22.5&contract=abc&change=50",
		"calculator.html?matter=43&issuer=gov&to=other&kind=normative&interest=yes",
		"calculator.html?matter=43&issuer=gov&to=other&kind=minutes-topic&beyond=no&deputies=several",
		"calculator.html?matter=21&kind=plan&dept=yes",
		"calculator.html",
	} {
		open(t, ctx, srv.URL+u)
		got := eval[accessibility](t, ctx, checkAccessibility)
		if got.Controls < 12 || got.Texts < 100 {
			t.Errorf("%s: only %d controls and %d texts checked", u, got.Controls, got.Texts)
		}
		for _, what := range got.Unlabelled {
			t.Errorf("%s: %s has no accessible name", u, what)
		}
		for _, what := range focusRings(t, ctx) {
			t.Errorf("%s: %s shows no focus ring", u, what)
		}
		for _, what := range got.LowContrast {
			t.Errorf("%s: contrast below WCAG AA: %s", u, what)
		}
	}
}

// focusRings tabs through the page from its start, as a keyboard user
// does, and lists the calculator's controls that take the focus without
// showing a ring (a radio shows it on its label).
func focusRings(t *testing.T, ctx context.Context) []string {
	t.Helper()
	type step struct {
		What string `json:"what"`
		In   bool   `json:"in"`
		Ring bool   `json:"ring"`
	}
	var missing []string
	inside := 0
	for i := 0; i < 120; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		s := eval[step](t, ctx, `(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return { what: "body", in: false, ring: false };
			const ringed = e.type === "radio" ? document.querySelector('label[for="' + e.id + '"]') : e;
			const s = getComputedStyle(ringed);
			return {
				what: e.tagName.toLowerCase() + "#" + (e.id || e.textContent.trim().slice(0, 12)),
				in: !!e.closest("#calculator"),
				ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
			};
		})()`)
		if !s.In {
			if inside > 0 {
				break
			}
			continue
		}
		inside++
		if !s.Ring {
			missing = append(missing, s.What)
		}
	}
	if inside < 3 {
		t.Errorf("Tab reached only %d controls of the calculator", inside)
	}
	return missing
}
