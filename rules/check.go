package rules

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Problems lists every inconsistency [Check] found, sorted.
type Problems []string

func (p Problems) Error() string {
	return "rules: " + strconv.Itoa(len(p)) + " problem(s) in the rules data:\n\t" + strings.Join(p, "\n\t")
}

// Check verifies the data against itself and against the words it
// quotes, and reports every problem together (as [Problems]), or nil.
//
// It checks that the matters are in clause order with IDs equal to their
// clause paths and formal citations; that every band table starts above
// 0, ascends, leaves no gap, does not overlap and ends unbounded; that
// every end stated by the text matches the range as the text writes it
// (（含） closed, （不含） open, 及以上 closed) and every end the text
// leaves implicit carries a reading; that every decider, action, step,
// duty and range occurs in the phrase quoted for its band, and every
// phrase of every quoted sentence is used by exactly one band or note;
// and that the general rules name existing matters and deciders and are
// attached to exactly the decisions they apply to.
//
// For the procedures it checks that IDs are clause paths, unique among
// matters and procedures and in clause order; that inputs, options and
// branches have stable ASCII names and conditions only on earlier inputs
// and their options; that every decider and action is quoted from its
// wording, every actor and action from its basis, and that an outcome's
// last step is the decision itself; that an alternative the text states
// (Outcome.Either) is its members joined by 或 as the wording states
// them, and is never split into readings; that readings of ambiguous
// text say how they read it and silent branches have notes; and that
// every body the data names has a permanent anchor ([Bodies]). And it enumerates every
// combination of answers a form can give, reporting combinations that no
// branch answers, branches that overlap (answer the same combination),
// and branches, questions, options and provisions that no combination
// reaches.
func Check() error {
	c := build()
	p := check(c)
	if len(p) == 0 {
		return nil
	}
	return p
}

func check(c *catalogue) Problems {
	k := &checker{}
	seen := map[string]bool{}
	for i, m := range c.matters {
		if seen[m.ID] {
			k.addf(m.ID, "duplicate matter ID")
		}
		seen[m.ID] = true
		if i > 0 && !c.matters[i-1].Clause.Less(m.Clause) {
			k.addf(m.ID, "not in clause order after "+c.matters[i-1].ID)
		}
		k.matter(m)
	}
	k.general(c)
	k.procedures(c)
	k.bodies(c)
	// Sorted, so that reports compare; insertion sort keeps package sort
	// out of the WebAssembly build.
	p := k.problems
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j-1] > p[j]; j-- {
			p[j-1], p[j] = p[j], p[j-1]
		}
	}
	return p
}

type checker struct {
	problems []string
}

func (k *checker) addf(where, msg string) {
	k.problems = append(k.problems, where+": "+msg)
}

func (k *checker) matter(m *Matter) {
	id := m.ID
	if m.Clause.Article != 22 || m.Clause.Item <= 0 {
		k.addf(id, "clause "+m.Clause.Path()+" is not an item or sub-item of article 22")
	}
	if m.ID != m.Clause.Path() {
		k.addf(id, "ID differs from clause path "+m.Clause.Path())
	}
	if m.Citation() == "" {
		k.addf(id, "no citation")
	}
	if !strings.HasPrefix(m.Category, "（"+chineseNumeral(m.Clause.Item)+"）") || strings.HasSuffix(m.Category, "。") {
		k.addf(id, "category "+m.Category+" does not start with the item number or ends with 。")
	}
	if m.Clause.SubItem > 0 && (!strings.HasPrefix(m.Heading, strconv.Itoa(m.Clause.SubItem)+"．") || strings.HasSuffix(m.Heading, "。")) {
		k.addf(id, "heading "+m.Heading+" does not start with the sub-item number or ends with 。")
	}
	if m.Clause.SubItem == 0 && m.Heading != "" {
		k.addf(id, "heading on a matter without sub-item")
	}
	if m.Title == "" || !strings.Contains(m.Category+m.Heading+m.Basis, m.Title) {
		k.addf(id, "title "+m.Title+" is not quoted from the category, heading or basis")
	}
	if m.Basis == "" {
		k.addf(id, "no basis")
	}
	names := map[string]bool{}
	for _, in := range m.Inputs {
		if in.Name == "" || names[in.Name] {
			k.addf(id, "input name "+in.Name+" empty or repeated")
		}
		names[in.Name] = true
		if in.Label == "" || in.Hint == "" {
			k.addf(id, "input "+in.Name+" without label or hint")
		}
		if in.Kind != KindAmount || in.Unit != "万元" {
			k.addf(id, "input "+in.Name+" is not an amount in 万元")
		}
	}
	switch {
	case len(m.Inputs) == 1 && len(m.Tables) == 0:
		k.bands(m, m.Inputs[0], m.Clause, m.Basis, m.Bands)
	case len(m.Inputs) == 2 && len(m.Bands) == 0 && len(m.Tables) > 0:
		var lines []string
		ivs := make([]Interval, len(m.Tables))
		for i, t := range m.Tables {
			where := id + " table " + t.Clause.Path()
			ivs[i] = t.Interval
			if t.Clause.SubItem != i+1 || !m.Clause.contains(t.Clause) || t.Citation() == "" {
				k.addf(where, "clause is not sub-item "+strconv.Itoa(i+1)+" of "+m.Clause.Path())
			}
			if !strings.Contains(t.Heading, t.Text) {
				k.addf(where, "range "+t.Text+" is not quoted from the heading "+t.Heading)
			}
			lines = append(lines, strconv.Itoa(t.Clause.SubItem)+"．"+t.Heading+"。"+t.Basis)
			k.bands(m, m.Inputs[1], t.Clause, t.Basis, t.Bands)
		}
		if strings.Join(lines, "\n") != m.Basis {
			k.addf(id, "basis is not the sub-items' headings and sentences")
		}
		k.series(id+" "+m.Inputs[0].Name, ivs)
	default:
		k.addf(id, "needs one input with bands or two inputs with tables")
	}
}

// bands checks the band table of one sentence.
func (k *checker) bands(m *Matter, in Input, clause Clause, sentence string, bands []*Band) {
	where := m.ID + " " + in.Name
	if len(bands) == 0 {
		k.addf(where, "no bands")
		return
	}
	ivs := make([]Interval, len(bands))
	used := map[string]int{}
	for i, b := range bands {
		ivs[i] = b.Interval
		d := b.Decision
		bw := where + " " + b.Text
		if d == nil {
			k.addf(bw, "no decision")
			continue
		}
		used[d.Basis]++
		if d.Matter != m.ID || d.Clause != clause || d.Citation() == "" {
			k.addf(bw, "decision not tied to matter "+m.ID+" and clause "+clause.Path())
		}
		if d.Decider == "" || d.Action == "" || d.Wording == "" || d.Basis == "" {
			k.addf(bw, "decision without decider, action, wording or basis")
			continue
		}
		if !strings.Contains(d.Basis, b.Text+"的") {
			k.addf(bw, "range is not quoted from the basis "+d.Basis)
		}
		if !strings.HasSuffix(d.Basis, d.Wording) {
			k.addf(bw, "wording "+d.Wording+" does not end the basis")
		}
		if n := len(d.Steps); n == 0 || d.Steps[n-1] != (Step{d.Decider, d.Action}) {
			k.addf(bw, "last step is not the decision itself")
		}
		for _, s := range d.Steps {
			if s.Actor == "" || s.Action == "" || !strings.Contains(d.Wording, s.Actor) || !strings.Contains(d.Wording, s.Action) {
				k.addf(bw, "step "+s.Actor+" "+s.Action+" is not quoted from the wording")
			}
		}
		for _, duty := range d.Duties {
			if duty == "" || !strings.Contains(d.Wording, duty) {
				k.addf(bw, "duty "+duty+" is not quoted from the wording")
			}
		}
		for _, n := range d.Notes {
			if n.Text == "" || n.Clause.Citation() == "" || !clause.contains(n.Clause) {
				k.addf(bw, "note without text or clause within "+clause.Path())
			}
			if n.Basis != "" {
				used[n.Basis] += 0
			}
		}
	}
	// Every phrase of the sentence is the basis of exactly one band, or of
	// notes.
	phrases := strings.Split(strings.TrimSuffix(sentence, "。"), "，")
	for _, p := range phrases {
		if _, ok := used[p]; !ok {
			k.addf(where, "phrase "+p+" of the text is used by no band or note")
		}
	}
	for basis, n := range used {
		if !contains(phrases, basis) {
			k.addf(where, "basis "+basis+" is not a phrase of the sentence")
		}
		if n > 1 {
			k.addf(where, "basis "+basis+" is used by more than one band")
		}
	}
	k.series(where, ivs)
}

// series checks a series of intervals: each as the text writes it, and
// together covering every amount above 0 once.
func (k *checker) series(where string, ivs []Interval) {
	for i, iv := range ivs {
		iw := where + " " + iv.Text
		k.written(iw, iv)
		lo, hi := iv.Lower, iv.Upper
		if lo.Unbounded {
			k.addf(iw, "lower end unbounded")
			continue
		}
		if !hi.Unbounded {
			c := lo.Amount.Cmp(hi.Amount)
			if c > 0 || (c == 0 && !(lo.Inclusive && hi.Inclusive)) {
				k.addf(iw, "empty interval")
			}
		}
		if i == 0 && (!lo.Amount.IsZero() || lo.Inclusive) {
			k.addf(iw, "first band does not start just above 0")
		}
		if i == len(ivs)-1 && !hi.Unbounded {
			k.addf(iw, "last band is bounded above")
		}
		if i+1 < len(ivs) {
			next := ivs[i+1].Lower
			switch {
			case hi.Unbounded || next.Unbounded || !hi.Amount.Equal(next.Amount):
				k.addf(iw, "does not end where "+ivs[i+1].Text+" begins (not ascending, or a gap)")
			case hi.Inclusive && next.Inclusive:
				k.addf(iw, "overlaps "+ivs[i+1].Text+" at "+FormatAmount(hi.Amount)+"万元")
			case !hi.Inclusive && !next.Inclusive:
				k.addf(iw, "leaves a gap before "+ivs[i+1].Text+" at "+FormatAmount(hi.Amount)+"万元")
			}
		}
	}
}

// written checks the ends of iv against its text: stated ends must match
// it, implicit ones must carry a reading.
func (k *checker) written(where string, iv Interval) {
	lo, hi, ok := readRange(iv.Text)
	if !ok {
		k.addf(where, "range is not written as A（不含）以内, A（含）—B or A及以上")
		return
	}
	k.end(where+" lower end", iv.Lower, lo)
	k.end(where+" upper end", iv.Upper, hi)
}

func (k *checker) end(where string, b Bound, want end) {
	unstated := want.kind == bottom || want.kind == implicit
	if unstated != (b.Reading != nil) {
		if unstated {
			k.addf(where, "is implicit in the text but has no reading")
		} else {
			k.addf(where, "is stated by the text but has a reading")
		}
	}
	if b.Reading != nil && (b.Reading.Reading == "" || b.Reading.Reason == "") {
		k.addf(where, "reading without text or reason")
	}
	var amount decimal.Decimal
	if want.written != "" {
		v, err := ParseAmount(want.written)
		if err != nil {
			k.addf(where, "amount "+want.written+" does not parse")
		}
		amount = v
	}
	var ok bool
	switch want.kind {
	case bottom:
		ok = !b.Unbounded && b.Amount.IsZero() && !b.Inclusive && b.Written == ""
	case top:
		ok = b.Unbounded && b.Written == ""
	case incl:
		ok = !b.Unbounded && b.Amount.Equal(amount) && b.Inclusive && b.Written == want.written
	case excl, implicit:
		ok = !b.Unbounded && b.Amount.Equal(amount) && !b.Inclusive && b.Written == want.written
	}
	if !ok {
		k.addf(where, "does not match the text")
	}
}

// readRange reads a range as the text writes it: "A（不含）以内",
// "A（含）—B" or "A及以上", where A and B are amounts in 万元 or 亿元.
func readRange(s string) (lo, hi end, ok bool) {
	a, rest := readWritten(s)
	if a == "" {
		return lo, hi, false
	}
	switch {
	case rest == "（不含）以内":
		return end{bottom, ""}, end{excl, a}, true
	case rest == "及以上":
		return end{incl, a}, end{top, ""}, true
	case strings.HasPrefix(rest, "（含）—"):
		b, tail := readWritten(strings.TrimPrefix(rest, "（含）—"))
		if b != "" && tail == "" {
			return end{incl, a}, end{implicit, b}, true
		}
	}
	return lo, hi, false
}

// readWritten splits an amount with its unit (万元 or 亿元) off the front
// of s.
func readWritten(s string) (written, rest string) {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == '.') {
		i++
	}
	if i == 0 {
		return "", s
	}
	for _, u := range []string{"万元", "亿元"} {
		if strings.HasPrefix(s[i:], u) {
			return s[:i+len(u)], s[i+len(u):]
		}
	}
	return "", s
}

// general checks the general rules and where they are attached.
func (k *checker) general(c *catalogue) {
	ids := map[string]bool{}
	for _, g := range c.general {
		where := "general rule " + g.ID
		if g.ID == "" || ids[g.ID] {
			k.addf(where, "ID empty or repeated")
		}
		ids[g.ID] = true
		if g.Citation() == "" || g.Basis == "" || g.Text == "" || len(g.Matters) == 0 {
			k.addf(where, "without citation, basis, text or matters")
		}
		if g.Reading != nil && (g.Reading.Reading == "" || g.Reading.Reason == "") {
			k.addf(where, "reading without text or reason")
		}
		reached := map[string]bool{}
		for _, id := range g.Matters {
			var m *Matter
			for _, x := range c.matters {
				if x.ID == id {
					m = x
				}
			}
			if m == nil {
				k.addf(where, "unknown matter "+id)
				continue
			}
			eachBand(m, func(_ *Table, _ int, b *Band) { reached[b.Decision.Decider] = true })
		}
		for _, d := range g.Deciders {
			if !reached[d] {
				k.addf(where, "decider "+d+" decides no band of its matters")
			}
		}
	}
	for _, m := range c.matters {
		eachBand(m, func(_ *Table, _ int, b *Band) {
			var want []string
			for _, g := range c.general {
				if g.AppliesTo(m, b.Decision) {
					want = append(want, g.ID)
				}
			}
			var got []string
			for _, g := range b.Decision.General {
				got = append(got, g.ID)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				k.addf(m.ID+" "+b.Text, "general rules "+strings.Join(got, ",")+", want "+strings.Join(want, ","))
			}
		})
	}
}

// eachBand calls f for every band of m, with its table (nil for a matter
// with one input) and its index.
func eachBand(m *Matter, f func(t *Table, i int, b *Band)) {
	for i, b := range m.Bands {
		f(nil, i, b)
	}
	for _, t := range m.Tables {
		for i, b := range t.Bands {
			f(t, i, b)
		}
	}
}
