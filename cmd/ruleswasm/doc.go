// Command ruleswasm is the WebAssembly bridge to package rules: compiled
// with GOOS=js GOARCH=wasm (by internal/wasmbuild), it defines
// globalThis.rules in browsers and in Node.js alike, then keeps the Go
// program alive so that the functions stay callable.
//
// The contract of globalThis.rules is documented in README.md beside
// this file; other intranet systems embed rules.wasm, so it is kept
// stable and versioned by apiVersion.
//
// The answers are built as trees of plain values (answer.go, no build
// tag) so that the native tests can build exactly the same shapes and
// compare them with what the compiled module returns in Node.js; only
// the hand-over to JavaScript lives in the js/wasm build (main_js.go):
// each answer is written as JSON text (encode) and built by one call of
// JSON.parse, which costs a fraction of building it value by value
// through syscall/js; rules.matters() is written once. The bridge uses
// neither encoding/json nor fmt, which keeps rules.wasm small.
package main
