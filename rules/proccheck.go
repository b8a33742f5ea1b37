package rules

import (
	"strconv"
	"strings"
)

// Quote is a passage the data quotes from the text, verbatim.
type Quote struct {
	Clause Clause
	Text   string
	// Where names the field that quotes it: "branch several outcome 2
	// basis".
	Where string
}

// Quotes returns every passage the procedure quotes from the text, with
// the clause it must be found in: the wording and basis of every outcome,
// the basis of every step, duty and note. Actors, actions and deciders
// are quoted from these passages, which Check verifies.
func (p *Procedure) Quotes() []Quote {
	var qs []Quote
	add := func(c Clause, text, where string) {
		if text != "" {
			qs = append(qs, Quote{Clause: c, Text: text, Where: where})
		}
	}
	acts := func(list []Act, where string) {
		for i, a := range list {
			add(a.Clause, a.Basis, where+" "+strconv.Itoa(i+1)+" basis")
		}
	}
	notes := func(list []Note, where string) {
		for i, n := range list {
			add(n.Clause, n.Basis, where+" note "+strconv.Itoa(i+1)+" basis")
		}
	}
	for _, b := range p.Branches {
		where := "branch " + b.ID
		for i, o := range b.Outcomes {
			ow := where + " outcome " + strconv.Itoa(i+1)
			add(o.Clause, o.Wording, ow+" wording")
			add(o.Clause, o.Basis, ow+" basis")
			acts(o.Steps, ow+" step")
		}
		notes(b.Notes, where)
	}
	for i, v := range p.Provisions {
		where := "provision " + strconv.Itoa(i+1)
		acts(v.Before, where+" step before")
		acts(v.Duties, where+" duty")
		notes(v.Notes, where)
	}
	return qs
}

// procedures checks the procedures: the notation of their bodies, their
// IDs, inputs, conditions, branches and provisions, and, by enumerating every
// combination of answers, that exactly one branch answers each, that every
// branch, option, question and provision is reached, and that every
// question asked offers an option.
func (k *checker) procedures(c *catalogue) {
	ids := map[string]bool{}
	for _, m := range c.matters {
		ids[m.ID] = true
	}
	var last Clause
	for i := range procedures {
		k.lines(&procedures[i])
		p := load(procedures[i].id).build()
		id := p.ID
		switch {
		case ids[id]:
			k.addf(id, "duplicate matter or procedure ID")
		case id != p.Clause.Path() || p.Citation() == "":
			k.addf(id, "ID is not a clause path")
		case i > 0 && !last.Less(p.Clause):
			k.addf(id, "procedures not in clause order")
		}
		ids[id], last = true, p.Clause
		if p.Title == "" || p.Question == "" {
			k.addf(id, "no title or question")
		}
		k.procedure(p, c)
	}
}

// lines checks the notation of a procedure's body: the sign of every
// line, the line before it, its number of fields, its clause paths (as
// Path writes them) and its conditions.
func (k *checker) lines(s *procSpec) {
	after := map[byte]string{ // the signs a line may follow; 0 is the start
		'?': "\x00?-", '-': "?-", '#': "?-#=>!", '=': "#=>", '>': "=>",
		'+': "?-#=>!+<^", '<': "+<^", '^': "+<^", '!': "#=>!+<^",
	}
	var prev byte
	provisions := false // whether a provision has begun: they come last
	for _, part := range s.body {
		for _, line := range strings.Split(part, "\n") {
			line = trimSpace(line)
			if line == "" {
				continue
			}
			where := s.id + ": line " + strconv.Quote(line)
			sign := line[0]
			sh := &shapes[shapeOf(sign)]
			switch {
			case sh.sign != sign:
				k.addf(where, "unknown sign")
				continue
			case !strings.ContainsRune(after[sign], rune(prev)) || provisions && level(sign) == 0 && sign != '+':
				k.addf(where, "out of place after a line starting with "+string(rune(prev)))
			}
			prev, provisions = sign, provisions || sign == '+'
			f := strings.Split(line[1:], "|")
			keys := strings.Fields(sh.keys)
			if len(f) > len(keys) {
				k.addf(where, "more than "+strconv.Itoa(len(keys))+" fields")
				continue
			}
			for i, v := range f {
				v = trimSpace(v)
				switch keys[i] {
				case "clause":
					if c, ok := parseClause(v); v != "" && (!ok || c.Path() != v) {
						k.addf(where, "bad clause path "+v)
					}
				case "when":
					for _, t := range strings.Fields(v) {
						input, _, values, _ := term(t)
						if !isToken(input) || values == "" || strings.Contains(","+values+",", ",,") {
							k.addf(where, "bad condition "+t)
						}
					}
				}
			}
		}
	}
}

func (k *checker) procedure(p *Procedure, c *catalogue) {
	id := p.ID
	names := map[string]bool{}
	for i, in := range p.Inputs {
		where := id + " input " + in.Name
		if !isToken(in.Name) || names[in.Name] {
			k.addf(where, "name empty, not a lower-case ASCII token, or repeated")
		}
		names[in.Name] = true
		if in.Kind != KindChoice || in.Unit != "" || in.Label == "" {
			k.addf(where, "not a choice with a label")
		}
		k.conditions(where, p, i, in.When)
		values := map[string]bool{}
		for _, o := range in.Options {
			if !isToken(o.Value) || values[o.Value] || o.Label == "" {
				k.addf(where, "option "+o.Value+" empty, not a token, repeated or without label")
			}
			values[o.Value] = true
			k.conditions(where+" option "+o.Value, p, i, o.When)
		}
		if len(in.Options) < 2 {
			k.addf(where, "fewer than two options")
		}
	}
	branches := map[string]bool{}
	for _, b := range p.Branches {
		where := id + " branch " + b.ID
		if !isToken(b.ID) || branches[b.ID] {
			k.addf(where, "ID empty, not a token, or repeated")
		}
		branches[b.ID] = true
		if b.Clause.Citation() == "" || b.Clause.Article == 0 {
			k.addf(where, "no clause")
		}
		k.conditions(where, p, len(p.Inputs), b.When)
		if len(b.Outcomes) == 0 && len(b.Notes) == 0 {
			k.addf(where, "silent, but no note says what the text does say")
		}
		readings := map[string]bool{}
		for i, o := range b.Outcomes {
			ow := where + " outcome " + strconv.Itoa(i+1)
			if o.Decider == "" || o.Action == "" || !strings.Contains(o.Wording, o.Decider) || !strings.Contains(o.Wording, o.Action) {
				k.addf(ow, "decider "+o.Decider+" or action "+o.Action+" empty or not quoted from the wording "+o.Wording)
			}
			if o.Basis == "" || o.Clause.Citation() == "" {
				k.addf(ow, "no basis or clause")
			}
			if len(b.Outcomes) > 1 && (o.Reading == "" || readings[o.Reading]) {
				k.addf(ow, "one of several readings, but its reading is empty or repeated")
			}
			readings[o.Reading] = true
			if n := len(o.Steps); n == 0 || o.Steps[n-1].Actor != o.Decider || o.Steps[n-1].Action != o.Action {
				k.addf(ow, "last step is not the decision itself")
			}
			k.acts(ow+" step", o.Steps)
		}
		k.notes(where, b.Notes)
	}
	for i, v := range p.Provisions {
		where := id + " provision " + strconv.Itoa(i+1)
		k.conditions(where, p, len(p.Inputs), v.When)
		k.acts(where+" step before", v.Before)
		k.acts(where+" duty", v.Duties)
		k.notes(where, v.Notes)
		for _, s := range v.See {
			found := false
			for _, m := range c.matters {
				found = found || m.ID == s
			}
			if !found {
				k.addf(where, "sees unknown matter "+s)
			}
		}
		if len(v.Before)+len(v.Duties)+len(v.Notes)+len(v.See) == 0 {
			k.addf(where, "adds nothing")
		}
	}
	k.enumerate(load(p.ID))
}

// isToken reports whether s is a stable ASCII identifier: lower-case
// letters, digits and inner hyphens.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !('a' <= b && b <= 'z' || isDigit(b) || b == '-' && i > 0 && i < len(s)-1) {
			return false
		}
	}
	return s != ""
}

// conditions checks that each condition tests one of the first n inputs
// for values among its options.
func (k *checker) conditions(where string, p *Procedure, n int, when []Condition) {
	for _, c := range when {
		i := -1
		for j, in := range p.Inputs {
			if in.Name == c.Input {
				i = j
			}
		}
		if i < 0 || i >= n {
			k.addf(where, "condition on "+c.Input+", which is not an earlier input")
			continue
		}
		for _, v := range c.Values {
			ok := false
			for _, o := range p.Inputs[i].Options {
				ok = ok || o.Value == v
			}
			if !ok {
				k.addf(where, "condition on "+c.Input+" for "+v+", which is not one of its options")
			}
		}
	}
}

func (k *checker) acts(where string, acts []Act) {
	for i, a := range acts {
		aw := where + " " + strconv.Itoa(i+1)
		if a.Action == "" || a.Basis == "" || a.Clause.Citation() == "" {
			k.addf(aw, "no action, basis or clause")
		}
		if !strings.Contains(a.Basis, a.Action) || !strings.Contains(a.Basis, a.Actor) {
			k.addf(aw, "actor "+a.Actor+" or action "+a.Action+" is not quoted from the basis "+a.Basis)
		}
	}
}

func (k *checker) notes(where string, notes []Note) {
	for i, n := range notes {
		if !strings.HasSuffix(n.Text, "。") || n.Clause.Citation() == "" {
			k.addf(where+" note "+strconv.Itoa(i+1), "text is not a sentence, or no clause")
		}
	}
}

// enumerate walks every combination of answers a form can give and
// reports combinations that no branch or more than one branch answers,
// and what no combination reaches. It tests the conditions as route does.
func (k *checker) enumerate(p *proc) {
	id := p.spec.id
	answers := make([]string, len(p.inputs))
	reached := map[int]bool{} // indices of lines
	gaps, overlaps := 0, map[string]bool{}
	var walk func(i int)
	walk = func(i int) {
		if i < len(p.inputs) {
			q := p.inputs[i]
			if !p.holds(p.recs[q].f[3], answers) {
				walk(i + 1)
				return
			}
			reached[q] = true
			offered := false
			for o := p.next(q, '-', q); o >= 0; o = p.next(q, '-', o) {
				if p.holds(p.recs[o].f[2], answers) {
					offered, reached[o] = true, true
					answers[i] = p.recs[o].f[0]
					walk(i + 1)
				}
			}
			answers[i] = ""
			if !offered {
				k.addf(id, "input "+p.recs[q].f[0]+" is asked but offers no option after "+p.describe(answers))
			}
			return
		}
		var match []string
		for b := p.next(-1, '#', -1); b >= 0; b = p.next(-1, '#', b) {
			if p.holds(p.recs[b].f[2], answers) {
				match, reached[b] = append(match, p.recs[b].f[0]), true
			}
		}
		for v := p.next(-1, '+', -1); v >= 0; v = p.next(-1, '+', v) {
			if p.holds(p.recs[v].f[0], answers) {
				reached[v] = true
			}
		}
		switch {
		case len(match) == 0:
			if gaps++; gaps <= 10 {
				k.addf(id, "no branch answers "+p.describe(answers))
			}
		case len(match) > 1:
			key := strings.Join(match, " and ")
			if !overlaps[key] {
				overlaps[key] = true
				k.addf(id, "branches "+key+" overlap: each answers "+p.describe(answers))
			}
		}
	}
	walk(0)
	if gaps > 10 {
		k.addf(id, "no branch answers "+strconv.Itoa(gaps-10)+" more combinations")
	}
	for i, r := range p.recs {
		if !reached[i] {
			switch r.sign {
			case '?':
				k.addf(id, "input "+r.f[0]+" is never asked")
			case '-':
				k.addf(id, "option "+r.f[0]+" ("+r.f[1]+") is never offered")
			case '#':
				k.addf(id, "branch "+r.f[0]+" is unreachable: it answers no combination of answers")
			case '+':
				k.addf(id, "provision "+strconv.Quote(r.f[0])+" applies to no combination of answers")
			}
		}
	}
}

// describe writes a combination of answers: "issuer=gov to=city".
func (p *proc) describe(answers []string) string {
	var s []string
	for i, v := range answers {
		if v != "" {
			s = append(s, p.recs[p.inputs[i]].f[0]+"="+v)
		}
	}
	if len(s) == 0 {
		return "(no answers)"
	}
	return strings.Join(s, " ")
}
