package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rulesite/internal/browsertest"
	"rulesite/rules"
	"rulesite/rules/cases"
)

// loadProcedureCases reads rules/testdata/procedures.json, the case table
// of the procedures that the native and Node.js tests of the rules read
// too, through the one loader of package cases.
func loadProcedureCases(t testing.TB) []cases.Procedure {
	t.Helper()
	f, err := cases.LoadProcedures()
	if err != nil {
		t.Fatal(err)
	}
	return f.Cases
}

// procState is what the tests read of the calculator with a procedure
// chosen.
type procState struct {
	State    string            `json:"state"`
	Type     string            `json:"type"`
	Answer   string            `json:"answer"` // single, ambiguous, silent
	Branch   string            `json:"branch"`
	Readings []procReading     `json:"readings"`
	Links    []string          `json:"links"` // every href in #result
	Before   []string          `json:"before"`
	Duties   []string          `json:"duties"`
	See      []string          `json:"see"`
	Notes    []string          `json:"notes"` // the href of each note's clause link
	Verdict  string            `json:"verdict"`
	Text     string            `json:"text"`
	Matter   string            `json:"matter"`
	Query    map[string]string `json:"query"`
	QueryRaw string            `json:"queryRaw"`
	Shown    []string          `json:"shown"`   // the questions shown, in order
	Answers  map[string]string `json:"answers"` // the options checked, shown or not
	Offered  map[string]string `json:"offered"` // the options offered of each question shown, space-separated
	Legends  map[string]string `json:"legends"`
	Amounts  bool              `json:"amounts"` // the amount fields are shown
	Slip     string            `json:"slip"`
	SlipOn   bool              `json:"slipShown"`
	// Stopped is set by answerAll: the question it could not answer, and why.
	Stopped string `json:"stopped"`
}

type procReading struct {
	Decider  string `json:"decider"`
	Action   string `json:"action"`
	Citation string `json:"citation"` // href of the reading's clause link
	Quote    string `json:"quote"`
}

// readProc is a JavaScript function reading procState.
const readProc = `function readProc() {
	const res = document.getElementById("result");
	const checked = document.querySelector('input[name="matter"]:checked');
	const matter = checked ? checked.value : "";
	const query = {};
	new URLSearchParams(location.search).forEach((v, k) => { query[k] = v; });
	const shown = [], answers = {}, offered = {}, legends = {};
	const box = document.getElementById("proc-" + matter);
	if (box) {
		for (const f of box.querySelectorAll("fieldset.question")) {
			const name = f.id.slice(("q-" + matter + "-").length);
			const on = f.querySelector("input:checked");
			if (on) answers[name] = on.value;
			legends[name] = f.querySelector("legend").textContent;
			if (f.hidden || f.offsetHeight === 0 || box.hidden) continue;
			shown.push(name);
			offered[name] = Array.from(f.querySelectorAll("input")).filter((r) => !r.disabled && r.offsetHeight > 0).map((r) => r.value).join(" ");
		}
	}
	const items = Array.from(res.querySelectorAll("[data-reading]"));
	const acts = (part) => Array.from(res.querySelectorAll('[data-part="' + part + '"] li .act')).map((e) => e.textContent);
	const verdict = res.querySelector('[data-part="verdict"]');
	return {
		state: res.getAttribute("data-state") || "",
		type: res.getAttribute("data-type") || "",
		answer: res.getAttribute("data-answer") || "",
		branch: res.getAttribute("data-branch") || "",
		readings: items.map((e) => {
			const scope = e.getAttribute("data-part") === "verdict" ? res : e;
			const link = scope.querySelector(".citation a");
			const quote = scope.querySelector(".basis-quote");
			return {
				decider: e.getAttribute("data-decider"),
				action: e.getAttribute("data-action"),
				citation: link ? link.getAttribute("href") : "",
				quote: quote ? quote.textContent : "",
			};
		}),
		links: Array.from(res.querySelectorAll("a")).map((a) => a.getAttribute("href")),
		before: acts("before"),
		duties: acts("duties"),
		see: Array.from(res.querySelectorAll('[data-part="see"] a[data-matter]')).map((a) => a.getAttribute("data-matter")),
		notes: Array.from(res.querySelectorAll('[data-part="notes"] li')).map((li) => {
			const links = li.querySelectorAll("a");
			return links.length ? links[links.length - 1].getAttribute("href") : "";
		}),
		verdict: verdict ? verdict.innerText : "",
		text: res.innerText,
		matter: matter,
		query: query,
		queryRaw: location.search,
		shown: shown,
		answers: answers,
		offered: offered,
		legends: legends,
		amounts: !document.getElementById("amounts").hidden,
		slip: document.getElementById("slip-text").textContent,
		slipShown: !document.getElementById("slip").hidden,
		stopped: "",
	};
}`

// procState reads the page.
func readProcState(t testing.TB, ctx context.Context) procState {
	t.Helper()
	return eval[procState](t, ctx, "("+readProc+")()")
}

// follow clicks an in-page link to a calculator address, as the threshold
// tables' and the answers' links are followed: the form is filled in
// place, its answers replaced by the address's.
func follow(t testing.TB, ctx context.Context, query string) procState {
	t.Helper()
	args, _ := json.Marshal(query)
	return eval[procState](t, ctx, `((q) => {
		const a = document.createElement("a");
		a.href = "calculator.html" + q;
		document.querySelector(".reference").appendChild(a);
		a.click();
		a.remove();
		return (`+readProc+`)();
	})(`+string(args)+`)`)
}

// answerAll answers the questions as a user does: it clicks, in the
// question shown first that has no answer, the option inputs gives, until
// no question is left unanswered. It stops at a question shown that
// inputs does not answer, or whose answer is not offered.
func answerAll(t testing.TB, ctx context.Context, matter string, inputs map[string]string) procState {
	t.Helper()
	args, _ := json.Marshal([]any{matter, inputs})
	return eval[procState](t, ctx, `((matter, inputs) => {
		const box = document.getElementById("proc-" + matter);
		let stopped = "";
		for (let guard = 0; guard < 50 && !stopped; guard++) {
			const q = Array.from(box.querySelectorAll("fieldset.question")).filter((f) => f.offsetHeight > 0 && !f.querySelector("input:checked"))[0];
			if (!q) break;
			const name = q.id.slice(("q-" + matter + "-").length);
			if (!(name in inputs) || inputs[name] === "") { stopped = name + ": unanswered"; break; }
			const r = document.getElementById(q.id + "-" + inputs[name]);
			if (!r || r.disabled || r.offsetHeight === 0) { stopped = name + ": " + inputs[name] + " not offered"; break; }
			r.click();
		}
		const s = (`+readProc+`)();
		s.stopped = stopped;
		return s;
	})(...`+string(args)+`)`)
}

// TestProcedures drives the procedures of calculator.html — who signs a
// document (43), which meeting decides a matter (21) — over http and from
// file://.
func TestProcedures(t *testing.T) {
	ctx := newBrowser(t)
	dir := siteDir(t)
	srv := serve(t, dir)
	for _, tc := range []struct{ scheme, page string }{
		{"http", srv.URL + "calculator.html"},
		{"file", browsertest.FileURL(t, dir, "calculator.html")},
	} {
		t.Run(tc.scheme, func(t *testing.T) {
			t.Run("cases", func(t *testing.T) { testProcedureCases(t, ctx, tc.page) })
			t.Run("questions", func(t *testing.T) { testQuestions(t, ctx, tc.page) })
			t.Run("address", func(t *testing.T) { testProcedureAddress(t, ctx, tc.page) })
			t.Run("readings", func(t *testing.T) { testReadings(t, ctx, tc.page) })
			t.Run("keyboard", func(t *testing.T) { testProcedureKeyboard(t, ctx, tc.page) })
		})
	}
}

// testProcedureCases answers every case of rules/testdata/procedures.json
// through the form and expects the table's answer: the branch, every
// reading, the clause, the steps before, the duties after and the matters
// to see. Cases of a missing answer expect the page to ask for it; cases
// of an answer that is not an option, to find it not offered. Cases the
// form cannot express (unknown matters and inputs) are left to the rules'
// own tests.
func testProcedureCases(t *testing.T, ctx context.Context, page string) {
	open(t, ctx, page)
	n := 0
	for _, c := range loadProcedureCases(t) {
		if c.Want.Error == "input.unknown" || c.Want.Error == "matter.unknown" {
			continue
		}
		n++
		st := follow(t, ctx, "?matter="+c.Matter)
		if st.Matter != c.Matter || st.Amounts || len(st.Shown) == 0 {
			t.Fatalf("%s: matter %q, amounts shown %v, questions %v", c.Name, st.Matter, st.Amounts, st.Shown)
		}
		st = answerAll(t, ctx, c.Matter, c.Inputs)
		switch c.Want.Error {
		case "choice.missing":
			label := st.Legends[c.Want.Input]
			if st.Stopped != c.Want.Input+": unanswered" || st.State != "prompt" || !strings.Contains(st.Text, "请回答“"+label+"”") || st.SlipOn {
				t.Errorf("%s: stopped %q, state %q, %q; want the page to ask for %s (%s)", c.Name, st.Stopped, st.State, st.Text, c.Want.Input, label)
			}
			continue
		case "choice.unknown":
			if !strings.HasPrefix(st.Stopped, c.Want.Input+": ") || !strings.HasSuffix(st.Stopped, " not offered") || st.State != "prompt" {
				t.Errorf("%s: stopped %q, state %q; want %s not offered", c.Name, st.Stopped, st.State, c.Want.Input)
			}
			continue
		}
		if st.Stopped != "" {
			t.Errorf("%s: could not answer through the form: %s", c.Name, st.Stopped)
			continue
		}
		var readings []string
		for _, r := range st.Readings {
			readings = append(readings, r.Decider+" "+r.Action)
		}
		if st.State != "decision" || st.Type != "procedure" || st.Branch != c.Want.Branch || strings.Join(readings, "|") != strings.Join(c.Want.Readings, "|") {
			t.Errorf("%s: %q %q branch %q, readings %q; want branch %q, readings %q", c.Name, st.State, st.Type, st.Branch, readings, c.Want.Branch, c.Want.Readings)
			continue
		}
		if !contains(st.Links, clauseAnchor(c.Want.Clause)) {
			t.Errorf("%s: no link to %s in %v", c.Name, clauseAnchor(c.Want.Clause), st.Links)
		}
		if strings.Join(st.Before, "|") != strings.Join(c.Want.Before, "|") || strings.Join(st.Duties, "|") != strings.Join(c.Want.Duties, "|") || strings.Join(st.See, "|") != strings.Join(c.Want.See, "|") {
			t.Errorf("%s: before %q, duties %q, see %q; want %q, %q, %q", c.Name, st.Before, st.Duties, st.See, c.Want.Before, c.Want.Duties, c.Want.See)
		}
		if c.Want.Notes != nil {
			var want []string
			for _, id := range c.Want.Notes {
				want = append(want, clauseAnchor(id))
			}
			if strings.Join(st.Notes, "|") != strings.Join(want, "|") {
				t.Errorf("%s: notes link %q, want %q", c.Name, st.Notes, want)
			}
		}
		want := map[int]string{0: "silent", 1: "single"}[len(c.Want.Readings)]
		if want == "" {
			want = "ambiguous"
		}
		if st.Answer != want {
			t.Errorf("%s: presented as %q, want %q", c.Name, st.Answer, want)
		}
		for i, r := range st.Readings {
			if r.Citation == "" || !strings.HasPrefix(r.Quote, "“") {
				t.Errorf("%s: reading %d has no clause link (%q) or quoted basis (%q)", c.Name, i+1, r.Citation, r.Quote)
			}
		}
		// (The address is checked by testQuestions and
		// testProcedureAddress: Chromium ignores history.replaceState
		// beyond some hundred calls in ten seconds, which this loop
		// exceeds and no person does.)
		if !st.SlipOn || !strings.HasPrefix(st.Slip, "事项：") || !strings.Contains(st.Slip, "链接：") {
			t.Errorf("%s: slip %q", c.Name, st.Slip)
		}
		for _, r := range st.Readings {
			if !strings.Contains(st.Slip, r.Decider+"（"+r.Action+"）") {
				t.Errorf("%s: the slip lacks %s（%s）:\n%s", c.Name, r.Decider, r.Action, st.Slip)
			}
		}
	}
	if n < 70 {
		t.Errorf("only %d cases of procedures.json were checked", n)
	}
}

// testQuestions checks that questions appear and disappear as the answers
// before them allow, and that the options follow.
func testQuestions(t *testing.T, ctx context.Context, page string) {
	open(t, ctx, page+"?matter=43")
	st := readProcState(t, ctx)
	p43, _ := rules.LookupProcedure("43")
	if st.State != "prompt" || strings.Join(st.Shown, " ") != "issuer" || !strings.Contains(st.Text, "请回答“"+p43.Inputs[0].Label+"”") {
		t.Fatalf("?matter=43: state %q, %q, questions %v; want only 发文机关, asked for", st.State, st.Text, st.Shown)
	}
	check := func(what, want string, offered map[string]string) procState {
		t.Helper()
		s := readProcState(t, ctx)
		if got := strings.Join(s.Shown, " "); got != want {
			t.Errorf("%s: questions shown %q, want %q", what, got, want)
		}
		for name, w := range offered {
			if s.Offered[name] != w {
				t.Errorf("%s: %s offers %q, want %q", what, name, s.Offered[name], w)
			}
		}
		return s
	}
	click := func(id string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[id="`+id+`"]`))); err != nil {
			t.Fatalf("clicking #%s: %v", id, err)
		}
	}
	click("q-43-issuer-gov")
	check("区政府", "issuer to", map[string]string{"to": "city city-dept npc cppcc other"})
	click("q-43-to-city")
	st = check("区政府 上报市政府", "issuer to", nil)
	if st.Branch != "city" || st.Query["to"] != "city" || st.Query["issuer"] != "gov" {
		t.Errorf("区政府 上报市政府: branch %q, address %s", st.Branch, st.QueryRaw)
	}
	click("q-43-to-other")
	check("区政府 下发", "issuer to kind", map[string]string{"kind": "normative policy minutes-executive minutes-mayor minutes-topic appointment circular major other"})
	click("q-43-kind-normative")
	st = check("规范性文件", "issuer to kind interest", nil)
	if st.State != "prompt" || !strings.Contains(st.Text, "请回答“是否涉及市场主体和社会公众切身利益”") {
		t.Errorf("规范性文件 before 切身利益: state %q, %q", st.State, st.Text)
	}
	click("q-43-interest-no")
	st = check("规范性文件 不涉及", "issuer to kind interest", nil)
	if st.Branch != "normative" || st.QueryRaw != "?matter=43&issuer=gov&to=other&kind=normative&interest=no" {
		t.Errorf("规范性文件: branch %q, address %s", st.Branch, st.QueryRaw)
	}
	// 区政府办公室 has its own kinds: 规范性文件 is withdrawn, and the
	// question of the recipient goes.
	click("q-43-issuer-office")
	st = check("区政府办公室", "issuer kind", map[string]string{"kind": "fiscal district-policy consult joint reply circular routine major other"})
	if st.Answers["kind"] != "" || st.State != "prompt" || st.QueryRaw != "?matter=43&issuer=office" {
		t.Errorf("区政府办公室: kind still answered %q, state %q, address %s", st.Answers["kind"], st.State, st.QueryRaw)
	}
	click("q-43-kind-routine")
	check("事务公文", "issuer kind important", nil)
	click("q-43-kind-other")
	st = check("其他公文", "issuer kind", nil)
	if st.Branch != "office-other" || st.Answer != "silent" {
		t.Errorf("区政府办公室 其他公文: branch %q, %q", st.Branch, st.Answer)
	}
	click("q-43-issuer-joint")
	st = check("党政联合行文", "issuer", nil)
	if st.Branch != "joint" || st.QueryRaw != "?matter=43&issuer=joint" {
		t.Errorf("党政联合行文: branch %q, address %s", st.Branch, st.QueryRaw)
	}

	// Article 二十三's questions come with 部门提请, and go with it; the
	// answers given stay for when they come back.
	open(t, ctx, page+"?matter=21&kind=plan")
	check("国民经济和社会发展计划", "kind dept", nil)
	click("q-21-dept-yes")
	check("部门提请", "kind dept others", nil)
	for _, id := range []string{"q-21-others-yes", "q-21-towns-no", "q-21-market-yes", "q-21-stability-no"} {
		click(id)
	}
	st = check("部门提请 全部回答", "kind dept others towns market stability", nil)
	if strings.Join(st.Before, "|") != "深入调查研究|合法性、必要性、科学性、可行性和可控性评估论证|充分协商|公平竞争审查" {
		t.Errorf("部门提请: before %q", st.Before)
	}
	click("q-21-dept-no")
	st = check("非部门提请", "kind dept", nil)
	if len(st.Before) != 0 || st.QueryRaw != "?matter=21&kind=plan&dept=no" {
		t.Errorf("非部门提请: before %q, address %s", st.Before, st.QueryRaw)
	}
	click("q-21-dept-yes")
	st = check("部门提请 again", "kind dept others towns market stability", nil)
	if st.Answers["market"] != "yes" || st.State != "decision" {
		t.Errorf("部门提请 again: market %q, state %q", st.Answers["market"], st.State)
	}
	// 相关协议签订 asks whether it is a formal agreement.
	click("q-21-kind-agreement")
	check("相关协议签订", "kind formal", nil)
	click("q-21-formal-yes")
	st = check("对外签订正式协议", "kind formal dept others towns market stability", nil)
	if st.Branch != "agreement" || len(st.Readings) != 1 || st.Readings[0].Decider != "区政府常务会议" || st.Readings[0].Action != "研究" {
		t.Errorf("对外签订正式协议: branch %q, readings %+v", st.Branch, st.Readings)
	}
	// 招商引资 asks about a formal agreement too, and not whether it
	// concerns economic activity: article 二十三 lists it, so 公平竞争审查
	// stays although market was answered for the kind before.
	click("q-21-kind-investment")
	st = check("招商引资", "kind formal dept others towns stability", nil)
	if st.Branch != "agreement" || strings.Join(st.Before, "|") != "深入调查研究|合法性、必要性、科学性、可行性和可控性评估论证|充分协商|公平竞争审查" {
		t.Errorf("招商引资: branch %q, before %q", st.Branch, st.Before)
	}

	// Back to a matter of article 二十二: the amounts return.
	click("matter-22.2")
	if s := readProcState(t, ctx); !s.Amounts || len(s.Shown) != 0 || s.State != "prompt" {
		t.Errorf("back to 22.2: amounts shown %v, questions %v, state %q", s.Amounts, s.Shown, s.State)
	}
}

// testProcedureAddress checks that the page reads a procedure's answers
// from its address, shows the decision in full, follows the form with the
// address, and reopens the same form from it.
func testProcedureAddress(t *testing.T, ctx context.Context, page string) {
	st := open(t, ctx, page+"?matter=43&issuer=gov&to=other&kind=normative&interest=no")
	r := readProcState(t, ctx)
	if r.Matter != "43" || r.Answers["issuer"] != "gov" || r.Answers["to"] != "other" || r.Answers["kind"] != "normative" || r.Answers["interest"] != "no" {
		t.Fatalf("?matter=43&…normative: matter %q, answers %v", r.Matter, r.Answers)
	}
	if st.State != "decision" || r.Branch != "normative" || len(r.Readings) != 1 || r.Readings[0].Decider != "区长" || r.Readings[0].Citation != "kzfz-2021-7/43.html#i2" {
		t.Fatalf("规范性文件: %q branch %q readings %+v", st.State, r.Branch, r.Readings)
	}
	for _, want := range []string{
		"签发人与方式", "区长 签发", "由分管有关业务工作的副区长核报区长签发",
		"办理程序\n区司法局合法性审查\n区政府全体会议或区政府常务会议审定\n分管有关业务工作的副区长核报\n区长签发",
		"事前须办理", "公开征求意见", "合法性审核", "完备性审核",
		"未经公开征求意见、合法性审核和完备性审核的，不得提请区政府全体会议或区政府常务会议审议",
		"事后须办理", "向区人大常委会和市人民政府报送备案",
		"原文未写明公开征求意见、合法性审核和完备性审核与区司法局合法性审查的先后",
		"所答情形", "公文类别：规范性文件",
	} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("规范性文件: the result lacks %q:\n%s", want, r.Text)
		}
	}
	for _, want := range []string{"kzfz-2021-7/18.html#p2", "kzfz-2021-7/18.html#p3", "authorities.html#mayor"} {
		if !contains(r.Links, want) {
			t.Errorf("规范性文件: the result does not link %s: %v", want, r.Links)
		}
	}
	for _, want := range []string{
		"事项：公文审签", "发文机关：区政府", "公文类别：规范性文件", "是否涉及市场主体和社会公众切身利益：否",
		"签发人：区长（签发）",
		"办理程序：区司法局合法性审查 → 区政府全体会议或区政府常务会议审定 → 分管有关业务工作的副区长核报 → 区长签发",
		"依据：《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第四十三条第（二）项：“区政府出台规范性文件，经区司法局进行合法性审查，区政府全体会议或区政府常务会议审定后，由分管有关业务工作的副区长核报区长签发”",
		"事前须办理：公开征求意见、合法性审核、完备性审核（第十八条第二款）",
		"事后须办理：通过政府公报、门户网站等方式向社会公开发布、向区人大常委会和市人民政府报送备案（第十八条第三款）",
	} {
		if !strings.Contains(r.Slip, want) {
			t.Errorf("规范性文件: the slip lacks %q:\n%s", want, r.Slip)
		}
	}
	if link := slipLink(r.Slip); !strings.HasSuffix(link, "/kzfz-2021-7/43.html#i2") || (!strings.HasPrefix(link, "http://") && !strings.HasPrefix(link, "file://")) {
		t.Errorf("slip link %q", link)
	}

	// Answering moves the address along; the address reopens the form.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[id="q-43-interest-yes"]`))); err != nil {
		t.Fatal(err)
	}
	r = readProcState(t, ctx)
	if r.QueryRaw != "?matter=43&issuer=gov&to=other&kind=normative&interest=yes" || !contains(r.Before, "公平竞争审查") {
		t.Errorf("after 切身利益 是: address %s, before %q", r.QueryRaw, r.Before)
	}
	href := eval[string](t, ctx, "location.href")
	open(t, ctx, href)
	if r2 := readProcState(t, ctx); r2.Answers["interest"] != "yes" || r2.Branch != "normative" || strings.Join(r2.Before, "|") != strings.Join(r.Before, "|") {
		t.Errorf("reopening %s: answers %v, branch %q, before %q", href, r2.Answers, r2.Branch, r2.Before)
	}

	// An address with some answers (as the authority index links): the
	// page asks the rest, keeping those it was given.
	open(t, ctx, page+"?matter=43&kind=appointment")
	r = readProcState(t, ctx)
	if r.State != "prompt" || strings.Join(r.Shown, " ") != "issuer" || !strings.Contains(r.Text, "请回答“发文机关”") {
		t.Errorf("?matter=43&kind=appointment: %q %q, questions %v", r.State, r.Text, r.Shown)
	}
	r = answerAll(t, ctx, "43", map[string]string{"issuer": "gov", "to": "city-dept"})
	if r.Stopped != "" || r.Branch != "appointment" || r.QueryRaw != "?matter=43&issuer=gov&to=city-dept&kind=appointment" {
		t.Errorf("then 区政府, 市政府有关部门: stopped %q, branch %q, address %s", r.Stopped, r.Branch, r.QueryRaw)
	}

	// Values that are no option are named and set aside.
	open(t, ctx, page+"?matter=43&issuer=GOV")
	r = readProcState(t, ctx)
	if r.State != "prompt" || r.Answers["issuer"] != "" || !strings.Contains(r.Text, "请回答“发文机关”") || !strings.Contains(r.Text, "发文机关“GOV”不是可选的答案") {
		t.Errorf("?matter=43&issuer=GOV: %q %q, answers %v", r.State, r.Text, r.Answers)
	}

	// The matters of article 二十二 the answer points to open in place.
	open(t, ctx, page+"?matter=21&kind=assets&formal=no&dept=no")
	r = readProcState(t, ctx)
	if strings.Join(r.See, " ") != "22.3.1 22.3.2" {
		t.Fatalf("国有资产处置: see %v", r.See)
	}
	got := eval[pageState](t, ctx, `(() => {
		window.stillHere = true;
		document.querySelector('#result [data-matter="22.3.2"]').click();
		const s = (`+readState+`)();
		s.text = window.stillHere ? s.text : "reloaded";
		return s;
	})()`)
	if got.Matter != "22.3.2" || got.Query["matter"] != "22.3.2" || !got.Fields["amount"].Shown || got.Fields["amount"].Label != "原值或重置价值" || got.Text == "reloaded" || got.State != "prompt" {
		t.Errorf("following 22.3.2 from the answer: matter %q, address %v, field %+v, state %q, text %.20q", got.Matter, got.Query, got.Fields["amount"], got.State, got.Text)
	}
	if active := eval[string](t, ctx, "document.activeElement.id"); active != "in-amount" {
		t.Errorf("following 22.3.2: focus on #%s, want the amount", active)
	}
}

// testReadings checks how the page says that the text allows several
// readings, or none.
func testReadings(t *testing.T, ctx context.Context, page string) {
	// 工作通报: 区长、副区长 read as 或 and as 和.
	open(t, ctx, page+"?matter=43&issuer=office&kind=circular")
	r := readProcState(t, ctx)
	if r.Answer != "ambiguous" || len(r.Readings) != 2 || !strings.Contains(r.Verdict, "原文可作两种理解") {
		t.Fatalf("工作通报: %q, %d readings, verdict %q", r.Answer, len(r.Readings), r.Verdict)
	}
	for _, want := range []string{"理解一：", "由区长或副区长签发", "理解二：", "由区长和副区长共同签发", "顿号可读作“或”，也可读作“和”", "工作通报由区长、副区长签发"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("工作通报: the result lacks %q:\n%s", want, r.Text)
		}
	}
	for i, rd := range r.Readings {
		if rd.Citation != "kzfz-2021-7/43.html#i4" || !strings.Contains(rd.Quote, "工作通报由区长、副区长签发") {
			t.Errorf("工作通报, reading %d: %+v", i+1, rd)
		}
	}
	for _, want := range []string{
		"签发人：原文可作两种理解",
		"理解一：区长、副区长（签发）——由区长或副区长签发",
		"理解二：区长、副区长（签发）——由区长和副区长共同签发",
		"依据：《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）第四十三条第（四）项：“工作通报由区长、副区长签发”",
	} {
		if !strings.Contains(r.Slip, want) {
			t.Errorf("工作通报: the slip lacks %q:\n%s", want, r.Slip)
		}
	}

	// Which meeting decides a plan: the text states the alternative
	// itself (区政府全体会议或区政府常务会议), so the answer is one, quoted
	// once, with a link to each body; it is no ambiguity.
	open(t, ctx, page+"?matter=21&kind=plan&dept=no")
	r = readProcState(t, ctx)
	if r.Answer != "single" || strings.Contains(r.Verdict, "理解") || len(r.Readings) != 1 ||
		r.Readings[0].Decider != "区政府全体会议或区政府常务会议" || r.Readings[0].Action != "讨论决定" ||
		strings.Count(r.Text, "须经区政府全体会议或区政府常务会议讨论决定”") != 2 { // the wording, and the basis ending with it
		t.Errorf("国民经济和社会发展计划: %q %q %+v\n%s", r.Answer, r.Verdict, r.Readings, r.Text)
	}
	for _, body := range []string{"authorities.html#plenary-meeting", "authorities.html#executive-meeting"} {
		if !contains(r.Links, body) {
			t.Errorf("国民经济和社会发展计划: no link to %s in %v", body, r.Links)
		}
	}
	if !strings.Contains(r.Slip, "决策主体：区政府全体会议或区政府常务会议（讨论决定）") || strings.Contains(r.Slip, "理解") {
		t.Errorf("国民经济和社会发展计划: slip %q", r.Slip)
	}
	// So is who signs a document of several deputies' work (43.3).
	open(t, ctx, page+"?matter=43&issuer=gov&to=other&kind=other&deputies=several")
	r = readProcState(t, ctx)
	if r.Answer != "single" || len(r.Readings) != 1 || r.Readings[0].Decider != "区长或负责区政府常务工作的副区长" || !strings.Contains(r.Text, "有关副区长") {
		t.Errorf("两位及以上副区长分管: %q %+v\n%s", r.Answer, r.Readings, r.Text)
	}

	// 部门发文 (44): where the text's answer is that nothing is issued.
	open(t, ctx, page+"?matter=44&law=yes")
	r = readProcState(t, ctx)
	if r.Answer != "single" || r.Branch != "law" || !strings.Contains(r.Text, "一律不再制发文件") || !contains(r.Links, "kzfz-2021-7/44.html") {
		t.Errorf("部门发文，已有明确规定: %q %q\n%s %v", r.Answer, r.Branch, r.Text, r.Links)
	}

	// Silent: the page says so, and what the text does say.
	open(t, ctx, page+"?matter=43&issuer=office&kind=other")
	r = readProcState(t, ctx)
	if r.Answer != "silent" || len(r.Readings) != 0 || !strings.Contains(r.Verdict, "原文未作规定") || !strings.Contains(r.Verdict, "没有写明这种情形由谁签发") ||
		!strings.Contains(r.Text, "第四十三条未规定此类区政府办公室公文由谁签发") || !contains(r.Links, "kzfz-2021-7/43.html#i4") {
		t.Errorf("区政府办公室 其他公文: %q %q\n%s %v", r.Answer, r.Verdict, r.Text, r.Links)
	}
	if !strings.Contains(r.Slip, "签发人：原文未作规定") || !strings.Contains(r.Slip, "说明（第四十三条第（四）项）：第四十三条未规定此类区政府办公室公文由谁签发。") {
		t.Errorf("区政府办公室 其他公文: slip %q", r.Slip)
	}
	open(t, ctx, page+"?matter=43&issuer=joint")
	r = readProcState(t, ctx)
	if r.Answer != "silent" || !strings.Contains(r.Text, "本规则未规定党政联合行文由谁签发") || !strings.Contains(r.Text, "原文：“党政联合行文，按区委办公室、区政府办公室有关规定办理”") {
		t.Errorf("党政联合行文: %q\n%s", r.Answer, r.Text)
	}
	open(t, ctx, page+"?matter=21&kind=other&dept=no")
	r = readProcState(t, ctx)
	if r.Answer != "silent" || !strings.Contains(r.Verdict, "没有写明这种情形由谁决定") || !contains(r.Links, "kzfz-2021-7/21.html") {
		t.Errorf("其他事项: %q %q %v", r.Answer, r.Verdict, r.Links)
	}
}

// testProcedureKeyboard answers a procedure with the keyboard alone.
func testProcedureKeyboard(t *testing.T, ctx context.Context, page string) {
	open(t, ctx, page)
	// From the last matter of article 二十二, the arrow key reaches the
	// procedures.
	focus := chromedp.Evaluate[chromedp.Void](`document.getElementById("matter-22.6.2").focus()`)
	if err := chromedp.Do(ctx, focus, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	r := readProcState(t, ctx)
	first := rules.Procedures()[0]
	if r.Matter != first.ID || strings.Join(r.Shown, " ") != first.Inputs[0].Name || r.Amounts {
		t.Fatalf("arrow key to the first procedure: matter %q, questions %v, amounts %v", r.Matter, r.Shown, r.Amounts)
	}
	// The procedures follow in clause order: 7, then 21 (会议事项).
	focus = chromedp.Evaluate[chromedp.Void](`document.getElementById("matter-7").focus()`)
	if err := chromedp.Do(ctx, focus, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	r = readProcState(t, ctx)
	if r.Matter != "21" || strings.Join(r.Shown, " ") != "kind" || r.Amounts {
		t.Fatalf("arrow key to 会议事项: matter %q, questions %v, amounts %v", r.Matter, r.Shown, r.Amounts)
	}
	// Tab into the first question, Space chooses its first option; Tab to
	// the next, the arrow key chooses 否.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	active := eval[string](t, ctx, "document.activeElement.id")
	r = readProcState(t, ctx)
	if active != "q-21-kind-plan" || r.Answers["kind"] != "plan" || strings.Join(r.Shown, " ") != "kind dept" {
		t.Fatalf("Tab, Space: focus on #%s, answers %v, questions %v", active, r.Answers, r.Shown)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	active = eval[string](t, ctx, "document.activeElement.id")
	r = readProcState(t, ctx)
	if active != "q-21-dept-no" || r.Branch != "meeting" || r.Answer != "single" || r.QueryRaw != "?matter=21&kind=plan&dept=no" {
		t.Fatalf("Tab, ArrowRight: focus on #%s, branch %q (%s), address %s", active, r.Branch, r.Answer, r.QueryRaw)
	}
	// Arrow keys move through the options offered; a new answer updates
	// the result at once.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`[id="q-21-kind-plan"]`)), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	r = readProcState(t, ctx)
	if r.Answers["kind"] != "other" || r.Answer != "silent" {
		t.Errorf("ArrowUp from the first kind: answers %v, %q", r.Answers, r.Answer)
	}
	// The copy button gives the slip; the user is told.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("copy-slip")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	told, err := poll[string](ctx, `(() => {
		const s = document.querySelector('[role="status"]');
		return s && s.textContent;
	})()`, 5*time.Second)
	if err != nil || !strings.Contains(told, "复制") {
		t.Errorf("copy: status %q, %v", told, err)
	}
}

// TestProcedureOffline answers a procedure from the cache, with the
// network gone: -serve, which served the site, stopped.
func TestProcedureOffline(t *testing.T) {
	ctx := newBrowser(t)
	srv := servePreview(t, siteDir(t))
	open(t, ctx, srv.URL+"calculator.html?matter=43&issuer=gov&to=city")
	if _, err := poll[bool](ctx, `navigator.serviceWorker.controller !== null`, 30*time.Second); err != nil {
		t.Fatalf("the service worker never controlled the page: %v", err)
	}
	goOffline(t, ctx, srv)
	open(t, ctx, srv.URL+"calculator.html?matter=43&issuer=office&kind=routine&important=yes")
	r := readProcState(t, ctx)
	if r.State != "decision" || r.Branch != "routine-important" || len(r.Readings) != 1 || r.Readings[0].Decider != "分管副区长" {
		t.Errorf("offline, 事务公文 涉及重要内容: %q branch %q %+v", r.State, r.Branch, r.Readings)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(r.QueryRaw, "?")); q.Get("important") != "yes" {
		t.Errorf("offline: address %s", r.QueryRaw)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
