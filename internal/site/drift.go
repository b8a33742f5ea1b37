package site

import (
	"rulesite/internal/diag"
	"rulesite/rules"
)

// check runs the rules package's check of its data against the text it
// cites (rules.CheckVersion, rules.CheckText) and reports every
// disagreement at once, at the position of the clause in the document.
func (rp *rulesPages) check() error {
	var list diag.List
	docPos := diag.Pos{Filename: rp.doc.Path}
	m := rp.doc.Meta
	if err := rules.CheckVersion(m.Title, m.Number, m.Date); err != nil {
		list.Addf(docPos, "%v", err)
		return list.Err()
	}
	for _, p := range rules.CheckText(rp.units()) {
		pos := docPos
		if u, err := rp.find(p.Clause); err == nil && !p.Missing && p.Clause.Article > 0 {
			pos = u.pos
		}
		list.Addf(pos, "%s", p.Message)
	}
	return list.Err()
}

// units gives the document's text to rules.CheckText: every article,
// paragraph, item and sub-item, as find reads them.
func (rp *rulesPages) units() []rules.Unit {
	var out []rules.Unit
	add := func(c rules.Clause) {
		if u, err := rp.find(c); err == nil {
			out = append(out, rules.Unit{Clause: c, Own: u.own, Full: u.full})
		}
	}
	for _, a := range rp.doc.Articles {
		if a.Sub != 0 {
			continue
		}
		add(rules.Clause{Article: a.Number})
		for _, p := range a.Paragraphs {
			if len(a.Paragraphs) > 1 {
				add(rules.Clause{Article: a.Number, Paragraph: p.Index})
			}
			for _, it := range p.Items {
				add(rules.Clause{Article: a.Number, Item: it.Number})
				for _, l := range it.Body {
					if l.Number > 0 {
						add(rules.Clause{Article: a.Number, Item: it.Number, SubItem: l.Number})
					}
				}
			}
		}
	}
	return out
}

// eachDecision calls f for the decision of every band of m.
func eachDecision(m *rules.Matter, f func(*rules.Decision)) {
	for _, b := range m.Bands {
		f(b.Decision)
	}
	for _, t := range m.Tables {
		for _, b := range t.Bands {
			f(b.Decision)
		}
	}
}

// eachOutcome calls f for every outcome of every branch of p.
func eachOutcome(p *rules.Procedure, f func(rules.Outcome)) {
	for _, b := range p.Branches {
		for _, o := range b.Outcomes {
			f(o)
		}
	}
}
