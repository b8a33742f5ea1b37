package rules

import "github.com/shopspring/decimal"

// Route answers who decides the matter with the given ID for the given
// inputs, each a string as the user typed it (see [ParseAmount]). The
// answer is the decision of the band the amounts fall in, with the
// amounts (Values) and the neighbouring bands (Next) filled in; it is the
// caller's own copy.
//
// Every problem with the request is an [*Error]; Route never guesses and
// never panics. The IDs of procedures are unknown to Route: they are
// answered by [RouteProcedure]. Inputs are checked in a fixed order: unknown names first
// (the least in byte order), then each input the matter takes, in order.
func Route(matter string, inputs map[string]string) (*Decision, error) {
	// The answer comes from a catalogue of its own, so that nothing the
	// caller does with it can reach another answer. Building one takes
	// some tens of microseconds.
	d, err := route(build(), matter, inputs)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func route(c *catalogue, id string, inputs map[string]string) (*Decision, *Error) {
	var m *Matter
	for _, x := range c.matters {
		if x.ID == id {
			m = x
		}
	}
	switch {
	case id == "":
		return nil, &Error{Code: "matter.empty", Message: message("matter.empty", "", allIDs())}
	case m == nil:
		msg := message("matter.unknown", id, allIDs())
		for i := range procedures {
			if procedures[i].ID == id {
				msg = "事项" + id + "不按金额确定，须回答选择题（RouteProcedure）。"
			}
		}
		return nil, &Error{Code: "matter.unknown", Message: msg}
	}
	if err := unknownInput(m.ID, inputs, m.Inputs); err != nil {
		return nil, err
	}
	amounts := make([]decimal.Decimal, len(m.Inputs))
	for i, in := range m.Inputs {
		s, ok := inputs[in.Name]
		v, code, detail := parseAmount(s)
		switch {
		case !ok:
			code = "input.missing"
		case code == "" && v.Sign() == 0:
			code = "amount.zero"
		}
		if code != "" {
			return nil, &Error{Code: code, Input: in.Name, Message: message(code, in.Label, detail)}
		}
		amounts[i] = v
	}

	// A matter with two inputs picks a table by the first amount, then a
	// band by the second; crossing a boundary of the first moves the
	// same second amount into the neighbouring table. Each level is a
	// series of intervals and the decision each would give.
	var ivs []*Interval
	var decs []*Decision
	bands := m.Bands
	if n := len(m.Tables); n > 0 {
		ivs, decs = make([]*Interval, n), make([]*Decision, n)
		for j, t := range m.Tables {
			ivs[j] = &t.Interval
			if b := find(t.Bands, amounts[1]); b >= 0 {
				decs[j] = t.Bands[b].Decision
			}
		}
	}
	values := make([]Value, len(m.Inputs))
	var next []Neighbour
	for in := 0; ; in++ {
		if ivs == nil {
			ivs, decs = bandsOf(bands)
		}
		i := -1
		for j, iv := range ivs {
			if iv.Contains(amounts[in]) {
				i = j
			}
		}
		if i < 0 || decs[i] == nil {
			return nil, &Error{Code: "internal", Message: message("internal", m.ID, "")}
		}
		values[in] = Value{Input: m.Inputs[in].Name, Label: m.Inputs[in].Label, Amount: amounts[in], In: ivs[i]}
		for _, j := range [...]int{i + 1, i - 1} {
			if j >= 0 && j < len(ivs) && decs[j] != nil {
				next = append(next, neighbourOf(&m.Inputs[in], j > i, ivs[j], decs[j], amounts[in]))
			}
		}
		if in == len(m.Inputs)-1 {
			d := decs[i]
			d.Values, d.Next, d.Source = values, next, Source
			return d, nil
		}
		bands, ivs = m.Tables[i].Bands, nil
	}
}

func bandsOf(bands []*Band) ([]*Interval, []*Decision) {
	ivs := make([]*Interval, len(bands))
	decs := make([]*Decision, len(bands))
	for i, b := range bands {
		ivs[i], decs[i] = &b.Interval, b.Decision
	}
	return ivs, decs
}

// neighbourOf describes the interval nb, next to the one the amount v of
// input in fell in, and d, its decision.
func neighbourOf(in *Input, up bool, nb *Interval, d *Decision, v decimal.Decimal) Neighbour {
	if up {
		return neighbour(in, true, &nb.Lower, d, nb.Lower.Amount.Sub(v))
	}
	return neighbour(in, false, &nb.Upper, d, v.Sub(nb.Upper.Amount))
}

// find returns the index of the band containing v, or -1.
func find(bands []*Band, v decimal.Decimal) int {
	for i, b := range bands {
		if b.Contains(v) {
			return i
		}
	}
	return -1
}
