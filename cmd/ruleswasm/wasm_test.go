//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"rulesite/internal/testenv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
	"rulesite/internal/wasmbuild"
	"rulesite/rules"
	"rulesite/rules/cases"
)

// check compares an answer of rules.route, decoded from JSON, with what
// the table expects.
func checkAmount(w cases.AmountWant, answer any) string {
	a, _ := answer.(map[string]any)
	if w.Error != "" {
		e, _ := a["error"].(map[string]any)
		input, _ := e["input"].(string)
		if a["ok"] != false || e["code"] != w.Error || input != w.Input {
			return "want error " + w.Error + " (input " + w.Input + ")"
		}
		return ""
	}
	clause, _ := a["clause"].(map[string]any)
	if a["ok"] != true || a["decider"] != w.Decider || a["action"] != w.Action || clause["id"] != w.Clause {
		return "want " + w.Decider + " " + w.Action + " (" + w.Clause + ")"
	}
	return ""
}

// check compares an answer of rules.route for a procedure, decoded from
// JSON, with what the table expects.
func checkProcedure(w cases.ProcedureWant, answer any) string {
	if w.Error != "" {
		return checkAmount(cases.AmountWant{Error: w.Error, Input: w.Input}, answer)
	}
	a, _ := answer.(map[string]any)
	list := func(key string, field ...string) string {
		var s []string
		v, _ := a[key].([]any)
		for _, x := range v {
			if len(field) == 0 {
				s = append(s, x.(string))
				continue
			}
			m, _ := x.(map[string]any)
			var parts []string
			for _, f := range field {
				p, _ := m[f].(string)
				parts = append(parts, p)
			}
			s = append(s, strings.Join(parts, " "))
		}
		return strings.Join(s, "|")
	}
	clause, _ := a["clause"].(map[string]any)
	if a["ok"] != true || a["type"] != "procedure" || a["branch"] != w.Branch || clause["id"] != w.Clause ||
		list("readings", "decider", "action") != strings.Join(w.Readings, "|") ||
		list("before", "action") != strings.Join(w.Before, "|") || list("duties", "action") != strings.Join(w.Duties, "|") ||
		list("see") != strings.Join(w.See, "|") || w.Notes != nil && noteClauses(a) != strings.Join(w.Notes, "|") {
		return "want branch " + w.Branch + " (" + w.Clause + "): " + strings.Join(w.Readings, "|")
	}
	return ""
}

// noteClauses lists the clause ids of an answer's notes, joined by "|".
func noteClauses(a map[string]any) string {
	var s []string
	v, _ := a["notes"].([]any)
	for _, x := range v {
		n, _ := x.(map[string]any)
		c, _ := n["clause"].(map[string]any)
		id, _ := c["id"].(string)
		s = append(s, id)
	}
	return strings.Join(s, "|")
}

func loadProcCases(t *testing.T) *cases.Procedures {
	t.Helper()
	f, err := cases.LoadProcedures()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func loadCases(t *testing.T) *cases.Amounts {
	t.Helper()
	f, err := cases.LoadAmounts()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// native replays an answer written natively into the values that
// encoding/json decodes JSON into, so that it compares with what Node.js
// prints.
func native(write func(w *writer)) any {
	w := &writer{}
	write(w)
	v, _ := decode(w.ops, 0)
	return v
}

// decode decodes the value that starts at ops[i] and returns it with the
// index of the op after it.
func decode(ops []op, i int) (any, int) {
	o := ops[i]
	switch o.kind {
	case opObject:
		m := map[string]any{}
		for i++; ops[i].kind != opEnd; {
			k := ops[i].key
			m[k], i = decode(ops, i)
		}
		return m, i + 1
	case opArray:
		a := []any{}
		for i++; ops[i].kind != opEnd; {
			var v any
			v, i = decode(ops, i)
			a = append(a, v)
		}
		return a, i + 1
	case opString:
		return o.str, i + 1
	case opNumber:
		return float64(o.num), i + 1
	case opBool:
		return o.num != 0, i + 1
	}
	return nil, i + 1
}

// findNode returns the path of node, or skips the test (fails it when
// Node.js is required).
func findNode(t *testing.T) string { return testenv.Node(t) }

// compile compiles rules.wasm (from the tests' cache when the sources
// are unchanged) and writes it with wasm_exec.js, the case table and the
// files of testdata/ into a temporary directory, which it returns.
func compile(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := wasmbuild.Build(ctx, root, filepath.Join(root, ".cache", "wasmbuild-test"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"rules.wasm": res.Wasm, "wasm_exec.js": res.WasmExec}
	for dst, src := range map[string]string{
		"cases.json":      filepath.Join(cases.Dir(), "cases.json"),
		"procedures.json": filepath.Join(cases.Dir(), "procedures.json"),
		"cases.js":        filepath.Join("testdata", "cases.js"),
		"run.js":          filepath.Join("testdata", "run.js"),
		"hostile.js":      filepath.Join("testdata", "hostile.js"),
		"browser.html":    filepath.Join("testdata", "browser.html"),
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		files[dst] = data
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestWasmInNode compiles rules.wasm, runs every case of the shared table
// through globalThis.rules in Node.js, and requires the same answers as
// the native code gives, and as the table expects.
func TestWasmInNode(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm and runs Node.js")
	}
	node := findNode(t)
	dir := compile(t)
	out := runNode(t, node, dir, "run.js", "wasm_exec.js", "rules.wasm", "cases.json", "procedures.json")
	compareRun(t, "Node.js", out)
}

// runNode runs a script of testdata/ in dir with Node.js and returns
// what it printed.
func runNode(t *testing.T, node, dir string, args ...string) []byte {
	t.Helper()
	// Node runs under a short environment, as esbuild's Makefile runs
	// its WebAssembly tests: only PATH, with node's own directory and
	// the toolchain's lib/wasm.
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Dir(node) + string(os.PathListSeparator) + filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir, cmd.Env = dir, []string{"PATH=" + path}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", args[0], err, stderr.String())
	}
	return out
}

// TestWasmHostileRequests sends rules.route requests that throw while
// they are read (getters, Proxy traps, revoked Proxies), values of every
// JavaScript type, cyclic objects and huge strings (testdata/hostile.js),
// and requires an error answer with the documented code for each, never
// an exception. Then it sends 50,000 requests that throw while read and
// requires that WebAssembly memory stays flat: each such call used to
// keep about 2.8 KB.
func TestWasmHostileRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm and runs Node.js")
	}
	node := findNode(t)
	dir := compile(t)
	const calls = 50000
	out := runNode(t, node, dir, "hostile.js", "wasm_exec.js", "rules.wasm", strconv.Itoa(calls))
	var got struct {
		Cases []struct {
			Name string
			Want struct {
				OK    bool    `json:"ok"`
				Code  string  `json:"code"`
				Input *string `json:"input"`
			}
			Answer *struct {
				OK    *bool `json:"ok"`
				Error *struct {
					Code    string  `json:"code"`
					Message string  `json:"message"`
					Input   *string `json:"input"`
				} `json:"error"`
			}
			Threw string
			Plain bool
		}
		Loop struct {
			Calls, Before, After, Threw, Bad int
		}
		Exited bool
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output of hostile.js: %v\n%.500s", err, out)
	}
	if len(got.Cases) < 40 {
		t.Fatalf("hostile.js answered %d requests, want the whole table", len(got.Cases))
	}
	for _, c := range got.Cases {
		a := c.Answer
		switch {
		case c.Threw != "":
			t.Errorf("%s: rules.route threw %s", c.Name, c.Threw)
			continue
		case a == nil || a.OK == nil:
			t.Errorf("%s: rules.route answered no {ok}", c.Name)
			continue
		case !c.Plain:
			t.Errorf("%s: the answer is not made of plain objects and values", c.Name)
		}
		if c.Want.OK {
			if !*a.OK {
				t.Errorf("%s: rules.route answered %+v, want ok", c.Name, a.Error)
			}
			continue
		}
		input, wantInput := "<null>", "<null>"
		if a.Error != nil && a.Error.Input != nil {
			input = *a.Error.Input
		}
		if c.Want.Input != nil {
			wantInput = *c.Want.Input
		}
		switch {
		case *a.OK || a.Error == nil:
			t.Errorf("%s: rules.route answered ok, want error %s", c.Name, c.Want.Code)
		case a.Error.Code != c.Want.Code || input != wantInput:
			t.Errorf("%s: rules.route answered error %s (input %s), want %s (input %s)", c.Name, a.Error.Code, input, c.Want.Code, wantInput)
		case a.Error.Message == "":
			t.Errorf("%s: error %s has no message", c.Name, a.Error.Code)
		}
	}
	l := got.Loop
	t.Logf("WebAssembly memory before %d throwing requests: %d bytes, after: %d bytes", l.Calls, l.Before, l.After)
	if l.Calls != calls || l.Threw != 0 || l.Bad != 0 {
		t.Errorf("memory loop: %d calls, %d threw, %d answered other than {ok: false}; want %d calls, none", l.Calls, l.Threw, l.Bad, calls)
	}
	// A leak of even 200 bytes a call would add 10 MB; the Go heap of
	// rules.wasm itself grows by at most a few 4 MB arenas.
	if grown := l.After - l.Before; grown > 8<<20 {
		t.Errorf("WebAssembly memory grew by %d bytes over %d throwing requests (%.0f bytes a call), want it flat", grown, l.Calls, float64(grown)/float64(l.Calls))
	}
	if got.Exited {
		t.Error("the Go program exited; it must stay alive to answer calls")
	}
}

// TestWasmInBrowser runs the same cases in headless Chromium, loading
// rules.wasm as the site's pages do.
func TestWasmInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm and runs Chromium")
	}
	browsertest.Executable(t)
	dir := compile(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.Serve(t, dir)+"browser.html")); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx, chromedp.Poll[string]("window.rulesResult", chromedp.WithPollingTimeout(time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	compareRun(t, "Chromium", []byte(out))
}

// compareRun checks what cases.js printed in a JavaScript engine against
// the native answers and the table.
func compareRun(t *testing.T, engine string, out []byte) {
	t.Helper()
	table := loadCases(t)
	var got struct {
		Error      string
		APIVersion float64 `json:"apiVersion"`
		Functions  []string
		Matters    any
		Cases      []any
		Requests   []any
		Procedures []any
		// ProcedureRequests answers the raw requests of procedures.json.
		ProcedureRequests []any `json:"procedureRequests"`
		Exited            bool
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output of cases.js in %s: %v\n%.500s", engine, err, out)
	}
	if got.Error != "" {
		t.Fatalf("%s: %s", engine, got.Error)
	}
	if got.APIVersion != apiVersion || strings.Join(got.Functions, " ") != "apiVersion matters route" {
		t.Errorf("%s: globalThis.rules has apiVersion %v and %v, want %d and apiVersion matters route", engine, got.APIVersion, got.Functions, apiVersion)
	}
	if got.Exited {
		t.Errorf("%s: the Go program exited; it must stay alive to answer calls", engine)
	}
	if want := native(func(w *writer) { w.matters() }); !reflect.DeepEqual(got.Matters, want) {
		t.Errorf("rules.matters() in %s differs from the native answer:\n%s", engine, diff(got.Matters, want))
	}
	if len(got.Cases) != len(table.Cases) || len(got.Requests) != len(table.Requests) {
		t.Fatalf("%s answered %d cases and %d requests, want %d and %d", engine, len(got.Cases), len(got.Requests), len(table.Cases), len(table.Requests))
	}
	for i, c := range table.Cases {
		want := native(func(w *writer) { w.route(request{matter: c.Matter, inputs: c.Inputs}, nil) })
		if !reflect.DeepEqual(got.Cases[i], want) {
			t.Errorf("%s: rules.route in %s differs from the native answer:\n%s", c.Name, engine, diff(got.Cases[i], want))
		}
		if msg := checkAmount(c.Want, got.Cases[i]); msg != "" {
			t.Errorf("%s: rules.route in %s gave %s; %s", c.Name, engine, summary(got.Cases[i]), msg)
		}
	}
	for i, r := range table.Requests {
		if msg := checkAmount(r.Want, got.Requests[i]); msg != "" {
			t.Errorf("request %q: rules.route in %s gave %s; %s", r.Name, engine, summary(got.Requests[i]), msg)
		}
	}
	procs := loadProcCases(t)
	if len(got.Procedures) != len(procs.Cases) {
		t.Fatalf("%s answered %d cases of procedures.json, want %d", engine, len(got.Procedures), len(procs.Cases))
	}
	for i, c := range procs.Cases {
		want := native(func(w *writer) { w.route(request{matter: c.Matter, inputs: c.Inputs}, nil) })
		if !reflect.DeepEqual(got.Procedures[i], want) {
			t.Errorf("%s: rules.route in %s differs from the native answer:\n%s", c.Name, engine, diff(got.Procedures[i], want))
		}
		if msg := checkProcedure(c.Want, got.Procedures[i]); msg != "" {
			t.Errorf("%s: rules.route in %s gave %s; %s", c.Name, engine, summary(got.Procedures[i]), msg)
		}
	}
	if len(got.ProcedureRequests) != len(procs.Requests) {
		t.Fatalf("%s answered %d requests of procedures.json, want %d", engine, len(got.ProcedureRequests), len(procs.Requests))
	}
	for i, r := range procs.Requests {
		if msg := checkAmount(r.Want, got.ProcedureRequests[i]); msg != "" {
			t.Errorf("request %q: rules.route in %s gave %s; %s", r.Name, engine, summary(got.ProcedureRequests[i]), msg)
		}
	}
}

// summary shortens an answer for a message.
func summary(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 300 {
		b = append(b[:300], "…"...)
	}
	return string(b)
}

// diff shows two answers one under the other.
func diff(got, want any) string {
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			return "first difference at line " + strconv.Itoa(i+1) + ":\n\tnode:   " + gl[i] + "\n\tnative: " + wl[i]
		}
	}
	return "node: " + strconv.Itoa(len(gl)) + " lines, native: " + strconv.Itoa(len(wl)) + " lines"
}

// TestAnswersNatively checks the answers' shapes without Node.js: every
// case of the table gives an answer that the table expects.
func TestAnswersNatively(t *testing.T) {
	table := loadCases(t)
	// Every answer names the version of the text it rests on.
	source := func(name string, a any) {
		m, _ := a.(map[string]any)
		src, _ := m["source"].(map[string]any)
		if m["ok"] == true && (src["citation"] != rules.Source.Citation() || src["number"] != rules.Source.Number || src["effective"] != rules.Source.Effective) {
			t.Errorf("%s: source %v, want %s", name, src, rules.Source.Citation())
		}
	}
	for _, c := range table.Cases {
		a := native(func(w *writer) { w.route(request{matter: c.Matter, inputs: c.Inputs}, nil) })
		if msg := checkAmount(c.Want, a); msg != "" {
			t.Errorf("%s: answer %s; %s", c.Name, summary(a), msg)
		}
		source(c.Name, a)
	}
	for _, c := range loadProcCases(t).Cases {
		a := native(func(w *writer) { w.route(request{matter: c.Matter, inputs: c.Inputs}, nil) })
		if msg := checkProcedure(c.Want, a); msg != "" {
			t.Errorf("%s: answer %s; %s", c.Name, summary(a), msg)
		}
		source(c.Name, a)
	}
	ms, ok := native(func(w *writer) { w.matters() }).([]any)
	if !ok {
		t.Fatal("matters() is not an array")
	}
	// The matters of article 二十二 first, then the procedures, each
	// saying which it is.
	var ids []string
	for _, m := range ms {
		m := m.(map[string]any)
		ids = append(ids, m["type"].(string)+":"+m["id"].(string))
	}
	if got, want := strings.Join(ids, " "), "amount:22.1.1 amount:22.1.2 amount:22.1.3 amount:22.2 amount:22.3.1 amount:22.3.2 amount:22.4 amount:22.5 amount:22.6.1 amount:22.6.2 procedure:6 procedure:7 procedure:21 procedure:42 procedure:43 procedure:44"; got != want {
		t.Errorf("matters() lists %s, want %s", got, want)
	}
	a := native(func(w *writer) { w.route(request{}, invalidRequest("须传入一个对象")) })
	if msg := checkAmount(cases.AmountWant{Error: "request.invalid"}, a); msg != "" {
		t.Error(msg)
	}
}

// TestReadmeListsInputs keeps the table of inputs in README.md in step
// with the procedures.
func TestReadmeListsInputs(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		if id, rest, ok := strings.Cut(strings.TrimPrefix(l, "| `"), "` "); ok && strings.HasPrefix(l, "| `") {
			rows[id] = rest
		}
	}
	for _, p := range rules.Procedures() {
		row := " " + strings.NewReplacer("·", " ", ",", " ", "`", " ", "/", " ", "|", " ").Replace(rows[p.ID]) + " "
		for _, in := range p.Inputs {
			if !strings.Contains(row, " "+in.Name+" ") {
				t.Errorf("README.md does not list input %s of %s", in.Name, p.ID)
			}
			for _, o := range in.Options {
				if !strings.Contains(row, " "+o.Value+" ") {
					t.Errorf("README.md does not list %s=%s of %s", in.Name, o.Value, p.ID)
				}
			}
		}
	}
}

// TestEncode checks that the JSON text the bridge hands to JSON.parse
// holds exactly the answer written, for every case and rules.matters().
func TestEncode(t *testing.T) {
	check := func(name string, write func(w *writer)) {
		w := &writer{}
		write(w)
		var got any
		if err := json.Unmarshal([]byte(encode(w.ops)), &got); err != nil {
			t.Fatalf("%s: encode wrote invalid JSON: %v", name, err)
		}
		if want, _ := decode(w.ops, 0); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: encode wrote %s", name, diff(got, want))
		}
	}
	check("matters()", func(w *writer) { w.matters() })
	for _, c := range loadProcCases(t).Cases {
		check(c.Name, func(w *writer) { w.route(request{matter: c.Matter, inputs: c.Inputs}, nil) })
	}
	check("control characters and quotes", func(w *writer) {
		w.Object("")
		w.String("s\"\\", "a\x00\x1f\"\\\n\u2028中")
		w.Array("a")
		w.Int("", -3)
		w.Bool("", true)
		w.null("")
		w.End()
		w.End()
	})
}
