package main

import "rulesite/rules"

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
// written once, here, and replayed twice: into JavaScript objects by the
// js/wasm build, and into Go values by the tests, which compare the two.
// A flat list replayed by one loop keeps the WebAssembly code small:
// each field costs one plain call, with no interface boxing.
type writer struct {
	ops []op
}

// The primitives below are kept out of line on purpose: inlined, every
// field of every answer would carry its own copy of append, which more
// than doubles the size of the bridge in rules.wasm.

//go:noinline
func (w *writer) object(key string) { w.ops = append(w.ops, op{kind: opObject, key: key}) }

//go:noinline
func (w *writer) array(key string) { w.ops = append(w.ops, op{kind: opArray, key: key}) }

//go:noinline
func (w *writer) end() { w.ops = append(w.ops, op{kind: opEnd}) }

//go:noinline
func (w *writer) str(key, s string) { w.ops = append(w.ops, op{kind: opString, key: key, str: s}) }

//go:noinline
func (w *writer) number(key string, n int) {
	w.ops = append(w.ops, op{kind: opNumber, key: key, num: n})
}

//go:noinline
func (w *writer) null(key string) { w.ops = append(w.ops, op{kind: opNull, key: key}) }

//go:noinline
func (w *writer) boolean(key string, b bool) {
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
	w.str(key, s)
}

func (w *writer) strs(key string, list []string) {
	w.array(key)
	for _, s := range list {
		w.str("", s)
	}
	w.end()
}

func (w *writer) errorAnswer(e *rules.Error) {
	w.object("")
	w.boolean("ok", false)
	w.object("error")
	w.str("code", e.Code)
	w.str("message", e.Message)
	w.strOrNull("input", e.Input)
	w.end()
	w.end()
}

func (w *writer) clause(key string, c rules.Clause) {
	w.object(key)
	w.str("id", c.Path())
	w.str("citation", c.Citation())
	w.number("article", c.Article)
	w.number("item", c.Item)
	w.number("subItem", c.SubItem)
	w.end()
}

func (w *writer) reading(key string, r *rules.Reading) {
	if r == nil {
		w.null(key)
		return
	}
	w.object(key)
	w.str("reading", r.Reading)
	w.str("reason", r.Reason)
	w.end()
}

func (w *writer) bound(key string, b *rules.Bound) {
	w.object(key)
	if b.Unbounded {
		w.null("amount")
	} else {
		w.str("amount", rules.FormatAmount(b.Amount))
	}
	w.boolean("inclusive", b.Inclusive)
	w.boolean("unbounded", b.Unbounded)
	w.str("written", b.Written)
	w.reading("reading", b.Reading)
	w.end()
}

// interval writes the fields of an interval into the open object.
func (w *writer) interval(iv *rules.Interval) {
	w.str("text", iv.Text)
	w.bound("lower", &iv.Lower)
	w.bound("upper", &iv.Upper)
}

func (w *writer) general(key string, g *rules.GeneralRule) {
	w.object(key)
	w.str("id", g.ID)
	w.clause("clause", g.Clause)
	w.str("basis", g.Basis)
	w.str("text", g.Text)
	w.strs("matters", g.Matters)
	w.strs("deciders", g.Deciders)
	w.reading("reading", g.Reading)
	w.end()
}

// decision writes the fields of a decision into the open object.
func (w *writer) decision(d *rules.Decision) {
	w.str("matter", d.Matter)
	w.str("decider", d.Decider)
	w.str("action", d.Action)
	w.str("wording", d.Wording)
	w.array("steps")
	for _, s := range d.Steps {
		w.object("")
		w.str("actor", s.Actor)
		w.str("action", s.Action)
		w.end()
	}
	w.end()
	w.strs("duties", d.Duties)
	w.array("notes")
	for _, n := range d.Notes {
		w.object("")
		w.str("text", n.Text)
		w.str("basis", n.Basis)
		w.clause("clause", n.Clause)
		w.end()
	}
	w.end()
	w.clause("clause", d.Clause)
	w.str("basis", d.Basis)
	w.array("general")
	for _, g := range d.General {
		w.general("", g)
	}
	w.end()
	w.array("next")
	for _, n := range d.Next {
		w.object("")
		w.str("input", n.Input)
		if n.Up {
			w.str("direction", "up")
		} else {
			w.str("direction", "down")
		}
		w.bound("at", n.At)
		w.str("delta", rules.FormatAmount(n.Delta))
		w.str("decider", n.Decider)
		w.str("action", n.Action)
		w.str("wording", n.Wording)
		w.clause("clause", n.Clause)
		w.str("text", n.Text)
		w.end()
	}
	w.end()
}

// routeAnswer writes the answer of rules.route for a decision.
func (w *writer) routeAnswer(d *rules.Decision) {
	w.object("")
	w.boolean("ok", true)
	w.decision(d)
	w.array("values")
	for _, v := range d.Values {
		w.object("")
		w.str("input", v.Input)
		w.str("label", v.Label)
		w.str("amount", rules.FormatAmount(v.Amount))
		w.str("unit", "万元")
		w.object("range")
		w.interval(v.In)
		w.end()
		w.end()
	}
	w.end()
	w.end()
}

func (w *writer) bands(key string, bands []*rules.Band) {
	w.array(key)
	for _, b := range bands {
		w.object("")
		w.interval(&b.Interval)
		w.object("decision")
		w.decision(b.Decision)
		w.end()
		w.end()
	}
	w.end()
}

// matters writes the answer of rules.matters().
func (w *writer) matters() {
	w.array("")
	for _, m := range rules.Matters() {
		w.object("")
		w.str("id", m.ID)
		w.str("category", m.Category)
		w.str("heading", m.Heading)
		w.str("title", m.Title)
		w.clause("clause", m.Clause)
		w.str("basis", m.Basis)
		w.array("inputs")
		for _, in := range m.Inputs {
			w.object("")
			w.str("name", in.Name)
			w.str("label", in.Label)
			w.str("kind", string(in.Kind))
			w.str("unit", in.Unit)
			w.str("hint", in.Hint)
			w.end()
		}
		w.end()
		w.bands("bands", m.Bands)
		w.array("tables")
		for _, t := range m.Tables {
			w.object("")
			w.interval(&t.Interval)
			w.clause("clause", t.Clause)
			w.str("heading", t.Heading)
			w.str("basis", t.Basis)
			w.bands("bands", t.Bands)
			w.end()
		}
		w.end()
		w.end()
	}
	w.end()
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

func inputType(name string) *rules.Error {
	return &rules.Error{Code: "input.type", Input: name, Message: "输入“" + name + "”须为字符串（如 \"800\" 或 \"800万元\"），以免金额因浮点数失真。"}
}

func internalError() *rules.Error {
	return &rules.Error{Code: "internal", Message: "内部错误，未能给出答复。请联系网站维护人员。"}
}
