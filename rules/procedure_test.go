package rules

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// procFile is testdata/procedures.json, the case table of the procedures,
// read by these tests and by the WebAssembly run (cmd/ruleswasm).
type procFile struct {
	Cases []procCase `json:"cases"`
}

type procCase struct {
	Name   string            `json:"name"`
	Matter string            `json:"matter"`
	Inputs map[string]string `json:"inputs"`
	Want   struct {
		Branch   string   `json:"branch"`
		Readings []string `json:"readings"` // decider and action of each outcome
		Clause   string   `json:"clause"`
		Before   []string `json:"before"` // actions
		Duties   []string `json:"duties"` // actions
		See      []string `json:"see"`
		// Notes, where given, are the clause paths of the notes, in
		// order; nil leaves the notes unchecked.
		Notes []string `json:"notes"`
		Error string   `json:"error"`
		Input string   `json:"input"`
	} `json:"want"`
}

func loadProcCases(t *testing.T) []procCase {
	t.Helper()
	data, err := os.ReadFile("testdata/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	var f procFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("testdata/procedures.json: %v", err)
	}
	if len(f.Cases) == 0 {
		t.Fatal("testdata/procedures.json: no cases")
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
		p := load(c.Matter)
		rt, err := p.route(c.Inputs)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		for _, i := range rt.parts {
			reached[c.Matter+" "+strconv.Itoa(i)] = true
		}
		for _, i := range rt.chosen {
			reached[c.Matter+" "+strconv.Itoa(i)] = true
		}
	}
	for _, spec := range procedures {
		p := load(spec.id)
		for i, r := range p.recs {
			if strings.IndexByte("#+-", r.sign) >= 0 && !reached[spec.id+" "+strconv.Itoa(i)] {
				t.Errorf("%s: no case reaches the line %c %s", spec.id, r.sign, strings.Join(r.f[:], " | "))
			}
		}
	}
}

// clauseText returns the text of a clause from testdata/articleN.txt: the
// whole article, a paragraph with its items, an item with its sub-items,
// or a sub-item.
func clauseText(t *testing.T, c Clause) string {
	t.Helper()
	data, err := os.ReadFile("testdata/article" + strconv.Itoa(c.Article) + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	var para, item, sub int
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "（"):
			item, sub = item+1, 0
		case len(l) > 1 && isDigit(l[0]) && strings.HasPrefix(l[1:], "．"):
			sub++
		default:
			if para == 0 || item == 0 {
				para, item, sub = para+1, 0, 0
			}
		}
		if (c.Paragraph == 0 || c.Paragraph == para) && (c.Item == 0 || c.Item == item) && (c.SubItem == 0 || c.SubItem == sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestProcedureQuotesVerbatim checks every quotation of the procedures
// against the text of the clause it cites.
func TestProcedureQuotesVerbatim(t *testing.T) {
	n := 0
	for _, p := range Procedures() {
		for _, q := range p.Quotes() {
			text := clauseText(t, q.Clause)
			if text == "" {
				t.Errorf("%s %s: %s has no text in testdata", p.ID, q.Where, q.Clause.Citation())
			}
			if !strings.Contains(text, q.Text) {
				t.Errorf("%s %s: %q is not in the text of %s", p.ID, q.Where, q.Text, q.Clause.Citation())
			}
			n++
		}
	}
	if n < 100 {
		t.Errorf("only %d quotations checked", n)
	}
	// The helper itself finds what it should.
	for c, want := range map[Clause]string{
		{Article: 43, Item: 5}:             "（五）党政联合行文，按区委办公室、区政府办公室有关规定办理。",
		{Article: 23, Paragraph: 2}:        "在重大决策执行过程中，要跟踪决策实施情况，了解利益相关方和社会公众对决策实施的意见和建议，全面评估决策执行效果，及时调整完善。",
		{Article: 22, Item: 6, SubItem: 2}: "2．融资类（含国企互保）。国有及国有控股企业融资5000万元（不含）以内的由常务副区长审定，5000万元及以上的提请区政府常务会议听取汇报，国有企业之间互保由被担保单位提请。",
	} {
		if got := clauseText(t, c); got != want {
			t.Errorf("clauseText(%s) = %q, want %q", c.Path(), got, want)
		}
	}
	if got := clauseText(t, Clause{Article: 18, Paragraph: 3}); !strings.HasPrefix(got, "规范性文件应当及时") || strings.Count(got, "\n") != 0 {
		t.Errorf("clauseText(18.p3) = %q", got)
	}
}

// tree is a Sink that builds the values JSON decodes into, so that trees
// compare with reflect.DeepEqual.
type tree struct {
	stack []any // *map[string]any or *[]any
	keys  []string
	root  any
}

func (tr *tree) put(key string, v any) {
	if len(tr.stack) == 0 {
		tr.root = v
		return
	}
	switch top := tr.stack[len(tr.stack)-1].(type) {
	case map[string]any:
		top[key] = v
	case *[]any:
		*top = append(*top, v)
	}
}

func (tr *tree) Object(key string) {
	m := map[string]any{}
	tr.put(key, m)
	tr.stack = append(tr.stack, m)
}

func (tr *tree) Array(key string) {
	a := &[]any{}
	tr.put(key, a)
	tr.stack = append(tr.stack, a)
}

func (tr *tree) End()                    { tr.stack = tr.stack[:len(tr.stack)-1] }
func (tr *tree) String(key, s string)    { tr.put(key, s) }
func (tr *tree) Bool(key string, b bool) { tr.put(key, b) }
func (tr *tree) Int(key string, n int)   { tr.put(key, float64(n)) }

// plain replaces the *[]any of a tree by []any.
func plain(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = plain(x)
		}
	case *[]any:
		a := []any{}
		for _, x := range *v {
			a = append(a, plain(x))
		}
		return a
	}
	return v
}

// The trees the structs would give, to compare with what the writers
// write.
func clauseTree(c Clause) any {
	return map[string]any{"id": c.Path(), "citation": c.Citation(), "article": float64(c.Article),
		"paragraph": float64(c.Paragraph), "item": float64(c.Item), "subItem": float64(c.SubItem)}
}

func strsTree(s []string) any {
	a := []any{}
	for _, x := range s {
		a = append(a, x)
	}
	return a
}

func whenTree(when []Condition) any {
	a := []any{}
	for _, c := range when {
		a = append(a, map[string]any{"input": c.Input, "values": strsTree(c.Values), "not": c.Not})
	}
	return a
}

func actsTree(acts []Act) any {
	a := []any{}
	for _, x := range acts {
		a = append(a, map[string]any{"actor": x.Actor, "action": x.Action, "basis": x.Basis, "clause": clauseTree(x.Clause)})
	}
	return a
}

func notesTree(notes []Note) any {
	a := []any{}
	for _, n := range notes {
		a = append(a, map[string]any{"text": n.Text, "basis": n.Basis, "clause": clauseTree(n.Clause)})
	}
	return a
}

func outcomesTree(outcomes []Outcome) any {
	a := []any{}
	for _, o := range outcomes {
		a = append(a, map[string]any{"decider": o.Decider, "action": o.Action, "wording": o.Wording, "basis": o.Basis,
			"reading": o.Reading, "clause": clauseTree(o.Clause), "steps": actsTree(o.Steps)})
	}
	return a
}

func procedureTree(p *Procedure) any {
	inputs, branches, provisions := []any{}, []any{}, []any{}
	for _, in := range p.Inputs {
		opts := []any{}
		for _, o := range in.Options {
			opts = append(opts, map[string]any{"value": o.Value, "label": o.Label, "when": whenTree(o.When)})
		}
		inputs = append(inputs, map[string]any{"name": in.Name, "label": in.Label, "hint": in.Hint, "kind": string(in.Kind),
			"unit": in.Unit, "when": whenTree(in.When), "options": opts})
	}
	for _, b := range p.Branches {
		branches = append(branches, map[string]any{"id": b.ID, "clause": clauseTree(b.Clause), "when": whenTree(b.When),
			"readings": outcomesTree(b.Outcomes), "notes": notesTree(b.Notes)})
	}
	for _, v := range p.Provisions {
		provisions = append(provisions, map[string]any{"when": whenTree(v.When), "see": strsTree(v.See),
			"before": actsTree(v.Before), "duties": actsTree(v.Duties), "notes": notesTree(v.Notes)})
	}
	return map[string]any{"type": "procedure", "id": p.ID, "title": p.Title, "question": p.Question, "clause": clauseTree(p.Clause),
		"inputs": inputs, "branches": branches, "provisions": provisions}
}

func rulingTree(r *Ruling) any {
	values := []any{}
	for _, v := range r.Values {
		values = append(values, map[string]any{"input": v.Input, "label": v.Label, "value": v.Value, "option": v.Option})
	}
	return map[string]any{"ok": true, "type": "procedure", "matter": r.Procedure, "branch": r.Branch, "clause": clauseTree(r.Clause),
		"silent": r.Silent(), "ambiguous": r.Ambiguous(), "readings": outcomesTree(r.Outcomes), "before": actsTree(r.Before),
		"duties": actsTree(r.Duties), "notes": notesTree(r.Notes), "see": strsTree(r.See), "values": values}
}

// TestWritersAgree checks that what WriteProcedures and WriteRuling write
// for the bridge carries exactly what Procedures and RouteProcedure
// return.
func TestWritersAgree(t *testing.T) {
	tr := &tree{}
	tr.Array("")
	WriteProcedures(tr)
	tr.End()
	got := plain(tr.root).([]any)
	ps := Procedures()
	if len(got) != len(ps) {
		t.Fatalf("WriteProcedures wrote %d procedures, want %d", len(got), len(ps))
	}
	for i, p := range ps {
		if want := procedureTree(p); !reflect.DeepEqual(got[i], want) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want)
			t.Errorf("procedure %s: WriteProcedures wrote\n%s\nwant\n%s", p.ID, g, w)
		}
	}
	for _, c := range loadProcCases(t) {
		tr := &tree{}
		err := WriteRuling(tr, c.Matter, c.Inputs)
		r, rerr := RouteProcedure(c.Matter, c.Inputs)
		if (err == nil) != (rerr == nil) || err != nil && err.(*Error).Code != rerr.(*Error).Code {
			t.Errorf("%s: WriteRuling: %v, RouteProcedure: %v", c.Name, err, rerr)
			continue
		}
		if err != nil {
			if tr.root != nil {
				t.Errorf("%s: WriteRuling wrote an answer and returned %v", c.Name, err)
			}
			continue
		}
		if got, want := plain(tr.root), rulingTree(r); !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s: WriteRuling wrote\n%s\nwant\n%s", c.Name, g, w)
		}
	}
	// An ID that is not a procedure's is refused, that of a matter of
	// article 二十二 too.
	for id, code := range map[string]string{"": "matter.empty", "22.1.1": "matter.unknown", "44": "matter.unknown"} {
		tr := &tree{}
		err := WriteRuling(tr, id, map[string]string{"amount": "800"})
		if e, ok := err.(*Error); !ok || e.Code != code || tr.root != nil {
			t.Errorf("WriteRuling(%q) = %v, want %s", id, err, code)
		}
		if _, err := RouteProcedure(id, nil); err == nil || err.(*Error).Code != code {
			t.Errorf("RouteProcedure(%q) = %v, want %s", id, err, code)
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
	if err == nil || !strings.HasSuffix(err.(*Error).Message, "22.6.2、21、42、43。") {
		t.Errorf("Route(4) = %v, want the list of every matter and procedure", err)
	}
}

// TestRecords checks what the notation leaves to be filled in.
func TestRecords(t *testing.T) {
	recs := records([]string{`
? q | 问题
# b | 43.1 | q=yes
= 甲 | 签发 | 由甲签发 | 甲乙 | 读法一
= 乙 | 签发 | | | 读法二 | 43.2
> 丙 | 核报
! 注。
+ q=no | 22.2
< | 审查 | 依据 | 18.p2
^ | 发布
! 注。`, `
# c | 21 | q=no
=甲|签发|由甲签发|依据
`})
	var got []string
	for _, r := range recs {
		got = append(got, string(r.sign)+strings.TrimRight(strings.Join(r.f[:], "|"), "|"))
	}
	want := []string{
		"?q|问题",
		"-yes|是", "-no|否",
		"#b|43.1|q=yes",
		"=甲|签发|由甲签发|甲乙|读法一|43.1", ">甲|签发|由甲签发|43.1",
		"=乙|签发|由甲签发|甲乙|读法二|43.2", ">丙|核报|甲乙|43.2",
		"!注。||43.1",
		"+q=no|22.2",
		"<|审查|依据|18.p2", "^|发布|依据|18.p2", "!注。||18.p2",
		"#c|21|q=no",
		"=甲|签发|由甲签发|依据||21", ">甲|签发|由甲签发|21",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
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
	tests := []struct {
		name      string
		old, new  string
		want      string
		procedure string // its ID
	}{
		{"overlap", "# bill | 43.1 | kind=bill", "# bill | 43.1 | to=npc", "branches bill and major overlap", "43"},
		{"gap", "# joint | 43.5 | issuer=joint", "# joint | 43.5 | issuer=joint to=city", "no branch answers issuer=joint", "43"},
		{"unreachable branch", "# report | 43.1 | kind=report", "# report | 43.1 | kind=report to=npc", "branch report is unreachable", "43"},
		{"option never offered", "- report | 通报重大情况的公文 | to=cppcc", "- report | 通报重大情况的公文 | to=city", "option report (通报重大情况的公文) is never offered", "43"},
		{"question never asked", "? important | 是否涉及重要内容 | | kind=routine", "? important | 是否涉及重要内容 | | kind=routine issuer=gov", "input important is never asked", "43"},
		{"condition on a later input", "? beyond | 是否涉及决策权限以外的资金（预）安排、人员调配等重要事项 | | kind=request,minutes-topic", "? beyond | 是否涉及决策权限以外的资金（预）安排、人员调配等重要事项 | | deputies=one", "condition on deputies, which is not an earlier input", "43"},
		{"condition on an unknown value", "# routine-important | 43.4 | kind=routine important=yes", "# routine-important | 43.4 | kind=routine important=yes,maybe", "condition on important for maybe", "43"},
		{"provision never applies", "+ kind=joint", "+ kind=joint issuer=gov", "applies to no combination", "43"},
		{"decider not quoted", "= 分管副区长 | 签发 | 由分管副区长签发 | 涉及全区性", "= 区政府办公室主任 | 签发 | 由分管副区长签发 | 涉及全区性", "decider 区政府办公室主任 or action 签发 empty or not quoted", "43"},
		{"step not quoted", "> 区司法局 | 合法性审查 | 经区司法局进行合法性审查", "> 区财政局 | 合法性审查 | 经区司法局进行合法性审查", "actor 区财政局 or action 合法性审查 is not quoted", "43"},
		{"reading missing", "| 由区长和副区长共同签发", "|", "its reading is empty or repeated", "43"},
		{"silent without note", "! 第四十三条未规定区政府党组其他公文由谁签发。", "", "silent, but no note", "43"},
		{"unknown sign", "# joint | 43.5 | issuer=joint", "* joint | 43.5 | issuer=joint", "unknown sign", "43"},
		{"bad clause", "# joint | 43.5 | issuer=joint", "# joint | 43.05 | issuer=joint", "bad clause path 43.05", "43"},
		{"bad condition", "# joint | 43.5 | issuer=joint", "# joint | 43.5 | issuer", "bad condition issuer", "43"},
		{"line out of place", "? interest | 是否涉及市场主体和社会公众切身利益 | | kind=normative\n", "? interest | 是否涉及市场主体和社会公众切身利益 | | kind=normative\n> 区长 | 签发\n", "out of place", "43"},
		{"branch among the provisions", "+ kind=joint\n", "+ kind=joint\n# late | 43.5 | issuer=joint\n", "out of place", "43"},
		{"see unknown matter", "+ kind=funds | 22.1.3 22.2", "+ kind=funds | 22.1.3 22.7", "sees unknown matter 22.7", "21"},
		{"note not a sentence", "! 第二十二条各项未对该事宜规定金额档次。", "! 第二十二条各项未对该事宜规定金额档次", "text is not a sentence", "21"},
		{"duplicate branch", "# agreement | 22 | formal=yes", "# amount | 22 | formal=yes", "ID empty, not a token, or repeated", "21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var spec *procSpec
			for i := range procedures {
				if procedures[i].id == tt.procedure {
					spec = &procedures[i]
				}
			}
			saved := spec.body
			defer func() { spec.body = saved }()
			spec.body = append([]string(nil), saved...)
			found := false
			for i, part := range spec.body {
				if strings.Contains(part, tt.old) {
					spec.body[i], found = strings.Replace(part, tt.old, tt.new, 1), true
					break
				}
			}
			if !found {
				t.Fatalf("%q is not in the data", tt.old)
			}
			p := strings.Join(check(build()), "\n")
			if !strings.Contains(p, tt.want) {
				t.Errorf("check found\n\t%s\nwant a problem containing %q", strings.ReplaceAll(p, "\n", "\n\t"), tt.want)
			}
		})
	}
}
