package site

import (
	"sort"
	"strings"

	"rulesite/internal/versions"
	"rulesite/rules"
)

// CalculatorPage is the routing calculator: a form over the matters of
// article 二十二, decided by amount, and the procedures (who signs a
// document, which meeting decides a matter), decided by answers to
// questions; the answers come from rules.wasm in the browser. The form is
// rendered here, so that it appears before the module has loaded; without
// JavaScript or WebAssembly the page still shows the threshold tables
// (the embedded ThresholdsPage) and a table of the procedures' cases.
type CalculatorPage struct {
	ThresholdsPage
	// Asked are the procedures, answered by questions (会议事项, 公文审签),
	// shown first in the matter picker; Groups are the categories of
	// article 二十二, decided by amount, after them.
	Asked  []CalcMatter
	Groups []CalcGroup
	// Fields are the amount fields the form can show, one per input name
	// across all matters (amount; contract and change for 22.5), in the
	// order a form asks for them. The script relabels them per matter.
	Fields []CalcField
	// Procedures are the procedures' questions, and their cases for the
	// reference below the form.
	Procedures []CalcProcedure
	// Data is what the script needs beyond the form, as JSON.
	Data CalcData
}

// CalcGroup is one category of article 二十二, as the text words it:
// （一）向上争取资金类.
type CalcGroup struct {
	Heading string
	Matters []CalcMatter
}

// CalcMatter is one choice of the matter picker.
type CalcMatter struct {
	ID       string
	Title    string
	Citation string
	// Heading is the sub-item's heading without its number where it says
	// more than Title (企业类, 担保类（国有担保公司对外开展担保业务）); for
	// a procedure, the question it answers.
	Heading string
}

// CalcProcedure is a procedure as the page shows it: its questions, in
// the form, and its cases, in the reference below it.
type CalcProcedure struct {
	ID       string
	Title    string // 公文审签, 会议事项
	Question string // 这份公文由谁签发，签发前须经哪些程序？
	// Citation is the article it rests on, and the others it quotes:
	// 第二十一条，并见第十八条、第二十二条、第二十三条; Short is the
	// first with 等 where there are others: 第二十一条等.
	Citation  string
	Short     string
	Href      string // its article, relative to the root
	Verb      string // 签发 or 决定: see CalcProcedureData.Verb
	Questions []CalcQuestion
	Cases     []CalcCase
	// Also are the clauses whose provisions add steps before, duties
	// after or notes, depending on the answers.
	Also []CalcClauseRef
}

// CalcQuestion is one question of a procedure: a group of radio buttons.
type CalcQuestion struct {
	Name    string
	Label   string
	Hint    string
	Short   bool // every option is a word or two (是, 否): lay them out in a row
	Options []rules.Option
}

// CalcCase is one branch of a procedure, as a row of the reference table.
type CalcCase struct {
	When string // the answers that lead to it, in words
	// Answer is who signs or decides, one line per reading of the text;
	// for a branch where the text is silent, what the notes say.
	Answer     []string
	Ambiguous  bool
	Silent     bool
	Citation   string
	Href       string // the branch's clause, relative to the root
	Calculator string // the calculator with the answers When names filled in
}

// CalcClauseRef links a clause.
type CalcClauseRef struct {
	Citation, Href string
}

// CalcField is one amount field of the form.
type CalcField struct {
	Name  string // request key: amount, contract, change
	Label string // the label shown before a matter is chosen
}

// CalcData is the script's data, embedded in the page as JSON.
type CalcData struct {
	// Citation is the document's name as formal citations prefix it:
	// 《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）.
	Citation string `json:"citation"`
	// Version says which version of the text the answers rest on, its
	// dates and status as of the build: 2021年4月1日印发，现行有效.
	Version string `json:"version"`
	// Status is the status (时效性) of that version as of the build:
	// 现行有效, 已修改…; "" when the site knows nothing of it.
	Status  string           `json:"status"`
	Matters []CalcMatterData `json:"matters"`
	// Procedures are the procedures' questions and the conditions under
	// which each is asked, as rules.Procedures gives them.
	Procedures []CalcProcedureData `json:"procedures"`
	// Clauses maps every clause a decision or a procedure's answer can
	// cite (rules.Clause.Path: "22", "22.1", "22.5.2", "18.p2") to its
	// address relative to the site root, anchors included, as the
	// document's pages number them (see calcHref).
	Clauses map[string]string `json:"clauses"`
	// Bodies maps every deciding body to its entry on authorities.html.
	Bodies map[string]string `json:"bodies"`
}

// CalcMatterData is a matter as the script needs it to label the form.
type CalcMatterData struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	Citation string          `json:"citation"`
	Inputs   []CalcInputData `json:"inputs"`
}

// CalcProcedureData is a procedure as the script needs it to ask its
// questions in order and to word its answers.
type CalcProcedureData struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Role names who the answer is, for the result and the slip: 签发人
	// where every outcome is a signature, else 决策主体.
	Role string `json:"role"`
	// Verb is what they do, for a sentence where the text is silent:
	// 签发, 决定.
	Verb      string             `json:"verb"`
	Questions []CalcQuestionData `json:"questions"`
	// See lists the matters of article 二十二 that decide the matter by
	// amount, with the answers they follow from, so that the page can ask
	// the amount (按金额确定) as soon as those are given.
	See []CalcSeeData `json:"see"`
}

// CalcSeeData is a provision of a procedure that names matters of article
// 二十二 (rules.Provision.See).
type CalcSeeData struct {
	When    []CalcCondition `json:"when"`
	Matters []string        `json:"matters"`
}

// CalcQuestionData is a question of a procedure.
type CalcQuestionData struct {
	Name    string           `json:"name"`
	Label   string           `json:"label"`
	When    []CalcCondition  `json:"when"`
	Options []CalcOptionData `json:"options"`
}

// CalcOptionData is an option of a question.
type CalcOptionData struct {
	Value string          `json:"value"`
	Label string          `json:"label"`
	When  []CalcCondition `json:"when"`
}

// CalcCondition is a rules.Condition: on the answer to an earlier
// question.
type CalcCondition struct {
	Input  string   `json:"input"`
	Values []string `json:"values"`
	Not    bool     `json:"not"`
}

// CalcInputData is an input of a matter.
type CalcInputData struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Hint  string `json:"hint"`
	// Marks are the amounts at which a band begins, offered as one-click
	// examples: the boundaries are where staff most need the answer.
	Marks []CalcMark `json:"marks"`
}

// CalcMark is a threshold: Amount in 万元 as plain digits ("500"), Written
// as the text writes it ("500万元", "1亿元").
type CalcMark struct {
	Amount  string `json:"amount"`
	Written string `json:"written"`
}

func (rp *rulesPages) calculator(p Page) *CalculatorPage {
	cp := &CalculatorPage{
		ThresholdsPage: *rp.thresholds(p),
		Data: CalcData{
			Citation: rp.doc.Citation(),
			Clauses:  map[string]string{},
			Bodies:   map[string]string{},
		},
	}
	seenField := map[string]bool{}
	clause := func(c rules.Clause) {
		if href := rp.href(c); href != "" {
			cp.Data.Clauses[c.Path()] = href
		}
	}
	for _, g := range rp.general {
		clause(g.Clause)
	}
	for _, m := range rp.matters {
		if !amountsOnly(m) {
			// The form asks for amounts; a matter that needs another
			// kind of input needs a form of its own.
			continue
		}
		if len(cp.Groups) == 0 || cp.Groups[len(cp.Groups)-1].Heading != m.Category {
			cp.Groups = append(cp.Groups, CalcGroup{Heading: m.Category})
		}
		g := &cp.Groups[len(cp.Groups)-1]
		g.Matters = append(g.Matters, CalcMatter{
			ID:       m.ID,
			Title:    m.Title,
			Citation: m.Citation(),
			Heading:  extraHeading(m),
		})

		md := CalcMatterData{ID: m.ID, Title: m.Title, Citation: m.Citation()}
		for i, in := range m.Inputs {
			md.Inputs = append(md.Inputs, CalcInputData{Name: in.Name, Label: in.Label, Hint: in.Hint, Marks: marks(m, i)})
			if !seenField[in.Name] {
				seenField[in.Name] = true
				// Before a matter is chosen only the first field
				// shows, and it reads 金额.
				label := in.Label
				if len(cp.Fields) == 0 {
					label = "金额"
				}
				cp.Fields = append(cp.Fields, CalcField{Name: in.Name, Label: label})
			}
		}
		cp.Data.Matters = append(cp.Data.Matters, md)

		clause(m.Clause)
		// The item a sub-item belongs to: general rules and notes may
		// cite it.
		clause(rules.Clause{Article: m.Clause.Article, Item: m.Clause.Item})
		for _, t := range m.Tables {
			clause(t.Clause)
		}
		eachDecision(m, func(d *rules.Decision) {
			clause(d.Clause)
			for _, n := range d.Notes {
				clause(n.Clause)
			}
			if a := anchorOfBody(d.Decider); a != "" {
				cp.Data.Bodies[d.Decider] = "authorities.html#" + a
			}
		})
	}
	if len(rp.procedures) > 0 {
		cp.Data.Procedures = []CalcProcedureData{}
	}
	for _, p := range rp.procedures {
		cited := procedureClauses(p)
		for _, c := range cited {
			clause(c)
		}
		eachOutcome(p, func(o rules.Outcome) {
			for _, name := range o.Bodies() {
				if a := anchorOfBody(name); a != "" {
					cp.Data.Bodies[name] = "authorities.html#" + a
				}
			}
		})
		cv := rp.calcProcedure(p, cited)
		cp.Asked = append(cp.Asked, CalcMatter{ID: p.ID, Title: p.Title, Citation: cv.Short, Heading: p.Question})
		cp.Procedures = append(cp.Procedures, cv)
		cp.Data.Procedures = append(cp.Data.Procedures, procedureData(p))
	}
	return cp
}

// versionText names the version of the text the rules apply: when it was
// issued or dated, when it took effect, and its status; "" when the site
// knows nothing of it.
func versionText(v *versions.Version) string {
	if v == nil {
		return ""
	}
	var parts []string
	switch m := v.Doc.Meta; {
	case m.Issued != "":
		parts = append(parts, m.Issued+"印发")
	case m.Date != "":
		parts = append(parts, m.Date)
	}
	if v.Effective != "" {
		parts = append(parts, versions.ChineseDate(v.Effective)+"起施行")
	}
	parts = append(parts, v.Status.String())
	return strings.Join(parts, "，")
}

// procedureClauses lists every clause p cites, once each, in the order
// of the text: its article, the clauses of its branches, outcomes, steps,
// provisions and notes.
func procedureClauses(p *rules.Procedure) []rules.Clause {
	seen := map[rules.Clause]bool{}
	var out []rules.Clause
	add := func(c rules.Clause) {
		if c.Article > 0 && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	acts := func(list []rules.Act) {
		for _, a := range list {
			add(a.Clause)
		}
	}
	notes := func(list []rules.Note) {
		for _, n := range list {
			add(n.Clause)
		}
	}
	add(p.Clause)
	for _, b := range p.Branches {
		add(b.Clause)
		for _, o := range b.Outcomes {
			add(o.Clause)
			acts(o.Steps)
		}
		notes(b.Notes)
	}
	for _, v := range p.Provisions {
		acts(v.Before)
		acts(v.Duties)
		notes(v.Notes)
	}
	for _, q := range p.Quotes() {
		add(q.Clause)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}

// calcProcedure is what the page shows of p: its questions and its cases.
func (rp *rulesPages) calcProcedure(p *rules.Procedure, cited []rules.Clause) CalcProcedure {
	cv := CalcProcedure{ID: p.ID, Title: p.Title, Question: p.Question, Href: rp.href(rules.Clause{Article: p.Clause.Article})}
	cv.Verb = p.Verb
	// Its article, then the others it quotes.
	cv.Citation, cv.Short = p.Citation(), p.Citation()
	var others []string
	for _, c := range cited {
		a := rules.Clause{Article: c.Article}.Citation()
		if c.Article != p.Clause.Article && (len(others) == 0 || others[len(others)-1] != a) {
			others = append(others, a)
		}
	}
	if len(others) > 0 {
		cv.Citation += "，并见" + strings.Join(others, "、")
		cv.Short += "等"
	}
	for _, in := range p.Inputs {
		q := CalcQuestion{Name: in.Name, Label: in.Label, Hint: in.Hint, Options: in.Options, Short: true}
		for _, o := range in.Options {
			if len([]rune(o.Label)) > 3 {
				q.Short = false
			}
		}
		cv.Questions = append(cv.Questions, q)
	}
	for _, b := range p.Branches {
		when, query := caseWhen(p, b.When)
		c := CalcCase{
			When:       when,
			Ambiguous:  len(b.Outcomes) > 1,
			Silent:     len(b.Outcomes) == 0,
			Citation:   b.Clause.Citation(),
			Href:       rp.href(b.Clause),
			Calculator: CalculatorLink(p.ID, query...),
		}
		for _, o := range b.Outcomes {
			line := o.Wording
			switch {
			case c.Ambiguous:
				line = o.Reading
			case !strings.Contains(o.Wording, o.Decider):
				line = o.Decider + o.Action + "（" + o.Wording + "）"
			}
			c.Answer = append(c.Answer, line)
		}
		if c.Silent {
			for _, n := range b.Notes {
				c.Answer = append(c.Answer, n.Text)
			}
		}
		cv.Cases = append(cv.Cases, c)
	}
	seen := map[rules.Clause]bool{}
	var also []rules.Clause
	for _, v := range p.Provisions {
		var cs []rules.Clause
		for _, a := range append(append([]rules.Act{}, v.Before...), v.Duties...) {
			cs = append(cs, a.Clause)
		}
		for _, n := range v.Notes {
			cs = append(cs, n.Clause)
		}
		for _, c := range cs {
			if !seen[c] {
				seen[c] = true
				also = append(also, c)
			}
		}
	}
	sort.SliceStable(also, func(i, j int) bool { return also[i].Less(also[j]) })
	for _, c := range also {
		cv.Also = append(cv.Also, CalcClauseRef{Citation: c.Citation(), Href: rp.href(c)})
	}
	return cv
}

// caseWhen says in words which answers lead to a branch — 发文机关：区政府；
// 公文类别：其他公文 — and gives the calculator's query for them: the
// first value of each condition that names values. A condition that
// excludes values is worded as the options it leaves, where the question
// is asked at all: 是否对外签订正式协议：否（如问及）.
func caseWhen(p *rules.Procedure, when []rules.Condition) (string, [][2]string) {
	var parts []string
	var query [][2]string
	for _, c := range when {
		in := inputOf(p, c.Input)
		if in == nil {
			continue
		}
		var labels []string
		if c.Not {
			for _, o := range in.Options {
				if !contains(c.Values, o.Value) {
					labels = append(labels, o.Label)
				}
			}
		} else {
			for _, v := range c.Values {
				labels = append(labels, optionLabel(in, v))
			}
			query = append(query, [2]string{c.Input, c.Values[0]})
		}
		words := strings.Join(labels, "、")
		if c.Not {
			words += "（如问及）"
		}
		parts = append(parts, in.Label+"："+words)
	}
	return strings.Join(parts, "；"), query
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// procedureData is p as the script needs it.
func procedureData(p *rules.Procedure) CalcProcedureData {
	d := CalcProcedureData{ID: p.ID, Title: p.Title, Questions: []CalcQuestionData{}}
	d.Role, d.Verb = p.Role, p.Verb
	conds := func(cs []rules.Condition) []CalcCondition {
		out := []CalcCondition{}
		for _, c := range cs {
			out = append(out, CalcCondition{Input: c.Input, Values: c.Values, Not: c.Not})
		}
		return out
	}
	for _, in := range p.Inputs {
		q := CalcQuestionData{Name: in.Name, Label: in.Label, When: conds(in.When), Options: []CalcOptionData{}}
		for _, o := range in.Options {
			q.Options = append(q.Options, CalcOptionData{Value: o.Value, Label: o.Label, When: conds(o.When)})
		}
		d.Questions = append(d.Questions, q)
	}
	d.See = []CalcSeeData{}
	for _, v := range p.Provisions {
		if len(v.See) > 0 {
			d.See = append(d.See, CalcSeeData{When: conds(v.When), Matters: v.See})
		}
	}
	return d
}

func amountsOnly(m *rules.Matter) bool {
	for _, in := range m.Inputs {
		if in.Kind != rules.KindAmount {
			return false
		}
	}
	return true
}

// extraHeading returns the sub-item heading of m without its number, when
// it is not just the title again.
func extraHeading(m *rules.Matter) string {
	h := m.Heading
	if i := strings.Index(h, "．"); i >= 0 {
		h = h[i+len("．"):]
	}
	if h == m.Title || h == "" {
		return ""
	}
	return h
}

// marks returns the thresholds of input i of m, ascending: the lower ends
// of every band but the first. For the second input of 22.5 they are the
// thresholds of every table, since the table depends on the first input.
func marks(m *rules.Matter, i int) []CalcMark {
	var bounds []rules.Bound
	add := func(ivs []rules.Interval) {
		for i := 1; i < len(ivs); i++ {
			bounds = append(bounds, ivs[i].Lower)
		}
	}
	switch {
	case len(m.Tables) == 0:
		add(intervals(m.Bands))
	case i == 0:
		var ivs []rules.Interval
		for _, t := range m.Tables {
			ivs = append(ivs, t.Interval)
		}
		add(ivs)
	default:
		for _, t := range m.Tables {
			add(intervals(t.Bands))
		}
	}
	sort.SliceStable(bounds, func(a, b int) bool { return bounds[a].Amount.LessThan(bounds[b].Amount) })
	var out []CalcMark
	for _, b := range bounds {
		amount := rules.FormatAmount(b.Amount)
		if len(out) > 0 && out[len(out)-1].Amount == amount {
			continue
		}
		written := b.Written
		if written == "" {
			written = amount + "万元"
		}
		out = append(out, CalcMark{Amount: amount, Written: written})
	}
	return out
}

func intervals(bands []*rules.Band) []rules.Interval {
	out := make([]rules.Interval, len(bands))
	for i, b := range bands {
		out[i] = b.Interval
	}
	return out
}
