package rules

import "strings"

// Procedure is a question the Work Rules answer by kind rather than by
// amount: who signs a document (公文审签, article 四十三) or which meeting
// decides a matter (article 二十一, with 十八, 二十二 and 二十三). The
// user answers choices (Inputs, each of [KindChoice]); exactly one
// [Branch] answers every combination of answers, which [Check] verifies by
// enumerating them all, and [Provision]s of this and other articles add
// steps before, duties after and notes where their conditions hold.
//
// The procedures are plain values in procdata.go, written so that a
// reviewer can read each branch beside the clause it quotes.
type Procedure struct {
	// ID is the clause path of the article it rests on: "43", "42", "21".
	ID string
	// Title names it: the article's own heading where it has one
	// (公文审签), else words written for the reader (会议事项).
	Title string
	// Question is what it answers, in Chinese, for a form's heading.
	Question string
	// Role names who or what an answer gives, for the answer's label
	// (签发人, 决策主体, 主持工作的领导), and Verb what they do, for the
	// sentence where the text is silent (本规则没有写明这种情形由谁签发).
	Role, Verb string
	Clause     Clause
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
	// Outcomes are what the text answers: one where it answers, also
	// where it names alternatives itself (see Outcome.Either); several
	// only where the words allow more than one reading, each saying in
	// Reading how it reads the text; none where the text does not
	// answer, and Notes then say what it does say.
	Outcomes []Outcome
	Notes    []Note
}

// Outcome is one answer of the text: who signs or decides, and how.
type Outcome struct {
	// Decider is who signs or decides, exactly as the text names them:
	// 区长, 分管副区长, 区政府办公室主任, 区政府常务会议…; for several
	// bodies the text names for one answer (Either), the alternatives
	// joined by 或 (区长或负责区政府常务工作的副区长) or the list as
	// written (区政府常务会议、区长办公会议、区政府专题会议).
	Decider string
	// Either lists, where the text itself names several bodies for one
	// answer, each of them as the text names it, in the text's order:
	// alternatives (由区长或负责区政府常务工作的副区长签发; 区政府全体会议或
	// 区政府常务会议), or article 二十二's 分别由区政府常务会议、区长办公会议、
	// 区政府专题会议讨论决定, whose items say which by amount. It is one
	// answer, stated as the text states it, not an ambiguity; Decider is
	// the alternatives joined by 或, or the list as the wording writes it.
	// Empty otherwise.
	Either []string
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

// Bodies returns the bodies the outcome names: the alternatives of
// Either, or the Decider.
func (o *Outcome) Bodies() []string {
	if len(o.Either) > 0 {
		return o.Either
	}
	return []string{o.Decider}
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
	// Outcomes are what the text answers; see [Branch].
	Outcomes []Outcome
	Before   []Act  // steps the provisions require before the decision, in their order
	Duties   []Act  // duties after it
	Notes    []Note // the branch's notes, then the provisions'
	See      []string
	// Values are the answers given to the inputs asked, in input order.
	Values []Choice
	// Source is the version of the text the answer rests on.
	Source Version
}

// Silent reports whether the text does not say who signs or decides; the
// notes say what it does say.
func (r *Ruling) Silent() bool { return len(r.Outcomes) == 0 }

// Ambiguous reports whether the text allows more than one reading. An
// alternative the text states itself (Outcome.Either) is one answer, not
// an ambiguity.
func (r *Ruling) Ambiguous() bool { return len(r.Outcomes) > 1 }

// Choice is an answer given to RouteProcedure.
type Choice struct {
	Input  string // input name
	Label  string // input label
	Value  string // option value
	Option string // option label
}

// Procedures returns the procedures in clause order. They are not among
// [Matters], which are the matters of article 二十二 decided by amount.
// The result is the caller's own copy.
func Procedures() []*Procedure {
	ps := make([]*Procedure, len(procedures))
	for i := range procedures {
		ps[i] = procedures[i].clone()
	}
	return ps
}

// LookupProcedure returns the procedure with the given ID, as the
// caller's own copy.
func LookupProcedure(id string) (*Procedure, bool) {
	if p := procedure(id); p != nil {
		return p.clone(), true
	}
	return nil, false
}

// IsProcedure reports whether id is the ID of a procedure.
func IsProcedure(id string) bool { return procedure(id) != nil }

// procedure returns the data of the procedure with the given ID, shared,
// or nil.
func procedure(id string) *Procedure {
	for i := range procedures {
		if procedures[i].ID == id {
			return &procedures[i]
		}
	}
	return nil
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
	p := procedure(id)
	if p == nil {
		return nil, unknownMatter(id)
	}
	if err := unknownInput(id, inputs, p.Inputs); err != nil {
		return nil, err
	}
	r := &Ruling{Procedure: id, Source: Source}
	answers := map[string]string{}
	for i := range p.Inputs {
		in := &p.Inputs[i]
		if !holds(in.When, answers) {
			continue
		}
		v := inputs[in.Name]
		var chosen *Option
		for j := range in.Options {
			if o := &in.Options[j]; o.Value == v && holds(o.When, answers) {
				chosen = o
			}
		}
		if chosen == nil {
			code := "choice.unknown"
			if v == "" {
				code = "choice.missing"
			}
			return nil, &Error{Code: code, Input: in.Name, Message: message(code, in.Label, clip(v))}
		}
		answers[in.Name] = v
		r.Values = append(r.Values, Choice{Input: in.Name, Label: in.Label, Value: v, Option: chosen.Label})
	}
	var b *Branch
	for i := range p.Branches {
		if holds(p.Branches[i].When, answers) {
			if b != nil {
				b = nil
				break
			}
			b = &p.Branches[i]
		}
	}
	if b == nil {
		// Check rules this out: exactly one branch answers every
		// combination of answers.
		return nil, &Error{Code: "internal", Message: "内部错误：事项" + id + "的规则未能唯一确定答复。请联系网站维护人员。"}
	}
	b = b.clone()
	r.Branch, r.Clause, r.Outcomes, r.Notes = b.ID, b.Clause, b.Outcomes, b.Notes
	for i := range p.Provisions {
		if v := &p.Provisions[i]; holds(v.When, answers) {
			v = v.clone()
			r.Before = append(r.Before, v.Before...)
			r.Duties = append(r.Duties, v.Duties...)
			r.Notes = append(r.Notes, v.Notes...)
			r.See = append(r.See, v.See...)
		}
	}
	return r, nil
}

// holds reports whether every condition of when holds for the answers
// given so far, by input name (an input not asked has no answer).
func holds(when []Condition, answers map[string]string) bool {
	for _, c := range when {
		v, in := answers[c.Input], false
		for _, x := range c.Values {
			in = in || v != "" && x == v
		}
		if in == c.Not {
			return false
		}
	}
	return true
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

// unknownInput returns the error for the least name in inputs, in byte
// order, that is not the name of one of known, or nil.
func unknownInput(id string, inputs map[string]string, known []Input) *Error {
	names, need := " ", ""
	for i, in := range known {
		if i > 0 {
			need += "、"
		}
		names += in.Name + " "
		need += in.Name + "（" + in.Label + "）"
	}
	unknown := ""
	for k := range inputs {
		if !strings.Contains(names, " "+k+" ") && (unknown == "" || k < unknown) {
			unknown = k
		}
	}
	if unknown == "" {
		return nil
	}
	return &Error{Code: "input.unknown", Input: clip(unknown), Message: "事项" + id + message("input.unknown", unknown, need)}
}

// allIDs lists the IDs of the matters and procedures for a message.
func allIDs() string {
	s := ""
	for i := range article22 {
		s += article22[i].clause.Path() + "、"
	}
	for i := range procedures {
		s += procedures[i].ID + "、"
	}
	return s[:len(s)-len("、")]
}

// The copies the exported functions return: the data is shared, and a
// caller may change what it gets.

func (p *Procedure) clone() *Procedure {
	c := *p
	c.Inputs = cloneEach(p.Inputs, func(in *Input) {
		in.When = cloneConditions(in.When)
		in.Options = cloneEach(in.Options, func(o *Option) { o.When = cloneConditions(o.When) })
	})
	c.Branches = cloneEach(p.Branches, func(b *Branch) { *b = *b.clone() })
	c.Provisions = cloneEach(p.Provisions, func(v *Provision) { *v = *v.clone() })
	return &c
}

func (b *Branch) clone() *Branch {
	c := *b
	c.When = cloneConditions(b.When)
	c.Outcomes = cloneEach(b.Outcomes, func(o *Outcome) {
		o.Either = cloneEach(o.Either, nil)
		o.Steps = cloneEach(o.Steps, nil)
	})
	c.Notes = cloneEach(b.Notes, nil)
	return &c
}

func (v *Provision) clone() *Provision {
	c := *v
	c.When = cloneConditions(v.When)
	c.Before = cloneEach(v.Before, nil)
	c.Duties = cloneEach(v.Duties, nil)
	c.Notes = cloneEach(v.Notes, nil)
	c.See = cloneEach(v.See, nil)
	return &c
}

func cloneConditions(cs []Condition) []Condition {
	return cloneEach(cs, func(c *Condition) { c.Values = cloneEach(c.Values, nil) })
}

// cloneEach copies a list, then lets deep, if not nil, copy what each
// element shares. Nil stays nil.
func cloneEach[T any](list []T, deep func(*T)) []T {
	if list == nil {
		return nil
	}
	c := make([]T, len(list))
	copy(c, list)
	if deep != nil {
		for i := range c {
			deep(&c[i])
		}
	}
	return c
}
