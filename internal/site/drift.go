package site

import (
	"regexp"
	"sort"
	"strings"

	"rulesite/internal/diag"
	"rulesite/rules"
)

// writtenAmount finds the amounts the text writes: 500万元, 1亿元, 0.5万元.
var writtenAmount = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?(?:万元|亿元|元)`)

// check compares the rules data with the text it cites and reports every
// disagreement at once: a clause the data cites that the text lacks, a
// basis the text does not contain word for word, an amount the text writes
// in a clause that the data lacks there, or the reverse.
func (rp *rulesPages) check() error {
	var list diag.List
	docPos := diag.Pos{Filename: rp.doc.Path}
	if err := rules.Check(); err != nil {
		list.Addf(docPos, "rules data fails its own check: %v", err)
	}
	verbatim := func(c rules.Clause, what, basis string) {
		if basis == "" {
			return
		}
		u, err := rp.find(c)
		if err != nil {
			list.Addf(docPos, "rules cite %s", err)
			return
		}
		full := strings.Join(u.full, "\n")
		for _, line := range strings.Split(basis, "\n") {
			if !strings.Contains(full, line) {
				list.Addf(u.pos, "%s in rules/ is not in the text of %s: %q", what, c.Citation(), line)
			}
		}
	}

	// The amounts each clause writes, and those the data has for it.
	type key struct {
		clause rules.Clause
		amount string
	}
	inData := map[key]bool{}
	clauses := map[rules.Clause]bool{}
	for _, m := range rp.matters {
		verbatim(m.Clause, "the basis of matter "+m.ID, m.Basis)
		for _, t := range m.Tables {
			verbatim(t.Clause, "the basis of a table of "+m.ID, t.Basis)
		}
		eachDecision(m, func(d *rules.Decision) {
			verbatim(d.Clause, "the basis of a band of "+m.ID, d.Basis)
			for _, n := range d.Notes {
				verbatim(n.Clause, "the basis of a note of "+m.ID, n.Basis)
			}
		})
		eachDecision(m, func(d *rules.Decision) {
			if anchorOfBody(d.Decider) == "" {
				list.Addf(docPos, "rules/ names the body %s (matter %s), which has no permanent anchor on authorities.html: add it to bodyAnchors in internal/site/authorities.go", d.Decider, m.ID)
			}
		})
		for _, t := range m.Thresholds() {
			inData[key{t.Clause, rules.FormatAmount(t.Amount)}] = true
			clauses[t.Clause] = true
		}
	}
	for _, g := range rp.general {
		verbatim(g.Clause, "the basis of general rule "+g.ID, g.Basis)
	}
	for _, p := range rp.procedures {
		for _, q := range p.Quotes() {
			verbatim(q.Clause, "the "+q.Where+" of procedure "+p.ID, q.Text)
		}
		eachOutcome(p, func(o rules.Outcome) {
			if anchorOfBody(o.Decider) == "" {
				list.Addf(docPos, "rules/ names the body %s (procedure %s), which has no permanent anchor on authorities.html: add it to bodyAnchors in internal/site/authorities.go", o.Decider, p.ID)
			}
		})
	}

	inText := map[key]bool{}
	for c := range clauses {
		u, err := rp.find(c)
		if err != nil {
			list.Addf(docPos, "rules cite %s", err)
			continue
		}
		for _, line := range u.own {
			for _, w := range writtenAmount.FindAllString(line, -1) {
				amt, err := rules.ParseAmount(w)
				if err != nil {
					list.Addf(u.pos, "cannot read the amount %q of %s: %v", w, c.Citation(), err)
					continue
				}
				k := key{c, rules.FormatAmount(amt)}
				inText[k] = true
				if !inData[k] {
					list.Addf(u.pos, "%s writes %s, but rules/ has no threshold of %s万元 for it", c.Citation(), w, k.amount)
				}
			}
		}
	}
	for k := range inData {
		if !inText[k] {
			u, err := rp.find(k.clause)
			pos := docPos
			if err == nil {
				pos = u.pos
			}
			list.Addf(pos, "rules/ has a threshold of %s万元 for %s, but the text there does not write it", k.amount, k.clause.Citation())
		}
	}

	// Every clause of the cited articles that writes an amount must be
	// covered by the data.
	articles := map[int]bool{}
	for c := range clauses {
		articles[c.Article] = true
	}
	for _, a := range rp.doc.Articles {
		if !articles[a.Number] || a.Sub != 0 {
			continue
		}
		for _, p := range a.Paragraphs {
			for _, it := range p.Items {
				check := func(c rules.Clause, text string, pos diag.Pos) {
					if writtenAmount.MatchString(text) && !clauses[c] {
						list.Addf(pos, "%s writes amounts, but rules/ has no threshold for it", c.Citation())
					}
				}
				own := it.Text
				for _, l := range it.Body {
					if l.Number == 0 {
						own += l.Text
					} else {
						check(rules.Clause{Article: a.Number, Item: it.Number, SubItem: l.Number}, l.Text, l.Pos)
					}
				}
				check(rules.Clause{Article: a.Number, Item: it.Number}, own, it.Pos)
			}
		}
	}
	// Each problem once, in an order independent of map order.
	sort.SliceStable(list, func(i, j int) bool { return list[i].Msg < list[j].Msg })
	uniq := list[:0]
	for i, d := range list {
		if i == 0 || *d != *list[i-1] {
			uniq = append(uniq, d)
		}
	}
	return uniq.Err()
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
