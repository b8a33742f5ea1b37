//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself: the bridge only makes sense compiled to
// WebAssembly, which internal/wasmbuild does.
func main() {
	fmt.Fprintln(os.Stderr, "ruleswasm: build with GOOS=js GOARCH=wasm (internal/wasmbuild does this for the site build)")
	os.Exit(2)
}
