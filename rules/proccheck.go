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

// procedures checks the procedures: their IDs, inputs, conditions, branches and provisions, and, by enumerating every
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
		p := &procedures[i]
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
		if p.Title == "" || p.Question == "" || p.Role == "" || p.Verb == "" {
			k.addf(id, "no title, question, role or verb")
		}
		k.procedure(p, c)
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
			k.outcome(ow, &o)
			if len(b.Outcomes) > 1 && (o.Reading == "" || readings[o.Reading]) {
				k.addf(ow, "one of several readings, but its reading is empty or repeated")
			}
			if len(b.Outcomes) == 1 && o.Reading != "" {
				k.addf(ow, "the only outcome, but it says how it reads the text")
			}
			readings[o.Reading] = true
		}
		if alternative(b.Outcomes) {
			k.addf(where, "its outcomes share one wording that states an alternative itself (或): one outcome with Either, not readings")
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
	k.enumerate(p)
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
		if !strings.Contains(a.Basis, a.Action) || !quotesAll(a.Basis, strings.Split(a.Actor, "或")) {
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

// outcome checks one outcome: its decider and action are quoted from its
// wording, an alternative (Either) is stated as the text states it, and
// its last step is the decision itself. An outcome without a decider is
// the text's answer that nothing is to be done (一律不发): it has no
// steps.
func (k *checker) outcome(where string, o *Outcome) {
	if o.Action == "" || !strings.Contains(o.Wording, o.Action) {
		k.addf(where, "action "+o.Action+" empty or not quoted from the wording "+o.Wording)
	}
	switch {
	case len(o.Either) == 1:
		k.addf(where, "an alternative of one")
	case len(o.Either) > 1:
		joined := o.Decider == strings.Join(o.Either, "或") && strings.Contains(o.Wording, "或")
		listed := o.Decider == strings.Join(o.Either, "、") && strings.Contains(o.Wording, o.Decider)
		if !joined && !listed || !quotesAll(o.Wording, o.Either) {
			k.addf(where, "decider "+o.Decider+" is not its alternatives joined by 或 nor the list the wording "+o.Wording+" writes")
		}
	case !strings.Contains(o.Wording, o.Decider):
		k.addf(where, "decider "+o.Decider+" is not quoted from the wording "+o.Wording)
	}
	if o.Basis == "" || o.Clause.Citation() == "" {
		k.addf(where, "no basis or clause")
	}
	n := len(o.Steps)
	switch {
	case o.Decider == "" && n > 0:
		k.addf(where, "steps without a decider")
	case o.Decider != "" && (n == 0 || o.Steps[n-1].Actor != o.Decider || o.Steps[n-1].Action != o.Action):
		k.addf(where, "last step is not the decision itself")
	}
	k.acts(where+" step", o.Steps)
}

// alternative reports whether several outcomes are the alternatives of
// one wording that names them with 或: the text states an alternative,
// it does not leave a reading open.
func alternative(outcomes []Outcome) bool {
	if len(outcomes) < 2 || !strings.Contains(outcomes[0].Wording, "或") {
		return false
	}
	for _, o := range outcomes {
		if o.Wording != outcomes[0].Wording || len(o.Either) > 0 || !strings.Contains(o.Wording, o.Decider) {
			return false
		}
	}
	return true
}

// quotesAll reports whether text holds every one of words.
func quotesAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// enumerate walks every combination of answers a form can give and
// reports combinations that no branch or more than one branch answers,
// and what no combination reaches. It tests the conditions as
// RouteProcedure does.
func (k *checker) enumerate(p *Procedure) {
	id := p.ID
	answers := map[string]string{}
	reached := map[string]bool{} // "input kind", "option kind plan", "branch x", "provision 3"
	gaps, overlaps := 0, map[string]bool{}
	var walk func(i int)
	walk = func(i int) {
		if i < len(p.Inputs) {
			in := &p.Inputs[i]
			if !holds(in.When, answers) {
				walk(i + 1)
				return
			}
			reached["input "+in.Name] = true
			offered := false
			for _, o := range in.Options {
				if holds(o.When, answers) {
					offered, reached["option "+in.Name+" "+o.Value] = true, true
					answers[in.Name] = o.Value
					walk(i + 1)
				}
			}
			delete(answers, in.Name)
			if !offered {
				k.addf(id, "input "+in.Name+" is asked but offers no option after "+p.describe(answers))
			}
			return
		}
		var match []string
		for _, b := range p.Branches {
			if holds(b.When, answers) {
				match, reached["branch "+b.ID] = append(match, b.ID), true
			}
		}
		for j, v := range p.Provisions {
			if holds(v.When, answers) {
				reached["provision "+strconv.Itoa(j+1)] = true
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
	for _, in := range p.Inputs {
		if !reached["input "+in.Name] {
			k.addf(id, "input "+in.Name+" is never asked")
		}
		for _, o := range in.Options {
			if !reached["option "+in.Name+" "+o.Value] {
				k.addf(id, "option "+o.Value+" ("+o.Label+") of "+in.Name+" is never offered")
			}
		}
	}
	for _, b := range p.Branches {
		if !reached["branch "+b.ID] {
			k.addf(id, "branch "+b.ID+" is unreachable: it answers no combination of answers")
		}
	}
	for j := range p.Provisions {
		if !reached["provision "+strconv.Itoa(j+1)] {
			k.addf(id, "provision "+strconv.Itoa(j+1)+" applies to no combination of answers")
		}
	}
}

// describe writes a combination of answers in input order: "issuer=gov
// to=city".
func (p *Procedure) describe(answers map[string]string) string {
	var s []string
	for _, in := range p.Inputs {
		if v := answers[in.Name]; v != "" {
			s = append(s, in.Name+"="+v)
		}
	}
	if len(s) == 0 {
		return "(no answers)"
	}
	return strings.Join(s, " ")
}
