package rules

import "strings"

// procSpec is a procedure as data: its header, and its body written in
// the line notation below, as one or more parts read one after another
// (parts let both procedures share the lines of article 十八 without
// storing them twice). The notation keeps rules.wasm small: the body is
// text, where a table of structs would cost a string header for every
// field of every row, and one small reader and one writer driven by the
// table of shapes serve every kind of line.
//
// Each line starts with a sign; its fields are separated by "|" and
// trimmed of spaces.
//
//	? name | label | hint | when    a question (an Input of KindChoice);
//	                                without options it is a yes/no question
//	- value | label | when          an option of the last question
//	# id | clause | when            a branch
//	= decider | action | wording | basis | reading | clause
//	                                an outcome of the last branch; an empty
//	                                wording, basis or clause repeats the
//	                                previous outcome's of the branch, and
//	                                the first outcome's clause is the
//	                                branch's
//	> actor | action | basis | clause
//	                                a step of the last outcome; empty basis
//	                                and clause are the outcome's. Without
//	                                steps, an outcome's only step is the
//	                                decision itself, resting on its wording
//	+ when | see                    a provision; see lists IDs of matters
//	                                of article 二十二, separated by spaces
//	< actor | action | basis | clause
//	                                a step before, of the last provision
//	^ actor | action | basis | clause
//	                                a duty after, of the last provision; in
//	                                both, empty basis and clause repeat the
//	                                previous step's or duty's
//	! text | basis | clause         a note of the last branch or provision;
//	                                an empty clause is the branch's, or the
//	                                previous step's or duty's
//
// A when is a list of conditions separated by spaces, all of which must
// hold: "issuer=gov,office" (the answer is one of these values) or
// "beyond!=yes" (the input was not asked, or its answer is none of these).
type procSpec struct {
	id       string // clause path
	title    string
	question string
	body     []string
}

// rec is one line of a body, with the fields the notation leaves to be
// repeated filled in; records adds the lines it implies.
type rec struct {
	sign byte
	f    [6]string
	_    [0]func() // not comparable: no equality function in rules.wasm
}

// level is the depth of a line: questions, branches and provisions at 0,
// their options, outcomes, notes, steps before and duties at 1, the steps
// of outcomes at 2. The root, before every line, is at -1.
func level(sign byte) int {
	switch sign {
	case '?', '#', '+':
		return 0
	case '>':
		return 2
	case 0:
		return -1
	}
	return 1
}

// repeats says which empty field of a line repeats which field of an
// earlier line, in groups of four bytes: the sign, the field, the earlier
// line (o the last outcome of the branch, a the last step before or duty
// of the provision, b the branch) and its field. The first that applies
// wins.
const repeats = "=2o2=3o3=5o5=5b1>2o3>3o5<2a2<3a3^2a2^3a3!2a3!2b1"

// records reads a body into lines. It does not report mistakes: Check
// does (see checker.lines), and the tests make sure it finds none.
func records(parts []string) []rec {
	n := 0
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				n++
			}
		}
	}
	// Each line implies at most two more: the options of a yes/no
	// question, or the step of an outcome.
	out := make([]rec, 0, 3*n+3)
	ctx := [3]int{-1, -1, -1} // the lines a, b and o of repeats, -1 for none
	for _, s := range parts {
		for s != "" {
			var line string
			line, s = cut(s, '\n')
			if line = trimSpace(line); line == "" {
				continue
			}
			r := rec{sign: line[0]}
			for k, rest := 0, line[1:]; rest != "" && k < len(r.f); k++ {
				r.f[k], rest = cut(rest, '|')
				r.f[k] = trimSpace(r.f[k])
			}
			out = imply(out, r.sign)
			switch r.sign {
			case '#':
				ctx = [3]int{-1, len(out), -1}
			case '+':
				ctx = [3]int{-1, -1, -1}
			}
			for k := 0; k < len(repeats); k += 4 {
				i, from := repeats[k+1]-'0', ctx[strings.IndexByte("abo", repeats[k+2])]
				if repeats[k] == r.sign && r.f[i] == "" && from >= 0 {
					r.f[i] = out[from].f[repeats[k+3]-'0']
				}
			}
			switch r.sign {
			case '=':
				ctx[2] = len(out)
			case '<', '^':
				ctx[0] = len(out)
			}
			out = append(out, r)
		}
	}
	return imply(out, 0)
}

// imply adds the lines that the last line of out implies, seeing that the
// next line has the given sign (0 at the end): the options of a question
// without options, the step of an outcome without steps.
func imply(out []rec, next byte) []rec {
	n := len(out)
	switch {
	case n > 0 && out[n-1].sign == '?' && next != '-':
		out = append(out, rec{sign: '-', f: [6]string{"yes", "是"}}, rec{sign: '-', f: [6]string{"no", "否"}})
	case n > 0 && out[n-1].sign == '=' && next != '>':
		o := &out[n-1]
		out = append(out, rec{sign: '>', f: [6]string{o.f[0], o.f[1], o.f[2], o.f[5]}})
	}
	return out
}

// trimSpace trims ASCII spaces and tabs.
func trimSpace(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// cut returns the text of s before the first sep, and the text after it.
func cut(s string, sep byte) (before, after string) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// term reads the first condition of a when: the input it tests, whether
// it is negated, its values separated by commas, and the rest of when.
func term(when string) (input string, not bool, values, rest string) {
	t, rest := cut(trimSpace(when), ' ')
	input, values = cut(t, '=')
	if n := len(input); n > 0 && input[n-1] == '!' {
		input, not = input[:n-1], true
	}
	return input, not, values, rest
}

// proc is a procedure's lines, read for one call.
type proc struct {
	spec   *procSpec
	recs   []rec
	inputs []int // the indices of the questions
}

// load reads the procedure with the given ID, or returns nil.
func load(id string) *proc {
	for i := range procedures {
		if s := &procedures[i]; s.id == id {
			p := &proc{spec: s, recs: records(s.body)}
			for j := range p.recs {
				if p.recs[j].sign == '?' {
					p.inputs = append(p.inputs, j)
				}
			}
			return p
		}
	}
	return nil
}

// IsProcedure reports whether id is the ID of a procedure.
func IsProcedure(id string) bool {
	for i := range procedures {
		if procedures[i].id == id {
			return true
		}
	}
	return false
}

// holds reports whether every condition of when holds for the answers,
// given by question in order ("" where a question was not asked).
func (p *proc) holds(when string, answers []string) bool {
	for when != "" {
		input, not, values, rest := term(when)
		v := ""
		for i, j := range p.inputs {
			if p.recs[j].f[0] == input {
				v = answers[i]
			}
		}
		in := false
		for values != "" {
			var x string
			x, values = cut(values, ',')
			in = in || v != "" && x == v
		}
		if in == not {
			return false
		}
		when = rest
	}
	return true
}

// next returns the index of the first line of sign after the line at i
// that belongs to the line at parent (-1 for the root), or -1. Starting
// with i = parent, it walks the children of parent.
func (p *proc) next(parent int, sign byte, i int) int {
	var at byte
	if parent >= 0 {
		at = p.recs[parent].sign
	}
	for i++; i < len(p.recs) && level(p.recs[i].sign) > level(at); i++ {
		if p.recs[i].sign == sign && level(sign) == level(at)+1 {
			return i
		}
	}
	return -1
}

// routing is what a request finds in a procedure: the indices of its
// branch and of the provisions that apply, and of the questions asked
// and the option chosen for each.
type routing struct {
	parts  []int // the branch, then the provisions that apply
	asked  []int
	chosen []int
}

// route finds the branch and provisions that answer inputs; see
// RouteProcedure.
func (p *proc) route(inputs map[string]string) (*routing, *Error) {
	names, need := "", ""
	for _, q := range p.inputs {
		names += p.recs[q].f[0] + " "
		need += "、" + p.recs[q].f[0] + "（" + p.recs[q].f[1] + "）"
	}
	if err := unknownInput(p.spec.id, inputs, names, need[len("、"):]); err != nil {
		return nil, err
	}
	rt := &routing{}
	answers := make([]string, len(p.inputs))
	for i, q := range p.inputs {
		if !p.holds(p.recs[q].f[3], answers) {
			continue
		}
		v, chosen := inputs[p.recs[q].f[0]], -1
		for o := p.next(q, '-', q); o >= 0; o = p.next(q, '-', o) {
			if p.recs[o].f[0] == v && p.holds(p.recs[o].f[2], answers) {
				chosen = o
			}
		}
		if chosen < 0 {
			code := "choice.unknown"
			if v == "" {
				code = "choice.missing"
			}
			return nil, &Error{Code: code, Input: p.recs[q].f[0], Message: message(code, p.recs[q].f[1], clip(v))}
		}
		answers[i] = v
		rt.asked, rt.chosen = append(rt.asked, q), append(rt.chosen, chosen)
	}
	// The branch that answers, then the provisions that apply: a
	// branch's when is its field 2, a provision's its field 0.
	for _, sign := range [...]byte{'#', '+'} {
		for i := p.next(-1, sign, -1); i >= 0; i = p.next(-1, sign, i) {
			when := p.recs[i].f[0]
			if sign == '#' {
				when = p.recs[i].f[2]
			}
			if p.holds(when, answers) {
				rt.parts = append(rt.parts, i)
			}
		}
		if len(rt.parts) != 1 && sign == '#' {
			return nil, &Error{Code: "internal", Message: "内部错误：事项" + p.spec.id + "的规则未能唯一确定答复。请联系网站维护人员。"}
		}
	}
	return rt, nil
}

// unknownInput returns the error for the least name in inputs, in byte
// order, that is not among names (each followed by a space), or nil; need
// lists the inputs for the message.
func unknownInput(id string, inputs map[string]string, names, need string) *Error {
	unknown := ""
	for k := range inputs {
		known := false
		for rest := names; rest != ""; {
			var name string
			name, rest = cut(rest, ' ')
			known = known || name == k
		}
		if !known && (unknown == "" || k < unknown) {
			unknown = k
		}
	}
	if unknown == "" {
		return nil
	}
	return &Error{Code: "input.unknown", Input: clip(unknown), Message: "事项" + id + message("input.unknown", unknown, need)}
}
