package rules

// Sink receives a tree of plain values: objects, arrays, strings,
// booleans and integers. The WebAssembly bridge (cmd/ruleswasm)
// implements it to build JavaScript objects. A key names a value inside
// an object and is empty inside an array; End closes the innermost object
// or array.
type Sink interface {
	Object(key string)
	Array(key string)
	End()
	String(key, s string)
	Bool(key string, b bool)
	Int(key string, n int)
}

// The procedures are written for the bridge here, rather than converted
// there from the structs of Procedures and RouteProcedure, because one
// writer driven by the table of shapes below costs a fraction of the
// WebAssembly that building and converting every struct field does. The
// shapes are those that cmd/ruleswasm/README.md documents; the tests check
// that they carry exactly what the structs carry.

// shapes gives, for each sign of the notation, the key of the array that
// holds its lines, the keys of its fields in order, and the signs of its
// children. A field keyed clause is written as a clause object, when as
// an array of conditions and see as an array of strings.
var shapes = [...]struct {
	sign  byte
	array string
	keys  string
	kids  string
}{
	{'?', "inputs", "name label hint when", "-"},
	{'-', "options", "value label when", ""},
	{'#', "branches", "id clause when", "=!"},
	{'=', "readings", "decider action wording basis reading clause", ">"},
	{'>', "steps", "actor action basis clause", ""},
	{'+', "provisions", "when see", "<^!"},
	{'<', "before", "actor action basis clause", ""},
	{'^', "duties", "actor action basis clause", ""},
	{'!', "notes", "text basis clause", ""},
}

func shapeOf(sign byte) int {
	for i := range shapes {
		if shapes[i].sign == sign {
			return i
		}
	}
	return len(shapes) - 1
}

// WriteProcedures writes every procedure, in clause order, as the objects
// that rules.matters() lists after the matters of article 二十二 (see
// cmd/ruleswasm/README.md).
func WriteProcedures(s Sink) {
	for i := range procedures {
		p := load(procedures[i].id)
		s.Object("")
		s.String("type", "procedure")
		s.String("id", p.spec.id)
		s.String("title", p.spec.title)
		s.String("question", p.spec.question)
		writeClause(s, "clause", p.spec.id)
		p.writeAll(s, '?', []int{-1})
		p.writeAll(s, '#', []int{-1})
		p.writeAll(s, '+', []int{-1})
		s.End()
	}
}

// WriteRuling answers the request as [RouteProcedure] does and writes the
// answer as rules.route() returns it (see cmd/ruleswasm/README.md). On an
// error, including an id that is not a procedure's, it writes nothing.
func WriteRuling(s Sink, id string, inputs map[string]string) error {
	p := load(id)
	if p == nil {
		return unknownMatter(id)
	}
	rt, err := p.route(inputs)
	if err != nil {
		return err
	}
	b, n := &p.recs[rt.parts[0]], 0
	for i := p.next(rt.parts[0], '=', rt.parts[0]); i >= 0; i = p.next(rt.parts[0], '=', i) {
		n++
	}
	s.Object("")
	s.Bool("ok", true)
	s.String("type", "procedure")
	s.String("matter", id)
	s.String("branch", b.f[0])
	writeClause(s, "clause", b.f[1])
	s.Bool("silent", n == 0)
	s.Bool("ambiguous", n > 1)
	for _, sign := range [...]byte{'=', '<', '^', '!'} {
		p.writeAll(s, sign, rt.parts)
	}
	s.Array("see")
	for _, i := range rt.parts[1:] {
		writeWords(s, p.recs[i].f[1])
	}
	s.End()
	s.Array("values")
	for k, q := range rt.asked {
		s.Object("")
		s.String("input", p.recs[q].f[0])
		s.String("label", p.recs[q].f[1])
		s.String("value", p.recs[rt.chosen[k]].f[0])
		s.String("option", p.recs[rt.chosen[k]].f[1])
		s.End()
	}
	s.End()
	s.End()
	return nil
}

// writeAll writes the array of the lines of sign that belong to the lines
// at parents (-1 for the root), in order.
func (p *proc) writeAll(s Sink, sign byte, parents []int) {
	s.Array(shapes[shapeOf(sign)].array)
	for _, parent := range parents {
		for i := p.next(parent, sign, parent); i >= 0; i = p.next(parent, sign, i) {
			p.write(s, i)
		}
	}
	s.End()
}

// write writes the line at i as an object, with its children.
func (p *proc) write(s Sink, i int) {
	r := &p.recs[i]
	sh := &shapes[shapeOf(r.sign)]
	s.Object("")
	keys := sh.keys
	for k := 0; keys != ""; k++ {
		var key string
		key, keys = cut(keys, ' ')
		switch key {
		case "clause":
			writeClause(s, key, r.f[k])
		case "when":
			s.Array(key)
			for when := r.f[k]; when != ""; {
				input, not, values, rest := term(when)
				s.Object("")
				s.String("input", input)
				s.Array("values")
				for values != "" {
					var v string
					v, values = cut(values, ',')
					s.String("", v)
				}
				s.End()
				s.Bool("not", not)
				s.End()
				when = rest
			}
			s.End()
		case "see":
			s.Array(key)
			writeWords(s, r.f[k])
			s.End()
		default:
			s.String(key, r.f[k])
		}
	}
	if r.sign == '?' {
		s.String("kind", string(KindChoice))
		s.String("unit", "")
	}
	for k := 0; k < len(sh.kids); k++ {
		p.writeAll(s, sh.kids[k], []int{i})
	}
	s.End()
}

// writeWords writes the words of s, separated by spaces, as strings.
func writeWords(s Sink, words string) {
	for words = trimSpace(words); words != ""; words = trimSpace(words) {
		var w string
		w, words = cut(words, ' ')
		s.String("", w)
	}
}

func writeClause(s Sink, key, path string) {
	c, _ := parseClause(path)
	WriteClause(s, key, c)
}

// WriteClause writes a clause as the object the bridge's answers carry:
// {id, citation, article, paragraph, item, subItem}.
func WriteClause(s Sink, key string, c Clause) {
	s.Object(key)
	s.String("id", c.Path())
	s.String("citation", c.Citation())
	s.Int("article", c.Article)
	s.Int("paragraph", c.Paragraph)
	s.Int("item", c.Item)
	s.Int("subItem", c.SubItem)
	s.End()
}
