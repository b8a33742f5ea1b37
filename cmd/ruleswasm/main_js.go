//go:build js && wasm

package main

import (
	"syscall/js"

	"rulesite/rules"
)

var (
	jsObject  = js.Global().Get("Object")
	jsArray   = js.Global().Get("Array")
	jsonParse = js.Global().Get("JSON").Get("parse")
)

// The functions that read a request (see readRequest), taken when the
// program starts so that a page that replaces them later does not
// change how requests are read.
var (
	reflectGet   = js.Global().Get("Reflect").Get("get")
	reflectApply = js.Global().Get("Reflect").Get("apply")
	objectKeys   = jsObject.Get("keys")
	isArray      = jsArray.Get("isArray")
	stringSlice  = js.Global().Get("String").Get("prototype").Get("slice")
)

// functions are the functions of globalThis.rules, each answering from
// the call's arguments.
var functions = []struct {
	name string
	call func(args []js.Value) js.Value
}{
	{"matters", func(_ []js.Value) js.Value { return matters() }},
	{"route", func(args []js.Value) js.Value {
		return answer(func(w *writer) { w.route(readRequest(args)) })
	}},
}

func main() {
	api := jsObject.New()
	api.Set("apiVersion", apiVersion)
	for _, f := range functions {
		call := f.call
		api.Set(f.name, js.FuncOf(func(_ js.Value, args []js.Value) any { return call(args) }))
	}
	js.Global().Set("rules", api)
	// Block forever: the functions above run on this program, so it must
	// not exit.
	select {}
}

// answer writes an answer with f and returns it as a new JavaScript
// value, parsed from the JSON text of the answer. A panic, a fault of
// the bridge or of package rules, becomes the error internal instead of
// ending the program for every later call. (An exception thrown while
// the request is read is not one: readRequest answers it as
// request.unreadable.)
func answer(f func(w *writer)) js.Value {
	return jsonParse.Invoke(answerText(f))
}

func answerText(f func(w *writer)) (text string) {
	defer func() {
		if recover() != nil {
			w := &writer{}
			w.errorAnswer(internalError())
			text = encode(w.ops)
		}
	}()
	w := &writer{}
	f(w)
	return encode(w.ops)
}

// matters returns rules.matters(): its text is written once, for it
// never changes, and every call parses a fresh copy for its caller.
func matters() js.Value {
	if mattersText == "" {
		mattersText = answerText(func(w *writer) { w.matters() })
	}
	return jsonParse.Invoke(mattersText)
}

var mattersText string

// readRequest reads the arguments of rules.route into plain Go values.
//
// The request belongs to the caller: a property may be a getter, the
// object or its inputs a Proxy whose traps throw, or a revoked Proxy.
// Value.Get, Value.InstanceOf and friends would let such an exception
// unwind through the Go program (wasm_exec.js catches nothing there):
// rules.route would throw, and the Go call it left unfinished would
// keep its memory for good. So every read that can run the caller's
// code is a call, with Value.Invoke, of one of the functions taken from
// the global object at start (reflectGet, objectKeys, isArray):
// wasm_exec.js catches the exception there and Invoke panics with a
// js.Error, which becomes request.unreadable.
//
// Only matter, inputs and the inputs that the matter takes are read,
// each once: the names of the other inputs are enough to answer
// input.unknown, which comes first, and a matter that is not known
// needs no inputs at all. So a getter of an input the matter does not
// take never runs, a cyclic object is never followed, and the memory a
// request costs is bounded however big it is (see maxString).
func readRequest(args []js.Value) (req request, err *rules.Error) {
	req.inputs = map[string]string{}
	at := "" // the input being read, for request.unreadable
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(js.Error); !ok {
				panic(r)
			}
			req, err = request{inputs: map[string]string{}}, unreadable(at)
		}
	}()
	if len(args) == 0 || !isObject(args[0]) {
		return req, invalidRequest("须传入一个对象")
	}
	m, in := reflectGet.Invoke(args[0], "matter"), reflectGet.Invoke(args[0], "inputs")
	switch t := typeOf(m); {
	case t == js.TypeString:
		req.matter = readString(m)
	case !isAbsent(m):
		return req, invalidRequest("matter 须为字符串")
	}
	if isAbsent(in) {
		return req, nil
	}
	if !isObject(in) {
		return req, invalidRequest("inputs 须为对象")
	}
	names := inputNames(req.matter)
	if names == nil {
		return req, nil // rules answers matter.empty or matter.unknown
	}
	// Object.keys lists the own enumerable string keys, as before; the
	// least unknown one is all that rules needs to answer input.unknown.
	keys := objectKeys.Invoke(in)
	present := make([]bool, len(names))
	unknown, anyUnknown := "", false
	for i, n := 0, keys.Length(); i < n; i++ {
		k, known := readString(keys.Index(i)), false
		for j, name := range names {
			if k == name {
				present[j], known = true, true
			}
		}
		if !known && (!anyUnknown || k < unknown) {
			unknown, anyUnknown = k, true
		}
	}
	if anyUnknown {
		req.inputs[unknown] = ""
		return req, nil
	}
	for j, name := range names {
		if !present[j] {
			continue
		}
		at = name
		v := reflectGet.Invoke(in, name)
		if typeOf(v) != js.TypeString {
			return req, inputType(name)
		}
		req.inputs[name] = readString(v)
	}
	return req, nil
}

// inputNames returns the names of the inputs of the matter or procedure
// with the given id, in the order a form asks them, or nil when there is
// none with that id.
func inputNames(id string) []string {
	if inputsOf == nil {
		// Built once: package rules builds a fresh catalogue for every
		// lookup, which would double the cost of a call.
		inputsOf = map[string][]string{}
		add := func(id string, inputs []rules.Input) {
			names := make([]string, len(inputs))
			for i, in := range inputs {
				names[i] = in.Name
			}
			inputsOf[id] = names
		}
		for _, m := range rules.Matters() {
			add(m.ID, m.Inputs)
		}
		for _, p := range rules.Procedures() {
			add(p.ID, p.Inputs)
		}
	}
	return inputsOf[id]
}

// inputsOf maps the id of every matter and procedure to the names of its
// inputs; see inputNames.
var inputsOf map[string][]string

// maxString bounds the UTF-16 code units read of a string of the
// request. No matter id, input name, option or amount comes near it: an
// amount has at most 64 characters, and 1024 code units are at least
// 512. A longer string is therefore wrong whatever follows, and its
// first 1024 code units give the same answer, quoting the same first 20
// characters, while a string of hundreds of megabytes never reaches the
// memory of the Go program, which would never give it back.
const maxString = 1024

// readString returns the JavaScript string v, cut to maxString code
// units. (Value.Length does not take strings, so the cut is made
// whatever the length.)
func readString(v js.Value) string {
	return reflectApply.Invoke(stringSlice, v, []any{0, maxString}).String()
}

// typeBigInt is what typeOf answers for a BigInt, which Value.Type does
// not know: it panics with "bad type flag".
const typeBigInt js.Type = -1

// typeOf returns the type of v, or typeBigInt for a BigInt.
func typeOf(v js.Value) (t js.Type) {
	defer func() {
		if recover() != nil {
			t = typeBigInt
		}
	}()
	return v.Type()
}

// isObject reports whether v is an object other than an array or null.
// Array.isArray, unlike instanceof, consults no Proxy trap; it throws
// only for a revoked Proxy.
func isObject(v js.Value) bool {
	return typeOf(v) == js.TypeObject && !isArray.Invoke(v).Bool()
}

// isAbsent reports whether v is undefined or null.
func isAbsent(v js.Value) bool {
	return v.IsUndefined() || v.IsNull()
}
