package rules

import (
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPureLeaf keeps the package a pure leaf: the standard library and
// shopspring/decimal only, and nothing that does I/O or would bloat the
// WebAssembly build.
func TestPureLeaf(t *testing.T) {
	forbidden := []string{"os", "io/ioutil", "io/fs", "net", "syscall", "embed", "plugin", "unsafe",
		"reflect", "text/template", "html/template", "encoding/json", "fmt", "log"}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(p, "/")
			if strings.Contains(first, ".") && p != "github.com/shopspring/decimal" {
				t.Errorf("%s imports %s: rules may import only the standard library and shopspring/decimal", name, p)
			}
			for _, f := range forbidden {
				if p == f || strings.HasPrefix(p, f+"/") {
					t.Errorf("%s imports %s, which rules must not use", name, p)
				}
			}
		}
	}
}
