package site

import (
	"rulesite/rules"
)

// AuthoritiesPage lists, for each body, what it decides.
type AuthoritiesPage struct {
	Page
	Bodies []BodyView
}

// BodyView is one body and its entries, in clause order.
type BodyView struct {
	Name       string
	Anchor     string
	Entries    []AuthorityEntry
	Procedures []ProcedureEntry
	General    []GeneralView
}

// ProcedureEntry is one branch of a procedure (who signs, which meeting
// decides) in which the body signs or decides, in one reading of the text.
type ProcedureEntry struct {
	// Body is the body listed: the Outcome's Decider, or, for several
	// bodies the text names for one answer, the one of them listed.
	Body       string
	Procedure  *rules.Procedure
	When       string // the answers that lead to the branch, in words
	Outcome    rules.Outcome
	Ambiguous  bool   // the text allows other readings too
	Href       string // the clause, relative to the root
	Calculator string // the calculator with those answers filled in
}

// AuthorityEntry is one band a body decides.
type AuthorityEntry struct {
	Matter   *rules.Matter
	Table    string // for 22.5: the table's heading
	Range    string
	Decision *rules.Decision
	Steps    string
	Href     string // the clause, relative to the root
	Band     string // the band on thresholds.html, relative to the root
}

func (rp *rulesPages) authorities(p Page) *AuthoritiesPage {
	ap := &AuthoritiesPage{Page: p}
	index := map[string]int{}
	body := func(name string) *BodyView {
		i, ok := index[name]
		if !ok {
			i = len(ap.Bodies)
			index[name] = i
			ap.Bodies = append(ap.Bodies, BodyView{Name: name, Anchor: anchorOfBody(name)})
		}
		return &ap.Bodies[i]
	}
	// Bodies appear in rank order (rules.Bodies), then any others in
	// order of appearance.
	for _, b := range rules.Bodies() {
		if rp.decides(b.Name) {
			body(b.Name)
		}
	}
	for _, m := range rp.matters {
		add := func(table string, b *rules.Band) {
			d := b.Decision
			bv := body(d.Decider)
			bv.Entries = append(bv.Entries, AuthorityEntry{
				Matter:   m,
				Table:    table,
				Range:    RangeText(b.Interval),
				Decision: d,
				Steps:    stepsBefore(d.Steps),
				Href:     rp.href(d.Clause),
				Band:     "thresholds.html#" + MatterAnchor(m.ID),
			})
		}
		for _, b := range m.Bands {
			add("", b)
		}
		for _, t := range m.Tables {
			for _, b := range t.Bands {
				add(t.Heading, b)
			}
		}
	}
	for _, p := range rp.procedures {
		for _, br := range p.Branches {
			when, query := caseWhen(p, br.When)
			for _, o := range br.Outcomes {
				// An alternative the text states is listed under each
				// body it names.
				for _, name := range o.Bodies() {
					if name == "" {
						continue // the text's answer is that nothing is issued
					}
					bv := body(name)
					bv.Procedures = append(bv.Procedures, ProcedureEntry{
						Body:       name,
						Procedure:  p,
						When:       when,
						Outcome:    o,
						Ambiguous:  len(br.Outcomes) > 1,
						Href:       rp.href(o.Clause),
						Calculator: CalculatorLink(p.ID, query...),
					})
				}
			}
		}
	}
	for _, g := range rp.general {
		for _, name := range g.Deciders {
			bv := body(name)
			bv.General = append(bv.General, GeneralView{Rule: g, Href: rp.href(g.Clause)})
		}
	}
	return ap
}

func inputOf(p *rules.Procedure, name string) *rules.Input {
	for i := range p.Inputs {
		if p.Inputs[i].Name == name {
			return &p.Inputs[i]
		}
	}
	return nil
}

func optionLabel(in *rules.Input, value string) string {
	for _, o := range in.Options {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// decides reports whether a body decides any band or is named by a general
// rule.
func (rp *rulesPages) decides(name string) bool {
	for _, m := range rp.matters {
		found := false
		eachDecision(m, func(d *rules.Decision) {
			if d.Decider == name {
				found = true
			}
		})
		if found {
			return true
		}
	}
	for _, g := range rp.general {
		for _, d := range g.Deciders {
			if d == name {
				return true
			}
		}
	}
	for _, p := range rp.procedures {
		found := false
		eachOutcome(p, func(o rules.Outcome) {
			for _, n := range o.Bodies() {
				found = found || n == name
			}
		})
		if found {
			return true
		}
	}
	return false
}

func anchorOfBody(name string) string { return rules.BodyAnchor(name) }

// stepsBefore spells out the path to a decision when there is more to it
// than the decision itself.
func stepsBefore(steps []rules.Step) string {
	if len(steps) < 2 {
		return ""
	}
	return joinSteps(steps)
}
