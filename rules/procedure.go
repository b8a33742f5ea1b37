package rules

import "strings"

// Procedure is a question the Work Rules answer by kind rather than by
// amount: who signs a document (公文审签, article 四十三) or which meeting
// decides a matter (article 二十一, with 十八, 二十二 and 二十三). The
// user answers choices (Inputs, each of [KindChoice]); exactly one
// [Branch] answers every combination of answers, which [Check] verifies by
// enumerating them all, and [Provision]s of this and other articles add
// steps before, duties after and notes where their conditions hold.
type Procedure struct {
	// ID is the clause path of the article it rests on: "43", "42", "21".
	ID string
	// Title names it: the article's own heading where it has one
	// (公文审签), else words written for the reader (会议事项).
	Title string
	// Question is what it answers, in Chinese, for a form's heading.
	Question string
	Clause   Clause
	// Inputs are the questions in the order a form asks them; each may
	// depend on earlier answers (Input.When, Option.When).
	Inputs     []Input
	Branches   []Branch
	Provisions []Provision
}

// Citation returns the procedure's formal citation, e.g. 第四十三条.
func (p *Procedure) Citation() string { return p.Clause.Citation() }

// Branch is one rule of the text: when its conditions hold, its outcomes
// answer.
type Branch struct {
	// ID is stable ASCII, unique within the procedure: "city", "several".
	ID string
	// When lists the conditions on the answers, all of which must hold.
	When []Condition
	// Clause is the item the branch rests on, or where the text is
	// silent.
	Clause Clause
	// Outcomes are the readings the text allows: one where it is
	// clear, several where it is ambiguous (each saying in Reading how
	// it reads the text), none where the text does not answer; Notes
	// then say so.
	Outcomes []Outcome
	Notes    []Note
}

// Outcome is one reading of the text: who signs or decides, and how.
type Outcome struct {
	// Decider is who signs or decides, exactly as the text names them:
	// 区长, 分管副区长, 区政府办公室主任, 区政府常务会议….
	Decider string
	// Action is what they do, in the text's words: 签发, 讨论决定,
	// 审议决定, 研究.
	Action string
	// Wording is the decision as the text words it: "由区长签发".
	Wording string
	// Steps is the whole path in order; the last step is the decision
	// itself (Decider, Action).
	Steps  []Act
	Clause Clause
	// Basis is the words of the text the outcome rests on, verbatim.
	Basis string
	// Reading says, where the text allows more than one reading, what
	// this one takes it to mean; empty otherwise.
	Reading string
}

// Act is one step of a procedure, with the words of the text it rests on.
type Act struct {
	// Actor is who acts, as the text names them; empty where the text
	// names no one (公开征求意见).
	Actor string
	// Action is what is done, in the text's words: 合法性审查, 核报, 签发.
	Action string
	Clause Clause
	// Basis is the words of the text the step rests on, verbatim.
	Basis string
}

// Provision is a sentence of the text that applies when its conditions
// hold, whatever the branch: e.g. a 规范性文件 needs 公开征求意见、合法性审核
// 和完备性审核 before a meeting may deliberate it (第十八条第二款).
type Provision struct {
	When   []Condition // all must hold; empty means always
	Before []Act       // steps required before the decision
	Duties []Act       // duties after it
	Notes  []Note
	// See lists matters of article 二十二 ([Matters]) that decide the
	// matter by amount.
	See []string
}

// Ruling is the answer of [RouteProcedure]: the branch that applies to
// the answers given, with what the provisions add.
type Ruling struct {
	Procedure string // procedure ID
	Branch    string // branch ID
	Clause    Clause // the branch's clause
	// Outcomes are the readings of the text; see [Branch].
	Outcomes []Outcome
	Before   []Act  // steps the provisions require before the decision, in their order
	Duties   []Act  // duties after it
	Notes    []Note // the branch's notes, then the provisions'
	See      []string
	// Values are the answers given to the inputs asked, in input order.
	Values []Choice
}

// Silent reports whether the text does not say who signs or decides; the
// notes say what it does say.
func (r *Ruling) Silent() bool { return len(r.Outcomes) == 0 }

// Ambiguous reports whether the text allows more than one reading.
func (r *Ruling) Ambiguous() bool { return len(r.Outcomes) > 1 }

// Choice is an answer given to RouteProcedure.
type Choice struct {
	Input  string // input name
	Label  string // input label
	Value  string // option value
	Option string // option label
}

// Procedures returns the procedures in clause order: 21, 42, then 43. They
// are not among [Matters], which are the matters of article 二十二 decided
// by amount. The result is the caller's own copy.
func Procedures() []*Procedure {
	ps := make([]*Procedure, len(procedures))
	for i := range procedures {
		ps[i] = load(procedures[i].id).build()
	}
	return ps
}

// LookupProcedure returns the procedure with the given ID, as the
// caller's own copy.
func LookupProcedure(id string) (*Procedure, bool) {
	if p := load(id); p != nil {
		return p.build(), true
	}
	return nil, false
}

// RouteProcedure answers the procedure with the given ID for the given
// answers, each the Value of an option of its input. Inputs that are not
// asked, given the earlier answers, are ignored. The answer is the
// caller's own copy.
//
// Every problem with the request is an [*Error]: matter.empty,
// matter.unknown, input.unknown (the least unknown name in byte order),
// then, for the first input asked, in order, choice.missing (absent or
// empty) or choice.unknown (not an option offered).
func RouteProcedure(id string, inputs map[string]string) (*Ruling, error) {
	p := load(id)
	if p == nil {
		return nil, unknownMatter(id)
	}
	rt, err := p.route(inputs)
	if err != nil {
		return nil, err
	}
	// The structs are built from the same lines; find the branch and
	// provisions by their order among the lines of their sign.
	pr := p.build()
	ordinal := func(i int) int {
		n := 0
		for j := 0; j < i; j++ {
			if p.recs[j].sign == p.recs[i].sign {
				n++
			}
		}
		return n
	}
	b := &pr.Branches[ordinal(rt.parts[0])]
	r := &Ruling{Procedure: pr.ID, Branch: b.ID, Clause: b.Clause, Outcomes: b.Outcomes, Notes: b.Notes}
	for _, i := range rt.parts[1:] {
		v := &pr.Provisions[ordinal(i)]
		r.Before = append(r.Before, v.Before...)
		r.Duties = append(r.Duties, v.Duties...)
		r.Notes = append(r.Notes, v.Notes...)
		r.See = append(r.See, v.See...)
	}
	for k, q := range rt.asked {
		o := &p.recs[rt.chosen[k]]
		r.Values = append(r.Values, Choice{Input: p.recs[q].f[0], Label: p.recs[q].f[1], Value: o.f[0], Option: o.f[1]})
	}
	return r, nil
}

// unknownMatter is the error for an ID that is not a procedure's.
func unknownMatter(id string) *Error {
	code := "matter.unknown"
	if id == "" {
		code = "matter.empty"
	}
	msg := message(code, id, allIDs())
	for i := range article22 {
		if article22[i].clause.Path() == id {
			msg = "事项" + id + "按金额确定，不是选择题（Route）。"
		}
	}
	return &Error{Code: code, Message: msg}
}

// build builds the structs of the procedure from its lines.
func (p *proc) build() *Procedure {
	pr := &Procedure{ID: p.spec.id, Title: p.spec.title, Question: p.spec.question}
	pr.Clause, _ = parseClause(p.spec.id)
	clause := func(s string) Clause {
		c, _ := parseClause(s)
		return c
	}
	act := func(r *rec) Act { return Act{Actor: r.f[0], Action: r.f[1], Basis: r.f[2], Clause: clause(r.f[3])} }
	var top byte // the sign of the last line at level 0
	for i := range p.recs {
		r := &p.recs[i]
		var b *Branch
		if n := len(pr.Branches); n > 0 {
			b = &pr.Branches[n-1]
		}
		var v *Provision
		if n := len(pr.Provisions); n > 0 {
			v = &pr.Provisions[n-1]
		}
		switch {
		case (r.sign == '-' && len(pr.Inputs) == 0) || (strings.IndexByte("=>", r.sign) >= 0 && b == nil) ||
			(r.sign == '>' && len(b.Outcomes) == 0) || (strings.IndexByte("<^", r.sign) >= 0 && v == nil) ||
			(r.sign == '!' && (top == '#' && b == nil || top != '#' && v == nil)):
			// A line out of place, which Check reports.
			continue
		}
		switch r.sign {
		case '?':
			pr.Inputs = append(pr.Inputs, Input{Name: r.f[0], Label: r.f[1], Kind: KindChoice, Hint: r.f[2], When: parseWhen(r.f[3])})
		case '-':
			in := &pr.Inputs[len(pr.Inputs)-1]
			in.Options = append(in.Options, Option{Value: r.f[0], Label: r.f[1], When: parseWhen(r.f[2])})
		case '#':
			pr.Branches = append(pr.Branches, Branch{ID: r.f[0], Clause: clause(r.f[1]), When: parseWhen(r.f[2])})
		case '=':
			b.Outcomes = append(b.Outcomes, Outcome{Decider: r.f[0], Action: r.f[1], Wording: r.f[2], Basis: r.f[3], Reading: r.f[4], Clause: clause(r.f[5])})
		case '>':
			o := &b.Outcomes[len(b.Outcomes)-1]
			o.Steps = append(o.Steps, act(r))
		case '+':
			pr.Provisions = append(pr.Provisions, Provision{When: parseWhen(r.f[0]), See: fields(r.f[1])})
		case '<':
			v.Before = append(v.Before, act(r))
		case '^':
			v.Duties = append(v.Duties, act(r))
		case '!':
			n := Note{Text: r.f[0], Basis: r.f[1], Clause: clause(r.f[2])}
			if top == '#' {
				b.Notes = append(b.Notes, n)
			} else {
				v.Notes = append(v.Notes, n)
			}
		}
		if level(r.sign) == 0 {
			top = r.sign
		}
	}
	return pr
}

// parseWhen reads the conditions of a when.
func parseWhen(when string) []Condition {
	var cs []Condition
	for when != "" {
		input, not, values, rest := term(when)
		var c Condition
		c.Input, c.Not, c.Values = input, not, splitOn(values, ',')
		cs, when = append(cs, c), rest
	}
	return cs
}

// fields splits s at spaces.
func fields(s string) []string { return splitOn(trimSpace(s), ' ') }

// splitOn splits s at sep, dropping empty parts.
func splitOn(s string, sep byte) []string {
	var parts []string
	for s != "" {
		var p string
		p, s = cut(s, sep)
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// allIDs lists the IDs of the matters and procedures for a message.
func allIDs() string {
	s := ""
	for i := range article22 {
		s += article22[i].clause.Path() + "、"
	}
	for i := range procedures {
		s += procedures[i].id + "、"
	}
	return s[:len(s)-len("、")]
}
