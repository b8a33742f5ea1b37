package rules

import (
	"strings"
	"testing"
	"unicode"
)

func TestCheck(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
}

// TestCheckFindsProblems breaks the data in the ways Check must catch.
func TestCheckFindsProblems(t *testing.T) {
	matter := func(c *catalogue, id string) *Matter {
		for _, m := range c.matters {
			if m.ID == id {
				return m
			}
		}
		t.Fatalf("no matter %s", id)
		return nil
	}
	tests := []struct {
		name      string
		breakData func(c *catalogue)
		want      string
	}{
		{"bands out of order", func(c *catalogue) {
			b := matter(c, "22.1.1").Bands
			b[1], b[2] = b[2], b[1]
		}, "does not end where"},
		{"gap", func(c *catalogue) {
			matter(c, "22.2").Bands[1].Lower.Inclusive = false
		}, "leaves a gap"},
		{"overlap", func(c *catalogue) {
			matter(c, "22.4").Bands[0].Upper.Inclusive = true
		}, "overlaps"},
		{"implicit end without reading", func(c *catalogue) {
			matter(c, "22.3.1").Bands[1].Upper.Reading = nil
		}, "implicit in the text but has no reading"},
		{"stated end with reading", func(c *catalogue) {
			matter(c, "22.3.1").Bands[1].Lower.Reading = &Reading{"x", "y"}
		}, "stated by the text but has a reading"},
		{"amount differs from text", func(c *catalogue) {
			matter(c, "22.6.1").Bands[3].Lower.Amount = matter(c, "22.6.1").Bands[2].Lower.Amount
		}, "does not match the text"},
		{"last band bounded", func(c *catalogue) {
			m := matter(c, "22.6.2")
			m.Bands = m.Bands[:1]
		}, "last band is bounded above"},
		{"phrase of the text unused", func(c *catalogue) {
			matter(c, "22.6.2").Bands[0].Decision.Notes = nil
			matter(c, "22.6.2").Bands[1].Decision.Notes = nil
		}, "phrase 国有企业之间互保由被担保单位提请 of the text is used by no band or note"},
		{"basis not quoted", func(c *catalogue) {
			matter(c, "22.1.2").Bands[0].Decision.Basis = "1000万元以内的由分管副区长审核后报常务副区长审定"
		}, "is not a phrase of the sentence"},
		{"step not in the text", func(c *catalogue) {
			matter(c, "22.1.1").Bands[1].Decision.Steps[0].Actor = "区财政局"
		}, "step 区财政局 研究审核 is not quoted"},
		{"decider is not the last step", func(c *catalogue) {
			matter(c, "22.1.1").Bands[1].Decision.Decider = "分管副区长"
		}, "last step is not the decision itself"},
		{"clause of a table", func(c *catalogue) {
			matter(c, "22.5").Tables[1].Clause.SubItem = 3
		}, "clause is not sub-item 2 of 22.5"},
		{"matter ID", func(c *catalogue) {
			matter(c, "22.4").ID = "22.4.1"
		}, "ID differs from clause path"},
		{"category without number", func(c *catalogue) {
			matter(c, "22.2").Category = "本级财政资金类"
		}, "does not start with the item number"},
		{"general rule not attached", func(c *catalogue) {
			matter(c, "22.1.3").Bands[0].Decision.General = nil
		}, "general rules , want agreement,topic-meeting,emergency"},
		{"general rule for an unknown matter", func(c *catalogue) {
			c.general[2].Matters = append(c.general[2].Matters, "22.9")
		}, "unknown matter 22.9"},
		{"general rule for a decider that decides nothing", func(c *catalogue) {
			c.general[1].Deciders = []string{"区长"}
		}, "decider 区长 decides no band"},
		{"duty not in the text", func(c *catalogue) {
			matter(c, "22.3.1").Bands[0].Decision.Duties = []string{"向区财政局报备"}
		}, "duty 向区财政局报备 is not quoted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := build()
			tt.breakData(c)
			p := check(c)
			if !strings.Contains(strings.Join(p, "\n"), tt.want) {
				t.Errorf("check found\n\t%s\nwant a problem containing %q", strings.Join(p, "\n\t"), tt.want)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	tests := []struct {
		c    Clause
		path string
		want string
	}{
		{Clause{22, 0, 0, 0}, "22", "第二十二条"},
		{Clause{22, 0, 2, 0}, "22.2", "第二十二条第（二）项"},
		{Clause{22, 0, 1, 1}, "22.1.1", "第二十二条第（一）项第1目"},
		{Clause{22, 0, 6, 2}, "22.6.2", "第二十二条第（六）项第2目"},
		{Clause{21, 0, 0, 0}, "21", "第二十一条"},
		{Clause{43, 0, 3, 0}, "43.3", "第四十三条第（三）项"},
		{Clause{10, 0, 0, 0}, "10", "第十条"},
		{Clause{99, 0, 19, 0}, "99.19", "第九十九条第（十九）项"},
		{Clause{105, 0, 0, 0}, "105", "第一百零五条"},
		{Clause{120, 0, 11, 0}, "120.11", "第一百二十条第（十一）项"},
		{Clause{1000, 0, 0, 0}, "1000", "第1000条"},
		{Clause{0, 0, 0, 0}, "0", ""},
		{Clause{22, 0, 0, 1}, "22", ""},
	}
	for _, tt := range tests {
		if got := tt.c.Citation(); got != tt.want {
			t.Errorf("%v.Citation() = %q, want %q", tt.c.Path(), got, tt.want)
		}
		if got := tt.c.Path(); got != tt.path {
			t.Errorf("Path() = %q, want %q", got, tt.path)
		}
	}
}

func TestMatterIDs(t *testing.T) {
	var ids []string
	for _, m := range Matters() {
		ids = append(ids, m.ID)
	}
	want := "22.1.1 22.1.2 22.1.3 22.2 22.3.1 22.3.2 22.4 22.5 22.6.1 22.6.2"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("matters %s, want %s", got, want)
	}
}

func routeT(t *testing.T, matter string, inputs ...string) *Decision {
	t.Helper()
	in := map[string]string{}
	for i := 0; i+1 < len(inputs); i += 2 {
		in[inputs[i]] = inputs[i+1]
	}
	d, err := Route(matter, in)
	if err != nil {
		t.Fatalf("Route(%s, %v): %v", matter, in, err)
	}
	return d
}

func steps(d *Decision) string {
	var s []string
	for _, st := range d.Steps {
		s = append(s, st.Actor+st.Action)
	}
	return strings.Join(s, " → ")
}

// TestDecisionsFollowText checks the parts of decisions that the case
// table does not: steps, duties, notes, basis and citation.
func TestDecisionsFollowText(t *testing.T) {
	tests := []struct {
		matter  string
		inputs  []string
		steps   string
		duties  string
		notes   string // notes' texts, joined by |
		basis   string
		cite    string
		wording string
	}{
		{"22.1.1", []string{"amount", "600"}, "分管副区长研究审核 → 常务副区长审定", "", "",
			"500万元（含）—1000万元的由分管副区长研究审核后送常务副区长审定", "第二十二条第（一）项第1目", "由分管副区长研究审核后送常务副区长审定"},
		{"22.1.2", []string{"amount", "999"}, "分管副区长审核 → 常务副区长审定", "", "",
			"1000万元（不含）以内的由分管副区长审核后报常务副区长审定", "第二十二条第（一）项第2目", "由分管副区长审核后报常务副区长审定"},
		{"22.3.1", []string{"amount", "99"}, "企业研究决定", "向区国资委报备", "",
			"国有及国有控股企业一次性处置国有资产评估价值100万元（不含）以内的由企业研究决定并向区国资委报备", "第二十二条第（三）项第1目", "由企业研究决定并向区国资委报备"},
		{"22.3.1", []string{"amount", "300"}, "分管国资工作的区政府领导同志审批", "", "",
			"200万元（含）—500万元的由分管国资工作的区政府领导同志审批", "第二十二条第（三）项第1目", "由分管国资工作的区政府领导同志审批"},
		{"22.4", []string{"amount", "39"}, "企业研究决定", "", "",
			"国有及国有控股企业投资40万元（不含）以内的项目由企业研究决定", "第二十二条第（四）项", "由企业研究决定"},
		{"22.5", []string{"contract", "399", "change", "39"}, "分管副区长审定或授权审批", "", "原文为“审定或授权审批”：由分管副区长审定，或经授权审批；原文未写明授权谁审批。",
			"累计增减投资40万元（不含）以内的由分管副区长审定或授权审批", "第二十二条第（五）项第1目", "由分管副区长审定或授权审批"},
		{"22.5", []string{"contract", "400", "change", "39"}, "行业主管部门审定", "", "",
			"累计增减投资40万元（不含）以内的由行业主管部门审定", "第二十二条第（五）项第2目", "由行业主管部门审定"},
		{"22.6.2", []string{"amount", "4999"}, "常务副区长审定", "", "国有企业之间互保的，由被担保单位提请。",
			"国有及国有控股企业融资5000万元（不含）以内的由常务副区长审定", "第二十二条第（六）项第2目", "由常务副区长审定"},
		{"22.6.2", []string{"amount", "5000"}, "区政府常务会议听取汇报", "", "原文规定提请区政府常务会议听取汇报，未另行规定由哪一机关审定。|国有企业之间互保的，由被担保单位提请。",
			"5000万元及以上的提请区政府常务会议听取汇报", "第二十二条第（六）项第2目", "提请区政府常务会议听取汇报"},
	}
	for _, tt := range tests {
		d := routeT(t, tt.matter, tt.inputs...)
		var notes []string
		for _, n := range d.Notes {
			notes = append(notes, n.Text)
		}
		got := []string{steps(d), strings.Join(d.Duties, "|"), strings.Join(notes, "|"), d.Basis, d.Citation(), d.Wording}
		want := []string{tt.steps, tt.duties, tt.notes, tt.basis, tt.cite, tt.wording}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("Route(%s, %v): field %d = %q, want %q", tt.matter, tt.inputs, i, got[i], want[i])
			}
		}
	}
}

func TestGeneralRulesApply(t *testing.T) {
	tests := []struct {
		matter string
		inputs []string
		want   string
	}{
		{"22.1.1", []string{"amount", "499"}, "agreement"},
		{"22.1.1", []string{"amount", "1000"}, "agreement emergency"},
		{"22.1.1", []string{"amount", "5000"}, "agreement emergency party-committee"},
		{"22.1.2", []string{"amount", "999"}, "agreement"},
		{"22.1.3", []string{"amount", "499"}, "agreement topic-meeting emergency"},
		{"22.1.3", []string{"amount", "500"}, "agreement emergency"},
		{"22.2", []string{"amount", "1000"}, "agreement"},
		{"22.2", []string{"amount", "5000"}, "agreement party-committee"},
		{"22.5", []string{"contract", "500", "change", "500"}, "agreement"},
		{"22.6.2", []string{"amount", "6000"}, "agreement"},
	}
	for _, tt := range tests {
		d := routeT(t, tt.matter, tt.inputs...)
		var ids []string
		for _, g := range d.General {
			ids = append(ids, g.ID)
		}
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("Route(%s, %v): general rules %q, want %q", tt.matter, tt.inputs, got, tt.want)
		}
	}
	// The topic-meeting rule reaches exactly one band of the article.
	n := 0
	for _, m := range Matters() {
		eachBand(m, func(_ *Table, _ int, b *Band) {
			for _, g := range b.Decision.General {
				if g.ID == "topic-meeting" {
					n++
				}
			}
		})
	}
	if n != 1 {
		t.Errorf("topic-meeting applies to %d bands, want 1 (22.1.3 below 500万元)", n)
	}
	var ids []string
	for _, g := range GeneralRules() {
		ids = append(ids, g.ID+"@"+g.Clause.Path())
	}
	if got, want := strings.Join(ids, " "), "agreement@22 topic-meeting@22 emergency@22.1 party-committee@21"; got != want {
		t.Errorf("GeneralRules() = %s, want %s", got, want)
	}
}

func TestNext(t *testing.T) {
	tests := []struct {
		matter string
		inputs []string
		want   []string
	}{
		{"22.1.1", []string{"amount", "800"}, []string{
			"金额再增加200万元（达到1000万元）即需提请区政府常务会议审定",
			"金额减少超过300万元（低于500万元）即需由分管副区长审定",
		}},
		{"22.1.1", []string{"amount", "500"}, []string{
			"金额再增加500万元（达到1000万元）即需提请区政府常务会议审定",
			"金额一旦低于500万元即需由分管副区长审定",
		}},
		{"22.1.1", []string{"amount", "1"}, []string{
			"金额再增加499万元（达到500万元）即需由分管副区长研究审核后送常务副区长审定",
		}},
		{"22.6.1", []string{"amount", "9999.9999999999999999"}, []string{
			"抵押或担保金额再增加0.0000000000000001万元（达到1亿元）即需提请区委常委会会议审定",
			"抵押或担保金额减少超过8999.9999999999999999万元（低于1000万元）即需提请区长办公会议审定",
		}},
		{"22.6.2", []string{"amount", "1亿元"}, []string{
			"融资金额减少超过5000万元（低于5000万元）即需由常务副区长审定",
		}},
		{"22.5", []string{"contract", "390", "change", "30"}, []string{
			"合同金额再增加10万元（达到400万元）即需由行业主管部门审定",
			"累计增减投资再增加10万元（达到40万元）即需提请区长办公会议审定",
		}},
		{"22.5", []string{"contract", "400", "change", "50"}, []string{
			"合同金额一旦低于400万元即需提请区长办公会议审定",
			"累计增减投资再增加50万元（达到100万元）即需提请区长办公会议审定",
			"累计增减投资减少超过10万元（低于40万元）即需由行业主管部门审定",
		}},
	}
	for _, tt := range tests {
		d := routeT(t, tt.matter, tt.inputs...)
		var got []string
		for _, n := range d.Next {
			got = append(got, n.Text)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Route(%s, %v).Next:\n\t%s\nwant\n\t%s", tt.matter, tt.inputs, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
		}
	}
	// The tables leave Next and Values to routed decisions.
	for _, m := range Matters() {
		eachBand(m, func(_ *Table, _ int, b *Band) {
			if b.Decision.Next != nil || b.Decision.Values != nil {
				t.Errorf("%s %s: Next or Values set in the tables", m.ID, b.Text)
			}
		})
	}
}

func TestImplicitEndsAreRead(t *testing.T) {
	m, _ := Lookup("22.6.1")
	u := m.Bands[2].Upper
	if u.Reading == nil || u.Inclusive || u.Written != "1亿元" || FormatAmount(u.Amount) != "10000" {
		t.Fatalf("22.6.1 band 3 upper end = %+v, want 1亿元 = 10000万元, exclusive, with a reading", u)
	}
	if u.Reading.Reading != "不含1亿元" || !strings.Contains(u.Reading.Reason, "1亿元及以上") {
		t.Errorf("reading %+v", *u.Reading)
	}
	l := m.Bands[0].Lower
	if l.Reading == nil || l.Inclusive || !l.Amount.IsZero() {
		t.Errorf("22.6.1 band 1 lower end = %+v, want 0 exclusive with a reading", l)
	}
	if r := m.Bands[3].Lower; r.Reading != nil || !r.Inclusive {
		t.Errorf("22.6.1 band 4 lower end = %+v, want stated (及以上) and inclusive", r)
	}
}

// TestRouteReturnsCopies makes sure that what callers do with an answer
// or a table cannot change the next answer.
func TestRouteReturnsCopies(t *testing.T) {
	d := routeT(t, "22.1.3", "amount", "100")
	d.Decider = "x"
	d.Steps[0].Actor = "x"
	d.General[1].Text = "x"
	d.General[1].Deciders[0] = "x"
	d2 := routeT(t, "22.1.3", "amount", "1500")
	d2.Next[1].At.Reading.Reason = "x"
	d2.Values[0].In.Upper.Reading.Reason = "x"
	m, _ := Lookup("22.1.3")
	m.Bands[0].Decision.Wording = "x"
	GeneralRules()[1].Text = "x"
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	e := routeT(t, "22.1.3", "amount", "100")
	if e.Decider != "区政府专题会议" || e.Steps[0].Actor != "区政府专题会议" || e.General[1].Text == "x" ||
		e.General[1].Deciders[0] == "x" || e.Wording == "x" {
		t.Errorf("a caller's changes leaked into the data: %+v", e)
	}
	e2 := routeT(t, "22.1.3", "amount", "1500")
	if e2.Next[1].At.Reading.Reason == "x" || e2.Values[0].In.Upper.Reading.Reason == "x" {
		t.Errorf("a caller's changes leaked into the readings")
	}
}

func TestErrors(t *testing.T) {
	for _, c := range loadCases(t) {
		if c.Want.Error == "" {
			continue
		}
		_, err := Route(c.Matter, c.Inputs)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%s: %v is not an *Error", c.Name, err)
			continue
		}
		s := err.Error()
		if r := []rune(s); unicode.IsUpper(r[0]) || strings.HasSuffix(s, "。") || strings.HasSuffix(s, ".") {
			t.Errorf("%s: Go error string %q must start lower-case and end without punctuation", c.Name, s)
		}
		if !strings.HasSuffix(e.Message, "。") || !strings.ContainsFunc(e.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: message %q is not a Chinese sentence", c.Name, e.Message)
		}
	}
}

func TestThresholds(t *testing.T) {
	m, _ := Lookup("22.5")
	var got []string
	for _, th := range m.Thresholds() {
		got = append(got, th.Clause.Path()+" "+th.Input+" "+th.Written)
	}
	want := "22.5.1 contract 400万元|22.5.1 change 40万元|22.5.2 contract 400万元|22.5.2 change 40万元|22.5.2 change 100万元|22.5.2 change 400万元"
	if strings.Join(got, "|") != want {
		t.Errorf("22.5 thresholds %q, want %q", strings.Join(got, "|"), want)
	}
}
