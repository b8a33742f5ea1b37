package rules

import "github.com/shopspring/decimal"

// Matter is one kind of matter of article 二十二 whose decider depends on
// an amount, e.g. 需区级财政配套的建设项目申报方案 (22.1.1).
type Matter struct {
	// ID is the clause path, stable and used in addresses and requests:
	// "22.1.1", "22.2", "22.5".
	ID string

	// Category is the item heading as the text writes it, with its
	// number and without the final 。: "（一）向上争取资金类".
	Category string

	// Heading is the sub-item heading as the text writes it, with its
	// number and without the final 。: "1．企业类". Empty for an item
	// without sub-items, and for 22.5, whose sub-items are its Tables.
	Heading string

	// Title is the matter in the text's own words, quoted from its
	// heading or its sentence: "国有及国有控股企业一次性处置国有资产".
	Title string

	// Clause is where the matter is provided: the sub-item, or the item
	// when the item has no sub-items or (22.5) its sub-items are the
	// tables of a single matter.
	Clause Clause

	// Basis is the text the matter rests on, verbatim: the sentence of
	// the sub-item or item after its heading. For 22.5 it is both
	// sub-items, each with its number, joined by "\n".
	Basis string

	// Inputs are the amounts the matter needs, in the order a form asks
	// for them.
	Inputs []Input

	// Bands is the band table of a matter with one input, in ascending
	// order. Empty when Tables is set.
	Bands []*Band

	// Tables holds, for a matter with two inputs (22.5), one table per
	// band of the first input (合同金额), in ascending order, each with
	// its own bands over the second input (累计增减投资).
	Tables []*Table
}

// Citation returns the matter's formal citation, e.g. 第二十二条第（三）项第1目.
func (m *Matter) Citation() string { return m.Clause.Citation() }

// InputKind says what an input holds and how a form should ask for it.
// Every input of article 二十二 is an amount; the inputs of procedures
// ([Procedure]) are choices. Kinds may be added, so programs must not
// assume that every input is of a kind they know.
type InputKind string

const (
	// KindAmount is an amount of money, parsed by [ParseAmount] into 万元.
	KindAmount InputKind = "amount"
	// KindChoice is a choice among Options; the value given is the
	// option's Value.
	KindChoice InputKind = "choice"
)

// Input is one value a matter or procedure needs. Values always arrive as
// strings.
type Input struct {
	// Name is the request key: "amount", or for 22.5 "contract" and
	// "change"; for a procedure "issuer", "kind", "deputies"….
	Name  string
	Label string    // what the text calls it: "评估价值", "合同金额"; for a choice, the question
	Kind  InputKind // KindAmount or KindChoice
	Unit  string    // unit of a bare number: "万元"; empty for a choice
	// Hint is guidance for the person filling the form, in Chinese,
	// including what the text leaves open about the amount.
	Hint string
	// Options are the choices of a KindChoice input, in form order; an
	// option is offered only when its conditions hold.
	Options []Option
	// When lists the conditions, on earlier inputs, under which the input
	// is asked; all must hold. Empty means always. An input that is not
	// asked takes no value: a value given for it is ignored.
	When []Condition
}

// Option is one choice of a KindChoice input.
type Option struct {
	Value string // stable ASCII, sent in requests: "gov", "yes"
	Label string // what a form shows, in Chinese: "区政府", "是"
	// When lists the conditions, on earlier inputs, under which the
	// option is offered; all must hold. Empty means always.
	When []Condition
}

// Condition tests the answer given to an earlier input of a procedure.
type Condition struct {
	Input  string   // input name
	Values []string // option values
	// Not inverts the test: the condition holds when the input was not
	// asked or its answer is none of Values.
	Not bool
}

// Interval is a range of amounts as the text writes it.
type Interval struct {
	// Text is the range in the text's words: "500万元（含）—1000万元",
	// "5000万元及以上", "400万元（不含）以内".
	Text  string
	Lower Bound
	Upper Bound
}

// Contains reports whether the amount v (万元) lies in the interval.
func (iv Interval) Contains(v decimal.Decimal) bool {
	if !iv.Lower.Unbounded {
		c := v.Cmp(iv.Lower.Amount)
		if c < 0 || (c == 0 && !iv.Lower.Inclusive) {
			return false
		}
	}
	if !iv.Upper.Unbounded {
		c := v.Cmp(iv.Upper.Amount)
		if c > 0 || (c == 0 && !iv.Upper.Inclusive) {
			return false
		}
	}
	return true
}

// Bound is one end of an interval.
type Bound struct {
	// Amount is the end in 万元; zero when Unbounded.
	Amount decimal.Decimal
	// Inclusive reports whether the end belongs to the interval.
	Inclusive bool
	// Unbounded marks the open top of the last band (及以上).
	Unbounded bool
	// Written is the amount as the text writes it, unit included
	// ("500万元", "1亿元"); empty where the text writes no amount (the
	// bottom of an "以内" band, the top of a "及以上" band).
	Written string
	// Reading is set where the text leaves this end implicit: how the
	// end was read, and why.
	Reading *Reading
}

// Reading records how an implicit or open point of the text was read and
// why, in Chinese, for the site to show beside the data.
type Reading struct {
	Reading string // e.g. 不含1000万元
	Reason  string
}

// Band is one interval of a band table and the decision for amounts in it.
type Band struct {
	Interval
	Decision *Decision
}

// Table is one sub-item of 22.5: a range of the first input (合同金额)
// and the bands over the second input (累计增减投资) that apply within it.
type Table struct {
	Interval
	Clause Clause
	// Heading is the sub-item heading without its number and final 。:
	// "合同金额400万元（不含）以内的项目".
	Heading string
	// Basis is the sentence after the heading, verbatim.
	Basis string
	Bands []*Band
}

// Citation returns the table's formal citation, e.g. 第二十二条第（五）项第2目.
func (t *Table) Citation() string { return t.Clause.Citation() }

// Step is one step on the way to a decision: who does what.
type Step struct {
	Actor  string // 分管副区长
	Action string // 研究审核
}

// Decision says who decides a matter in one band and how.
//
// In the tables returned by [Matters] it describes the band; a decision
// returned by [Route] also carries the amounts given (Values) and how far
// they are from the neighbouring bands (Next).
type Decision struct {
	// Matter is the ID of the matter.
	Matter string

	// Decider is the body that decides, exactly as the text names it:
	// 区委常委会会议, 区政府常务会议, 区长办公会议, 区政府专题会议,
	// 常务副区长, 分管副区长, 分管国资工作的区政府领导同志, 区国资委,
	// 区财政局, 主管部门（镇乡街道）, 行业主管部门, 企业.
	Decider string

	// Action is how the decider decides, in the text's words: 审定,
	// 审批, 研究决定, 听取汇报, 审定或授权审批.
	Action string

	// Wording is the decision as the text words it, without the range:
	// "由分管副区长研究审核后送常务副区长审定", "提请区政府常务会议审定".
	Wording string

	// Steps is the whole path in order; the last step is the decision
	// itself (Decider, Action). E.g. 分管副区长 研究审核 → 常务副区长 审定.
	Steps []Step

	// Duties are obligations beside the decision: 向区国资委报备.
	Duties []string

	// Notes point out what the reader should know about this band:
	// further sentences of the text, and where the text leaves a
	// question open.
	Notes []Note

	// Clause is the sub-item or item the band comes from.
	Clause Clause

	// Basis is the phrase of the text the band rests on, verbatim:
	// "500万元（含）—1000万元的由分管副区长研究审核后送常务副区长审定".
	Basis string

	// General lists the general sentences that apply to this decision.
	General []*GeneralRule

	// Next describes, in a decision returned by Route, the neighbouring
	// bands of every input: where each begins, how far the amount given
	// is from it, and who decides there. Nil in the tables, whose bands
	// show their neighbours themselves.
	Next []Neighbour

	// Values are, in a decision returned by Route, the amounts given, in
	// the order of the matter's inputs, with the interval each fell in.
	// Nil in the tables.
	Values []Value

	// Source is, in a decision returned by Route, the version of the
	// text it rests on; zero in the tables.
	Source Version
}

// Citation returns the decision's formal citation.
func (d *Decision) Citation() string { return d.Clause.Citation() }

// Note is something the reader should know about a decision.
type Note struct {
	// Text says it, in Chinese.
	Text string
	// Basis is the words of the text the note rests on, verbatim; empty
	// when the note only points out what the text does not say.
	Basis  string
	Clause Clause
}

// Neighbour is a band next to the one an amount fell in.
type Neighbour struct {
	// Input is the input whose change would lead there.
	Input string
	// Up reports whether the neighbour lies above (a larger amount) or
	// below.
	Up bool
	// At is the end of the neighbouring band nearest the current one:
	// its lower end when Up, its upper end otherwise. It points into the
	// routed decision's own copy of the tables.
	At *Bound
	// Delta is how far the amount given is from At: 再增加 Delta 万元….
	Delta decimal.Decimal
	// Decider, Action, Wording and Clause are those of the neighbouring
	// band's decision.
	Decider string
	Action  string
	Wording string
	Clause  Clause
	// Text says it in a sentence: "再增加200万元（达到1000万元）即需提请区政府常务会议审定".
	Text string
}

// Value is an amount given to Route.
type Value struct {
	Input  string          // input name
	Label  string          // input label
	Amount decimal.Decimal // in 万元
	// In is the interval the amount fell in: the band, or for the
	// first input of 22.5 the table (in the routed decision's own copy
	// of the tables).
	In *Interval
}

// GeneralRule is a sentence of the text that applies across matters, such
// as 对外签订正式协议一律提请区政府常务会议研究.
type GeneralRule struct {
	// ID is stable ASCII: "agreement", "topic-meeting", "emergency",
	// "party-committee".
	ID     string
	Clause Clause
	// Basis is the sentence or phrase of the text, verbatim.
	Basis string
	// Text says what it means for the reader, in Chinese.
	Text string
	// Matters lists the IDs of the matters it applies to.
	Matters []string
	// Deciders, when set, limits it to decisions by these bodies.
	Deciders []string
	// Reading records how its scope was read, where the text leaves
	// the scope implicit.
	Reading *Reading
}

// Citation returns the rule's formal citation.
func (g *GeneralRule) Citation() string { return g.Clause.Citation() }

// AppliesTo reports whether the rule applies to decision d of matter m.
func (g *GeneralRule) AppliesTo(m *Matter, d *Decision) bool {
	if !contains(g.Matters, m.ID) {
		return false
	}
	return len(g.Deciders) == 0 || contains(g.Deciders, d.Decider)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Threshold is an amount at which a band begins or ends, as the text
// writes it in one clause.
type Threshold struct {
	Clause  Clause
	Input   string          // the input it applies to
	Amount  decimal.Decimal // in 万元
	Written string          // as the text writes it: "500万元", "1亿元"
}
