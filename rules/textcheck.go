package rules

import (
	"sort"
	"strconv"
	"strings"
)

// Unit is one clause of the official text as CheckText reads it: an
// article, a paragraph (款), an item (项) or a sub-item (目).
type Unit struct {
	Clause Clause
	// Own is the clause's own text, line by line: a sub-item's line, an
	// item's first line with its continuation lines, a paragraph's
	// line, an article's lines.
	Own []string
	// Full adds the lines of the clauses inside it: an item with its
	// sub-items, a paragraph with its items.
	Full []string
}

// TextProblem is a disagreement between the data and the text.
type TextProblem struct {
	// Clause is the clause of the text it concerns; the problem is
	// about the data as a whole (its own check) where it is zero.
	Clause Clause
	// Missing reports that the text has no such clause.
	Missing bool
	Message string
}

// CheckText verifies the data against the official text, given as its
// units, and reports every disagreement, sorted by message: the data
// failing its own [Check]; a clause the data cites that the text lacks;
// a passage the data quotes that the text does not hold word for word in
// the clause cited; an amount a clause of article 二十二 writes that the
// data has no threshold of there, or the reverse; and a clause of an
// article the data reads amounts from that writes amounts the data does
// not cover. The site build runs it against the document that
// [Source] names and fails on any problem.
func CheckText(units []Unit) []TextProblem {
	byClause := map[Clause]*Unit{}
	for i := range units {
		byClause[units[i].Clause] = &units[i]
	}
	var out []TextProblem
	add := func(c Clause, missing bool, msg string) {
		out = append(out, TextProblem{Clause: c, Missing: missing, Message: msg})
	}
	c := build()
	if p := check(c); len(p) > 0 {
		add(Clause{}, false, p.Error())
	}
	find := func(cl Clause) *Unit {
		u := byClause[cl]
		if u == nil {
			add(cl, true, "rules cite "+cl.Citation()+", which the text lacks")
		}
		return u
	}
	verbatim := func(cl Clause, what, basis string) {
		if basis == "" {
			return
		}
		u := find(cl)
		if u == nil {
			return
		}
		full := strings.Join(u.Full, "\n")
		for _, line := range strings.Split(basis, "\n") {
			if !strings.Contains(full, line) {
				add(cl, false, what+" in rules/ is not in the text of "+cl.Citation()+": "+strconv.Quote(line))
			}
		}
	}

	// Every quotation, in the clause it cites.
	type key struct {
		clause Clause
		amount string
	}
	inData := map[key]bool{}
	clauses := map[Clause]bool{}
	for _, m := range c.matters {
		verbatim(m.Clause, "the basis of matter "+m.ID, m.Basis)
		for _, t := range m.Tables {
			verbatim(t.Clause, "the basis of a table of "+m.ID, t.Basis)
		}
		eachBand(m, func(_ *Table, _ int, b *Band) {
			d := b.Decision
			verbatim(d.Clause, "the basis of a band of "+m.ID, d.Basis)
			for _, n := range d.Notes {
				verbatim(n.Clause, "the basis of a note of "+m.ID, n.Basis)
			}
		})
		for _, t := range m.Thresholds() {
			inData[key{t.Clause, FormatAmount(t.Amount)}] = true
			clauses[t.Clause] = true
		}
	}
	for _, g := range c.general {
		verbatim(g.Clause, "the basis of general rule "+g.ID, g.Basis)
	}
	for i := range procedures {
		p := &procedures[i]
		for _, q := range p.Quotes() {
			verbatim(q.Clause, "the "+q.Where+" of procedure "+p.ID, q.Text)
		}
	}

	// The amounts each clause writes, against the thresholds of the
	// data there.
	inText := map[key]bool{}
	for cl := range clauses {
		u := find(cl)
		if u == nil {
			continue
		}
		for _, line := range u.Own {
			for _, w := range writtenAmounts(line) {
				v, code, _ := parseAmount(w)
				if code != "" {
					add(cl, false, "cannot read the amount "+strconv.Quote(w)+" of "+cl.Citation())
					continue
				}
				k := key{cl, FormatAmount(v)}
				inText[k] = true
				if !inData[k] {
					add(cl, false, cl.Citation()+" writes "+w+", but rules/ has no threshold of "+k.amount+"万元 for it")
				}
			}
		}
	}
	for k := range inData {
		if !inText[k] && byClause[k.clause] != nil {
			add(k.clause, false, "rules/ has a threshold of "+k.amount+"万元 for "+k.clause.Citation()+", but the text there does not write it")
		}
	}

	// Every item and sub-item of an article the data reads amounts from
	// that writes amounts is covered.
	articles := map[int]bool{}
	for cl := range clauses {
		articles[cl.Article] = true
	}
	for _, u := range units {
		cl := u.Clause
		if articles[cl.Article] && cl.Paragraph == 0 && cl.Item > 0 && !clauses[cl] && len(writtenAmounts(strings.Join(u.Own, ""))) > 0 {
			add(cl, false, cl.Citation()+" writes amounts, but rules/ has no threshold for it")
		}
	}

	// Each problem once, in an order independent of map order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Message < out[j].Message })
	uniq := out[:0]
	for i, p := range out {
		if i == 0 || p != out[i-1] {
			uniq = append(uniq, p)
		}
	}
	return uniq
}

// writtenAmounts finds the amounts a line writes: 500万元, 1亿元, 0.5万元.
func writtenAmounts(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '.') {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			for j++; j < len(s) && isDigit(s[j]); j++ {
			}
		}
		for _, u := range [...]string{"万元", "亿元", "元"} {
			if strings.HasPrefix(s[j:], u) {
				out = append(out, s[i:j+len(u)])
				break
			}
		}
		i = j
	}
	return out
}

// CheckVersion reports whether the text given — by its title, number
// (文号) and date (ISO 8601) — is the version [Source] names. A text of
// the same title with another number or date is another version, and
// the error names both; a text of another title is not the Work Rules
// at all.
func CheckVersion(title, number, date string) error {
	if title == Source.Title && number == Source.Number && date == Source.Date {
		return nil
	}
	return &versionError{title, number, date}
}

type versionError struct{ title, number, date string }

func (e *versionError) Error() string {
	return "the rules encode 《" + Source.Title + "》 (" + Source.Number + ", " + Source.Date +
		"), but the content holds 《" + e.title + "》 (" + e.number + ", " + e.date +
		"): a different version; update rules/ (rules.Source and the data) to the version in the content, or add the version the rules encode"
}
