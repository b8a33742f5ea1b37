package rules

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"rulesite/rules/cases"
)

// loadProcCases reads testdata/procedures.json, the case table of the
// procedures, read by these tests and by the WebAssembly and browser runs
// through package cases.
func loadProcCases(t *testing.T) []cases.Procedure {
	t.Helper()
	f, err := cases.LoadProcedures()
	if err != nil {
		t.Fatal(err)
	}
	return f.Cases
}

func actions(acts []Act) []string {
	s := []string{}
	for _, a := range acts {
		s = append(s, a.Action)
	}
	return s
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestRouteProcedureCases(t *testing.T) {
	for _, c := range loadProcCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			r, err := RouteProcedure(c.Matter, c.Inputs)
			if c.Want.Error != "" {
				e, ok := err.(*Error)
				if !ok || e.Code != c.Want.Error || e.Input != c.Want.Input {
					t.Fatalf("RouteProcedure(%q, %q) = %v, %v; want error %s (input %q)", c.Matter, c.Inputs, r, err, c.Want.Error, c.Want.Input)
				}
				return
			}
			if err != nil {
				t.Fatalf("RouteProcedure(%q, %q): %v", c.Matter, c.Inputs, err)
			}
			readings := []string{}
			for _, o := range r.Outcomes {
				readings = append(readings, o.Decider+" "+o.Action)
			}
			got := []any{r.Branch, readings, r.Clause.Path(), actions(r.Before), actions(r.Duties), orEmpty(r.See)}
			want := []any{c.Want.Branch, orEmpty(c.Want.Readings), c.Want.Clause, orEmpty(c.Want.Before), orEmpty(c.Want.Duties), orEmpty(c.Want.See)}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
			if c.Want.Notes != nil {
				got := []string{}
				for _, n := range r.Notes {
					got = append(got, n.Clause.Path())
				}
				if !reflect.DeepEqual(got, c.Want.Notes) {
					t.Errorf("notes cite %q, want %q", got, c.Want.Notes)
				}
			}
			if r.Silent() != (len(r.Outcomes) == 0) || r.Ambiguous() != (len(r.Outcomes) > 1) {
				t.Errorf("Silent %v, Ambiguous %v with %d outcomes", r.Silent(), r.Ambiguous(), len(r.Outcomes))
			}
			if r.Silent() && len(r.Notes) == 0 {
				t.Error("silent, without a note saying so")
			}
			// Every answer asked is echoed, and nothing else.
			for _, v := range r.Values {
				if c.Inputs[v.Input] != v.Value || v.Label == "" || v.Option == "" {
					t.Errorf("value %+v is not an answer given", v)
				}
			}
		})
	}
}

// TestProcedureCasesCoverEverything requires the case table to reach
// every branch, every provision and every option of every procedure.
func TestProcedureCasesCoverEverything(t *testing.T) {
	reached := map[string]bool{}
	for _, c := range loadProcCases(t) {
		if c.Want.Error != "" {
			continue
		}
		p := procedure(c.Matter)
		r, err := RouteProcedure(c.Matter, c.Inputs)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		reached[c.Matter+" branch "+r.Branch] = true
		answers := map[string]string{}
		for _, v := range r.Values {
			answers[v.Input] = v.Value
			reached[c.Matter+" option "+v.Input+"="+v.Value] = true
		}
		for i, v := range p.Provisions {
			if holds(v.When, answers) {
				reached[c.Matter+" provision "+strconv.Itoa(i+1)] = true
			}
		}
	}
	for _, p := range procedures {
		var want []string
		for _, b := range p.Branches {
			want = append(want, p.ID+" branch "+b.ID)
		}
		for _, in := range p.Inputs {
			for _, o := range in.Options {
				want = append(want, p.ID+" option "+in.Name+"="+o.Value)
			}
		}
		for i := range p.Provisions {
			want = append(want, p.ID+" provision "+strconv.Itoa(i+1))
		}
		for _, w := range want {
			if !reached[w] {
				t.Errorf("no case reaches %s", w)
			}
		}
	}
}

func TestProcedureErrors(t *testing.T) {
	for _, c := range loadProcCases(t) {
		if c.Want.Error == "" {
			continue
		}
		_, err := RouteProcedure(c.Matter, c.Inputs)
		e := err.(*Error)
		s := err.Error()
		if r := []rune(s); unicode.IsUpper(r[0]) || strings.HasSuffix(s, "。") {
			t.Errorf("%s: Go error string %q must start lower-case and end without punctuation", c.Name, s)
		}
		if !strings.HasSuffix(e.Message, "。") || !strings.ContainsFunc(e.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: message %q is not a Chinese sentence", c.Name, e.Message)
		}
	}
	if _, err := Route("43", map[string]string{}); err == nil || err.(*Error).Code != "matter.unknown" || !strings.Contains(err.(*Error).Message, "选择题") {
		t.Errorf("Route(43) = %v, want matter.unknown pointing to RouteProcedure", err)
	}
	_, err := Route("4", nil)
	if err == nil || !strings.HasSuffix(err.(*Error).Message, "22.6.2、6、7、21、42、43、44。") {
		t.Errorf("Route(4) = %v, want the list of every matter and procedure", err)
	}
}

func TestParseClause(t *testing.T) {
	for _, s := range []string{"21", "22.3.1", "43.5", "18.p2", "10.p2.1", "10.p2.1.3"} {
		c, ok := parseClause(s)
		if !ok || c.Path() != s {
			t.Errorf("parseClause(%q) = %v, %v", s, c, ok)
		}
	}
	for _, s := range []string{"", "0", "22.", ".1", "22..1", "22.p", "22.p0", "22.1.1.1", "22.x", "22.1p", "18.p2.p3"} {
		if c, ok := parseClause(s); ok {
			t.Errorf("parseClause(%q) = %v, want failure", s, c)
		}
	}
	if got := (Clause{Article: 18, Paragraph: 2}).Citation(); got != "第十八条第二款" {
		t.Errorf("citation %q", got)
	}
}

// TestCheckFindsProcedureProblems breaks the procedures in the ways Check
// must catch.
func TestCheckFindsProcedureProblems(t *testing.T) {
	branch := func(p *Procedure, id string) *Branch {
		for i := range p.Branches {
			if p.Branches[i].ID == id {
				return &p.Branches[i]
			}
		}
		t.Fatalf("procedure %s has no branch %s", p.ID, id)
		return nil
	}
	input := func(p *Procedure, name string) *Input {
		for i := range p.Inputs {
			if p.Inputs[i].Name == name {
				return &p.Inputs[i]
			}
		}
		t.Fatalf("procedure %s has no input %s", p.ID, name)
		return nil
	}
	when := func(input string, values ...string) Condition { return Condition{Input: input, Values: values} }
	tests := []struct {
		name      string
		procedure string // its ID
		change    func(p *Procedure)
		want      string
	}{
		{"overlap", "43", func(p *Procedure) { branch(p, "bill").When = []Condition{when("to", "npc")} }, "branches bill and major overlap"},
		{"gap", "43", func(p *Procedure) { branch(p, "joint").When = []Condition{when("issuer", "joint"), when("to", "city")} }, "no branch answers issuer=joint"},
		{"unreachable branch", "43", func(p *Procedure) { branch(p, "report").When = append(branch(p, "report").When, when("to", "npc")) }, "branch report is unreachable"},
		{"option never offered", "43", func(p *Procedure) {
			in := input(p, "kind")
			for i := range in.Options {
				if in.Options[i].Value == "report" {
					in.Options[i].When = []Condition{when("to", "city")}
				}
			}
		}, "option report (通报重大情况的公文) of kind is never offered"},
		{"question never asked", "43", func(p *Procedure) {
			input(p, "important").When = []Condition{when("kind", "routine"), when("issuer", "gov")}
		}, "input important is never asked"},
		{"condition on a later input", "43", func(p *Procedure) { input(p, "beyond").When = []Condition{when("deputies", "one")} }, "condition on deputies, which is not an earlier input"},
		{"condition on an unknown value", "43", func(p *Procedure) {
			branch(p, "routine-important").When = []Condition{when("kind", "routine"), when("important", "yes", "maybe")}
		}, "condition on important for maybe"},
		{"provision never applies", "43", func(p *Procedure) { p.Provisions[0].When = append(p.Provisions[0].When, when("issuer", "gov")) }, "applies to no combination"},
		{"decider not quoted", "43", func(p *Procedure) { branch(p, "district-policy").Outcomes[0].Decider = "区政府办公室主任" }, "decider 区政府办公室主任 is not quoted"},
		{"step not quoted", "43", func(p *Procedure) { branch(p, "normative").Outcomes[0].Steps[0].Actor = "区财政局" }, "actor 区财政局 or action 合法性审查 is not quoted"},
		{"last step not the decision", "43", func(p *Procedure) { o := &branch(p, "bill").Outcomes[0]; o.Steps = o.Steps[:0] }, "last step is not the decision itself"},
		{"reading missing", "43", func(p *Procedure) { branch(p, "circular").Outcomes[1].Reading = "" }, "its reading is empty or repeated"},
		{"alternative not as written", "43", func(p *Procedure) { branch(p, "several").Outcomes[0].Either = []string{"区长", "常务副区长"} }, "is not its alternatives joined by 或 nor the list"},
		{"alternative as readings", "21", func(p *Procedure) {
			o := branch(p, "meeting").Outcomes[0]
			a, b := o, o
			a.Decider, a.Either, a.Reading = "区政府全体会议", nil, "由区政府全体会议讨论决定"
			b.Decider, b.Either, b.Reading = "区政府常务会议", nil, "由区政府常务会议讨论决定"
			a.Steps = []Act{{Actor: a.Decider, Action: a.Action, Clause: a.Clause, Basis: a.Wording}}
			b.Steps = []Act{{Actor: b.Decider, Action: b.Action, Clause: b.Clause, Basis: b.Wording}}
			branch(p, "meeting").Outcomes = []Outcome{a, b}
		}, "states an alternative"},
		{"silent without note", "43", func(p *Procedure) { branch(p, "party-other").Notes = nil }, "silent, but no note"},
		{"bad clause", "43", func(p *Procedure) { branch(p, "joint").Clause = Clause{Item: 5} }, "no clause"},
		{"see unknown matter", "21", func(p *Procedure) {
			for i := range p.Provisions {
				for j, s := range p.Provisions[i].See {
					if s == "22.2" {
						p.Provisions[i].See[j] = "22.7"
					}
				}
			}
		}, "sees unknown matter 22.7"},
		{"note not a sentence", "21", func(p *Procedure) { n := &branch(p, "other").Notes[0]; n.Text = strings.TrimSuffix(n.Text, "。") }, "text is not a sentence"},
		{"duplicate branch", "21", func(p *Procedure) { branch(p, "agreement").ID = "amount" }, "ID empty, not a token, or repeated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := 0
			for procedures[i].ID != tt.procedure {
				i++
			}
			saved := procedures[i]
			defer func() { procedures[i] = saved }()
			p := saved.clone()
			tt.change(p)
			procedures[i] = *p
			got := strings.Join(check(build()), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("check found\n\t%s\nwant a problem containing %q", strings.ReplaceAll(got, "\n", "\n\t"), tt.want)
			}
		})
	}
	if p := check(build()); len(p) != 0 {
		t.Errorf("the data, restored, has problems: %v", p)
	}
}
