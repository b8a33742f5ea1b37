//go:build js && wasm

package main

import (
	"syscall/js"

	"rulesite/rules"
)

var (
	jsObject = js.Global().Get("Object")
	jsArray  = js.Global().Get("Array")
)

// functions are the functions of globalThis.rules, each writing its
// answer from the call's arguments.
var functions = []struct {
	name  string
	write func(w *writer, args []js.Value)
}{
	{"matters", func(w *writer, _ []js.Value) { w.matters() }},
	{"route", func(w *writer, args []js.Value) { w.route(readRequest(args)) }},
}

func main() {
	api := jsObject.New()
	api.Set("apiVersion", apiVersion)
	for _, f := range functions {
		write := f.write
		api.Set(f.name, js.FuncOf(func(_ js.Value, args []js.Value) any {
			return answer(func(w *writer) { write(w, args) })
		}))
	}
	js.Global().Set("rules", api)
	// Block forever: the functions above run on this program, so it must
	// not exit.
	select {}
}

// answer writes an answer with f and returns it as a JavaScript value. A
// panic (a getter in the request that throws, say) becomes an error
// answer instead of ending the program for every later call.
func answer(f func(w *writer)) (v js.Value) {
	defer func() {
		if recover() != nil {
			w := &writer{}
			w.errorAnswer(internalError())
			v = replay(w.ops)
		}
	}()
	w := &writer{}
	f(w)
	return replay(w.ops)
}

// replay builds the JavaScript value written as ops.
func replay(ops []op) js.Value {
	var stack []js.Value
	var root js.Value
	for _, o := range ops {
		var v js.Value
		switch o.kind {
		case opEnd:
			stack = stack[:len(stack)-1]
			continue
		case opObject:
			v = jsObject.New()
		case opArray:
			v = jsArray.New()
		case opString:
			v = js.ValueOf(o.str)
		case opNumber:
			v = js.ValueOf(o.num)
		case opBool:
			v = js.ValueOf(o.num != 0)
		default:
			v = js.Null()
		}
		switch {
		case len(stack) == 0:
			root = v
		case o.key == "":
			stack[len(stack)-1].Call("push", v)
		default:
			stack[len(stack)-1].Set(o.key, v)
		}
		if o.kind == opObject || o.kind == opArray {
			stack = append(stack, v)
		}
	}
	return root
}

// readRequest reads the arguments of rules.route.
func readRequest(args []js.Value) (request, *rules.Error) {
	req := request{inputs: map[string]string{}}
	if len(args) == 0 || !isObject(args[0]) {
		return req, invalidRequest("须传入一个对象")
	}
	m, in := args[0].Get("matter"), args[0].Get("inputs")
	switch {
	case m.Type() == js.TypeString:
		req.matter = m.String()
	case !isAbsent(m):
		return req, invalidRequest("matter 须为字符串")
	}
	if isAbsent(in) {
		return req, nil
	}
	if !isObject(in) {
		return req, invalidRequest("inputs 须为对象")
	}
	// Object.keys lists own string keys in a fixed order (integer-like
	// keys ascending, then in order of creation), so the first input
	// that is not a string is always the same one.
	keys := jsObject.Call("keys", in)
	for i := 0; i < keys.Length(); i++ {
		k := keys.Index(i).String()
		v := in.Get(k)
		if v.Type() != js.TypeString {
			return req, inputType(k)
		}
		req.inputs[k] = v.String()
	}
	return req, nil
}

// isObject reports whether v is an object other than an array or null.
func isObject(v js.Value) bool {
	return v.Type() == js.TypeObject && !v.InstanceOf(jsArray)
}

// isAbsent reports whether v is undefined or null.
func isAbsent(v js.Value) bool {
	return v.IsUndefined() || v.IsNull()
}
