package main

import (
	"strconv"
	"unicode/utf8"

	"rulesite/rules"
)

// apiVersion is globalThis.rules.apiVersion. It changes only when an
// existing field changes meaning or disappears; added fields, matters and
// input kinds leave it alone.
const apiVersion = 1

// opKind is the kind of one step in writing an answer.
type opKind uint8

const (
	opObject opKind = iota // begin an object
	opArray                // begin an array
	opEnd                  // end the innermost object or array
	opString
	opNumber
	opBool
	opNull
)

// op is one step in writing an answer: a value, or the beginning or end
// of an object or array. key names the value inside an object and is
// empty inside an array.
type op struct {
	kind opKind
	key  string
	str  string
	num  int
	_    [0]func() // not comparable: no equality function in rules.wasm
}

// writer records an answer as a flat list of steps. The answers are
// written once, here, and read twice: as JSON text that the js/wasm build
// hands to JSON.parse (see encode), and into Go values by the tests,
// which compare the two. A flat list read by one loop keeps the
// WebAssembly code small: each field costs one plain call, with no
// interface boxing.
type writer struct {
	ops []op
}

// The primitives below are kept out of line on purpose: inlined, every
// field of every answer would carry its own copy of append, which more
// than doubles the size of the bridge in rules.wasm.

//go:noinline
func (w *writer) Object(key string) { w.ops = append(w.ops, op{kind: opObject, key: key}) }

//go:noinline
func (w *writer) Array(key string) { w.ops = append(w.ops, op{kind: opArray, key: key}) }

//go:noinline
func (w *writer) End() { w.ops = append(w.ops, op{kind: opEnd}) }

//go:noinline
func (w *writer) String(key, s string) { w.ops = append(w.ops, op{kind: opString, key: key, str: s}) }

//go:noinline
func (w *writer) Int(key string, n int) {
	w.ops = append(w.ops, op{kind: opNumber, key: key, num: n})
}

//go:noinline
func (w *writer) null(key string) { w.ops = append(w.ops, op{kind: opNull, key: key}) }

//go:noinline
func (w *writer) Bool(key string, b bool) {
	n := 0
	if b {
		n = 1
	}
	w.ops = append(w.ops, op{kind: opBool, key: key, num: n})
}

// strOrNull writes s, or null when s is empty.
func (w *writer) strOrNull(key, s string) {
	if s == "" {
		w.null(key)
		return
	}
	w.String(key, s)
}

func (w *writer) strs(key string, list []string) {
	w.Array(key)
	for _, s := range list {
		w.String("", s)
	}
	w.End()
}

func (w *writer) errorAnswer(e *rules.Error) {
	w.Object("")
	w.Bool("ok", false)
	w.Object("error")
	w.String("code", e.Code)
	w.String("message", e.Message)
	w.strOrNull("input", e.Input)
	w.End()
	w.End()
}

// clause writes a clause as the answers carry it: {id, citation,
// article, paragraph, item, subItem}.
func (w *writer) clause(key string, c rules.Clause) {
	w.Object(key)
	w.String("id", c.Path())
	w.String("citation", c.Citation())
	w.Int("article", c.Article)
	w.Int("paragraph", c.Paragraph)
	w.Int("item", c.Item)
	w.Int("subItem", c.SubItem)
	w.End()
}

// source writes the version of the text an answer rests on.
func (w *writer) source(v rules.Version) {
	w.Object("source")
	w.String("title", v.Title)
	w.String("number", v.Number)
	w.String("date", v.Date)
	w.String("effective", v.Effective)
	w.String("citation", v.Citation())
	w.End()
}

func (w *writer) reading(key string, r *rules.Reading) {
	if r == nil {
		w.null(key)
		return
	}
	w.Object(key)
	w.String("reading", r.Reading)
	w.String("reason", r.Reason)
	w.End()
}

func (w *writer) bound(key string, b *rules.Bound) {
	w.Object(key)
	if b.Unbounded {
		w.null("amount")
	} else {
		w.String("amount", rules.FormatAmount(b.Amount))
	}
	w.Bool("inclusive", b.Inclusive)
	w.Bool("unbounded", b.Unbounded)
	w.String("written", b.Written)
	w.reading("reading", b.Reading)
	w.End()
}

// interval writes the fields of an interval into the open object.
func (w *writer) interval(iv *rules.Interval) {
	w.String("text", iv.Text)
	w.bound("lower", &iv.Lower)
	w.bound("upper", &iv.Upper)
}

func (w *writer) general(key string, g *rules.GeneralRule) {
	w.Object(key)
	w.String("id", g.ID)
	w.clause("clause", g.Clause)
	w.String("basis", g.Basis)
	w.String("text", g.Text)
	w.strs("matters", g.Matters)
	w.strs("deciders", g.Deciders)
	w.reading("reading", g.Reading)
	w.End()
}

// decision writes the fields of a decision into the open object.
func (w *writer) decision(d *rules.Decision) {
	w.String("matter", d.Matter)
	w.String("decider", d.Decider)
	w.String("action", d.Action)
	w.String("wording", d.Wording)
	w.Array("steps")
	for _, s := range d.Steps {
		w.Object("")
		w.String("actor", s.Actor)
		w.String("action", s.Action)
		w.End()
	}
	w.End()
	w.strs("duties", d.Duties)
	w.Array("notes")
	for _, n := range d.Notes {
		w.Object("")
		w.String("text", n.Text)
		w.String("basis", n.Basis)
		w.clause("clause", n.Clause)
		w.End()
	}
	w.End()
	w.clause("clause", d.Clause)
	w.String("basis", d.Basis)
	w.Array("general")
	for _, g := range d.General {
		w.general("", g)
	}
	w.End()
	w.Array("next")
	for _, n := range d.Next {
		w.Object("")
		w.String("input", n.Input)
		if n.Up {
			w.String("direction", "up")
		} else {
			w.String("direction", "down")
		}
		w.bound("at", n.At)
		w.String("delta", rules.FormatAmount(n.Delta))
		w.String("decider", n.Decider)
		w.String("action", n.Action)
		w.String("wording", n.Wording)
		w.clause("clause", n.Clause)
		w.String("text", n.Text)
		w.End()
	}
	w.End()
}

// routeAnswer writes the answer of rules.route for a decision.
func (w *writer) routeAnswer(d *rules.Decision) {
	w.Object("")
	w.Bool("ok", true)
	w.String("type", "amount")
	w.source(d.Source)
	w.decision(d)
	w.Array("values")
	for _, v := range d.Values {
		w.Object("")
		w.String("input", v.Input)
		w.String("label", v.Label)
		w.String("amount", rules.FormatAmount(v.Amount))
		w.String("unit", "万元")
		w.Object("range")
		w.interval(v.In)
		w.End()
		w.End()
	}
	w.End()
	w.End()
}

func (w *writer) bands(key string, bands []*rules.Band) {
	w.Array(key)
	for _, b := range bands {
		w.Object("")
		w.interval(&b.Interval)
		w.Object("decision")
		w.decision(b.Decision)
		w.End()
		w.End()
	}
	w.End()
}

// matters writes the answer of rules.matters().
func (w *writer) matters() {
	w.Array("")
	for _, m := range rules.Matters() {
		w.Object("")
		w.String("type", "amount")
		w.String("id", m.ID)
		w.String("category", m.Category)
		w.String("heading", m.Heading)
		w.String("title", m.Title)
		w.clause("clause", m.Clause)
		w.String("basis", m.Basis)
		w.Array("inputs")
		for _, in := range m.Inputs {
			w.Object("")
			w.String("name", in.Name)
			w.String("label", in.Label)
			w.String("kind", string(in.Kind))
			w.String("unit", in.Unit)
			w.String("hint", in.Hint)
			w.Array("when")
			w.End()
			w.Array("options")
			w.End()
			w.End()
		}
		w.End()
		w.bands("bands", m.Bands)
		w.Array("tables")
		for _, t := range m.Tables {
			w.Object("")
			w.interval(&t.Interval)
			w.clause("clause", t.Clause)
			w.String("heading", t.Heading)
			w.String("basis", t.Basis)
			w.bands("bands", t.Bands)
			w.End()
		}
		w.End()
		w.End()
	}
	for _, p := range rules.Procedures() {
		w.procedure(p)
	}
	w.End()
}

// request is a call of rules.route as read from JavaScript.
type request struct {
	matter string
	inputs map[string]string
}

// route writes the answer to a request, or the error found while reading
// it.
func (w *writer) route(req request, readErr *rules.Error) {
	if readErr != nil {
		w.errorAnswer(readErr)
		return
	}
	if rules.IsProcedure(req.matter) {
		r, err := rules.RouteProcedure(req.matter, req.inputs)
		if err != nil {
			w.errorAnswer(err.(*rules.Error))
			return
		}
		w.ruling(r)
		return
	}
	d, err := rules.Route(req.matter, req.inputs)
	if err != nil {
		w.errorAnswer(err.(*rules.Error))
		return
	}
	w.routeAnswer(d)
}

// Errors found while reading a request from JavaScript, before Route.
func invalidRequest(why string) *rules.Error {
	return &rules.Error{Code: "request.invalid", Message: "请求格式不正确：" + why + "。应为 rules.route({matter: \"22.1.1\", inputs: {amount: \"800\"}})。"}
}

// inputType is the error for an input that is not a string: a number, a
// BigInt, a symbol, a function, an object, null or undefined.
func inputType(name string) *rules.Error {
	return &rules.Error{Code: "input.type", Input: name, Message: "输入“" + name + "”须为字符串：金额如 \"800\" 或 \"800万元\"（以免因浮点数失真），选项如 \"yes\"。"}
}

// unreadable is the error for a request that threw while it was read: a
// getter or a Proxy trap that throws, a revoked Proxy. input is the input
// being read, or "".
func unreadable(input string) *rules.Error {
	what := "请求"
	if input != "" {
		what = "输入“" + input + "”"
	}
	return &rules.Error{Code: "request.unreadable", Input: input, Message: "读取" + what + "时出错（取值时抛出了异常）。请传入由字符串组成的普通对象，如 rules.route({matter: \"22.1.1\", inputs: {amount: \"800\"}})。"}
}

func internalError() *rules.Error {
	return &rules.Error{Code: "internal", Message: "内部错误，未能给出答复。请联系网站维护人员。"}
}

// conditions writes the conditions of an input, option, branch or
// provision.
func (w *writer) conditions(when []rules.Condition) {
	w.Array("when")
	for _, c := range when {
		w.Object("")
		w.String("input", c.Input)
		w.strs("values", c.Values)
		w.Bool("not", c.Not)
		w.End()
	}
	w.End()
}

func (w *writer) acts(key string, acts []rules.Act) {
	w.Array(key)
	for _, a := range acts {
		w.Object("")
		w.String("actor", a.Actor)
		w.String("action", a.Action)
		w.String("basis", a.Basis)
		w.clause("clause", a.Clause)
		w.End()
	}
	w.End()
}

func (w *writer) notes(notes []rules.Note) {
	w.Array("notes")
	for _, n := range notes {
		w.Object("")
		w.String("text", n.Text)
		w.String("basis", n.Basis)
		w.clause("clause", n.Clause)
		w.End()
	}
	w.End()
}

// outcomes writes what a branch answers, as "readings".
func (w *writer) outcomes(outcomes []rules.Outcome) {
	w.Array("readings")
	for _, o := range outcomes {
		w.Object("")
		w.String("decider", o.Decider)
		w.strs("either", o.Either)
		w.String("action", o.Action)
		w.String("wording", o.Wording)
		w.String("basis", o.Basis)
		w.String("reading", o.Reading)
		w.clause("clause", o.Clause)
		w.acts("steps", o.Steps)
		w.End()
	}
	w.End()
}

// procedure writes a procedure as rules.matters() lists it.
func (w *writer) procedure(p *rules.Procedure) {
	w.Object("")
	w.String("type", "procedure")
	w.String("id", p.ID)
	w.String("title", p.Title)
	w.String("question", p.Question)
	w.clause("clause", p.Clause)
	w.Array("inputs")
	for _, in := range p.Inputs {
		w.Object("")
		w.String("name", in.Name)
		w.String("label", in.Label)
		w.String("hint", in.Hint)
		w.conditions(in.When)
		w.Array("options")
		for _, o := range in.Options {
			w.Object("")
			w.String("value", o.Value)
			w.String("label", o.Label)
			w.conditions(o.When)
			w.End()
		}
		w.End()
		w.String("kind", string(in.Kind))
		w.String("unit", in.Unit)
		w.End()
	}
	w.End()
	w.Array("branches")
	for _, b := range p.Branches {
		w.Object("")
		w.String("id", b.ID)
		w.clause("clause", b.Clause)
		w.conditions(b.When)
		w.outcomes(b.Outcomes)
		w.notes(b.Notes)
		w.End()
	}
	w.End()
	w.Array("provisions")
	for _, v := range p.Provisions {
		w.Object("")
		w.conditions(v.When)
		w.strs("see", v.See)
		w.acts("before", v.Before)
		w.acts("duties", v.Duties)
		w.notes(v.Notes)
		w.End()
	}
	w.End()
	w.End()
}

// ruling writes the answer of rules.route for a procedure.
func (w *writer) ruling(r *rules.Ruling) {
	w.Object("")
	w.Bool("ok", true)
	w.String("type", "procedure")
	w.source(r.Source)
	w.String("matter", r.Procedure)
	w.String("branch", r.Branch)
	w.clause("clause", r.Clause)
	w.Bool("silent", r.Silent())
	w.Bool("ambiguous", r.Ambiguous())
	w.outcomes(r.Outcomes)
	w.acts("before", r.Before)
	w.acts("duties", r.Duties)
	w.notes(r.Notes)
	w.strs("see", r.See)
	w.Array("values")
	for _, v := range r.Values {
		w.Object("")
		w.String("input", v.Input)
		w.String("label", v.Label)
		w.String("value", v.Value)
		w.String("option", v.Option)
		w.End()
	}
	w.End()
	w.End()
}

// encode writes the answer recorded in ops as JSON text. The js/wasm
// build hands it to JSON.parse: one call into JavaScript for the whole
// answer, where building it value by value through syscall/js costs one
// call per value (tens of milliseconds for rules.matters()).
func encode(ops []op) string {
	var b []byte
	var closers []byte // the closing bracket of each open object or array
	first := true      // whether the next value is the first of its object or array
	for _, o := range ops {
		if o.kind == opEnd {
			b = append(b, closers[len(closers)-1])
			closers, first = closers[:len(closers)-1], false
			continue
		}
		if !first {
			b = append(b, ',')
		}
		if o.key != "" {
			b = appendJSONString(b, o.key)
			b = append(b, ':')
		}
		first = false
		switch o.kind {
		case opObject:
			b, closers, first = append(b, '{'), append(closers, '}'), true
		case opArray:
			b, closers, first = append(b, '['), append(closers, ']'), true
		case opString:
			b = appendJSONString(b, o.str)
		case opNumber:
			b = strconv.AppendInt(b, int64(o.num), 10)
		case opBool:
			b = strconv.AppendBool(b, o.num != 0)
		default:
			b = append(b, "null"...)
		}
	}
	return string(b)
}

// appendJSONString appends s as a JSON string. Valid UTF-8 passes
// through; the bytes of invalid UTF-8, which a Go string may hold and
// JSON may not, become U+FFFD, as they do in syscall/js.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&15])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}
