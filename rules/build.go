package rules

import "github.com/shopspring/decimal"

// catalogue is the data built from the specs: the matters in clause
// order and the general rules.
type catalogue struct {
	matters []*Matter
	general []*GeneralRule
}

// Matters returns the matters of article 二十二 in clause order. The
// result is the caller's own copy.
func Matters() []*Matter { return build().matters }

// GeneralRules returns the general sentences that apply across matters,
// in clause order within each article: those of article 二十二, then
// article 二十一's sentence on matters for the 区委常委会会议. The result
// is the caller's own copy.
func GeneralRules() []*GeneralRule { return build().general }

// Lookup returns the matter with the given ID, as the caller's own copy.
func Lookup(id string) (*Matter, bool) {
	for _, m := range build().matters {
		if m.ID == id {
			return m, true
		}
	}
	return nil, false
}

// build builds a fresh catalogue from the specs, each time, so that every
// caller owns what it gets; it takes some tens of microseconds.
//
// (Here and below, slices of known length are made and filled rather
// than appended to: in WebAssembly every append site costs about a
// kilobyte.)
func build() *catalogue {
	c := &catalogue{
		matters: make([]*Matter, len(article22)),
		general: make([]*GeneralRule, len(general)),
	}
	ids := make([]string, len(article22))
	for i := range article22 {
		ids[i] = article22[i].clause.Path()
	}
	for i := range general {
		// Copy what the static data shares.
		g := &general[i]
		r := g.rule
		r.Matters = clone(g.matters)
		if g.matters == nil {
			r.Matters = clone(ids)
		}
		r.Deciders = clone(r.Deciders)
		if r.Reading != nil {
			rd := *r.Reading
			r.Reading = &rd
		}
		c.general[i] = &r
	}
	for i := range article22 {
		ms := &article22[i]
		m := &Matter{
			ID:       ids[i],
			Category: ms.category,
			Heading:  ms.heading,
			Title:    ms.title,
			Clause:   ms.clause,
			Basis:    ms.basis,
			Inputs:   make([]Input, len(ms.inputs)),
		}
		copy(m.Inputs, ms.inputs)
		if len(ms.tables) == 0 {
			m.Bands = c.bands(m, ms.clause, ms.bands)
		} else {
			n := len(ms.tables)
			m.Tables = make([]*Table, n)
			ivs, ends := make([]*Interval, n), make([][2]end, n)
			for j := range ms.tables {
				ts := &ms.tables[j]
				m.Tables[j] = &Table{
					Interval: Interval{Text: ts.text},
					Clause:   ts.clause,
					Heading:  ts.heading,
					Basis:    ts.basis,
					Bands:    c.bands(m, ts.clause, ts.bands),
				}
				ivs[j], ends[j] = &m.Tables[j].Interval, [2]end{ts.lo, ts.hi}
			}
			series(ivs, ends)
		}
		c.matters[i] = m
	}
	return c
}

// clone copies a list the static data shares.
func clone(list []string) []string {
	c := make([]string, len(list))
	copy(c, list)
	return c
}

// bands builds the bands of one sentence, with the general rules that
// apply.
func (c *catalogue) bands(m *Matter, clause Clause, specs []bandSpec) []*Band {
	bands := make([]*Band, len(specs))
	ivs := make([]*Interval, len(specs))
	ends := make([][2]end, len(specs))
	for i := range specs {
		bs := &specs[i]
		d := &Decision{
			Matter:  m.ID,
			Wording: bs.wording,
			Steps:   make([]Step, len(bs.steps)),
			Duties:  clone(bs.duties),
			Notes:   cloneEach(bs.notes, nil),
			Clause:  clause,
			Basis:   bs.basis,
		}
		copy(d.Steps, bs.steps)
		if n := len(d.Steps); n > 0 {
			d.Decider, d.Action = d.Steps[n-1].Actor, d.Steps[n-1].Action
		}
		for _, g := range c.general {
			if g.AppliesTo(m, d) {
				d.General = append(d.General, g)
			}
		}
		bands[i] = &Band{Interval: Interval{Text: bs.text}, Decision: d}
		ivs[i] = &bands[i].Interval
		ends[i] = [2]end{bs.lo, bs.hi}
	}
	series(ivs, ends)
	return bands
}

// series fills in the bounds of a series of intervals from how the text
// writes them, with the readings of the ends it leaves implicit. Check
// verifies the result, so mistakes in the specs are reported there.
func series(ivs []*Interval, ends [][2]end) {
	for i, iv := range ivs {
		for k, e := range ends[i] {
			b := &iv.Lower
			if k == 1 {
				b = &iv.Upper
			}
			switch e.kind {
			case bottom:
				b.Reading = &Reading{
					Reading: "大于0万元",
					Reason:  "原文写作“" + iv.Text + "”，未写下限，指低于该数额的全部金额；金额为0时没有可供决定的数额，故下限为0（不含）。",
				}
				b.Amount = decimal.Zero
				continue
			case top:
				b.Unbounded = true
				continue
			case implicit:
				b.Reading = &Reading{
					Reading: "不含" + e.written,
					Reason:  "原文写作“" + iv.Text + "”，未注明" + e.written + "含或不含",
				}
				if i+1 < len(ivs) {
					b.Reading.Reason += "；下一档写作“" + ivs[i+1].Text + "”，已包含" + e.written + "，同一金额不能同属两档，故本档不含" + e.written
				}
				b.Reading.Reason += "。"
			}
			v, _, _ := parseAmount(e.written)
			b.Amount, b.Inclusive, b.Written = v, e.kind == incl, e.written
		}
	}
}

// neighbour describes the band whose nearest end is at and whose decision
// is d, seen from an amount of input in that is delta away from at.
func neighbour(in *Input, up bool, at *Bound, d *Decision, delta decimal.Decimal) Neighbour {
	a := at.Written
	if a == "" {
		a = FormatAmount(at.Amount) + "万元"
	}
	var s string
	switch {
	case delta.IsZero() && up:
		s = "一旦超过" + a
	case delta.IsZero() && !at.Inclusive:
		s = "一旦低于" + a
	case up && at.Inclusive:
		s = "再增加" + FormatAmount(delta) + "万元（达到" + a + "）"
	case up:
		s = "再增加超过" + FormatAmount(delta) + "万元（超过" + a + "）"
	case at.Inclusive:
		s = "减少" + FormatAmount(delta) + "万元（降至" + a + "）"
	default:
		s = "减少超过" + FormatAmount(delta) + "万元（低于" + a + "）"
	}
	n := Neighbour{
		Input:   in.Name,
		Up:      up,
		At:      at,
		Decider: d.Decider,
		Action:  d.Action,
		Wording: d.Wording,
		Clause:  d.Clause,
		Delta:   delta,
		Text:    in.Label + s + "即需" + d.Wording,
	}
	return n
}
