package rules

// Thresholds returns every amount at which a band of m begins or ends and
// which the text writes, once per clause and input, in clause order, then
// input order, then ascending. For 22.5 the 400万元 of 合同金额 appears
// under both sub-items, since each writes it.
//
// The list is what a drift check compares with the text: every amount
// written in a clause must be a threshold of that clause, and every
// threshold must be written there.
func (m *Matter) Thresholds() []Threshold {
	// List the ends in order: each table's range over the first input,
	// then its bands over the second; a matter with one input is one
	// table without a range. An amount shared by two neighbouring ends
	// comes twice in a row and is kept once.
	type end struct {
		clause Clause
		input  string
		bound  *Bound
	}
	var ends []end
	tables := m.Tables
	if len(tables) == 0 {
		tables = []*Table{{Bands: m.Bands}}
	}
	last := m.Inputs[len(m.Inputs)-1].Name
	for _, t := range tables {
		if len(m.Tables) > 0 {
			ends = append(ends, end{t.Clause, m.Inputs[0].Name, &t.Lower}, end{t.Clause, m.Inputs[0].Name, &t.Upper})
		}
		for _, b := range t.Bands {
			ends = append(ends, end{b.Decision.Clause, last, &b.Lower}, end{b.Decision.Clause, last, &b.Upper})
		}
	}
	var out []Threshold
	for _, e := range ends {
		n := len(out)
		if e.bound.Written == "" || n > 0 && out[n-1].Clause == e.clause && out[n-1].Input == e.input && out[n-1].Amount.Equal(e.bound.Amount) {
			continue
		}
		out = append(out, Threshold{Clause: e.clause, Input: e.input, Amount: e.bound.Amount, Written: e.bound.Written})
	}
	return out
}
