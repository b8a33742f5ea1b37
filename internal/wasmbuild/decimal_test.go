package wasmbuild

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestRewriteInitializers(t *testing.T) {
	src := `package decimal

import (
	"fmt"
	"math"
)

var errX = fmt.Errorf("cannot represent it")

var (
	a = NewFromFloat(7.85398125648498535156e-1) // comment
	b = NewFromFloat(-2.5)
	c = NewFromFloat(math.Pi) // not a constant: left alone, and reported
)

var table = [...]Decimal{
	NewFromFloat(1e3),
	New(5, -1),
}

func f(j int) Decimal { return NewFromFloat(float64(j)) } // not an initializer

func g() error { return fmt.Errorf("%d", 1) }
`
	_, err := rewriteInitializers("x.go", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "still calls NewFromFloat") {
		t.Fatalf("rewriteInitializers with a call it cannot rewrite: %v", err)
	}
	src = strings.Replace(src, "\tc = NewFromFloat(math.Pi) // not a constant: left alone, and reported\n", "\tc = math.Pi\n", 1)
	out, err := rewriteInitializers("x.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		"package decimal\n", "package decimal\n\nimport \"errors\"\n",
		`fmt.Errorf("cannot represent it")`, `errors.New("cannot represent it")`,
		"NewFromFloat(7.85398125648498535156e-1)", "New(7853981256484985, -16)",
		"NewFromFloat(-2.5)", "New(-25, -1)",
		"NewFromFloat(1e3)", "New(1, 3)",
	).Replace(src)
	if string(out) != want {
		t.Errorf("rewriteInitializers gave\n%s\nwant\n%s", out, want)
	}
	if out, err := rewriteInitializers("y.go", []byte("package decimal\n\nvar x = New(1, 0)\n")); out != nil || err != nil {
		t.Errorf("nothing to rewrite: %q, %v", out, err)
	}
}

// TestRewriteKeepsValues rewrites decimal's own files and checks that
// every constant rewritten has the value NewFromFloat gives it, to the
// coefficient and exponent.
func TestRewriteKeepsValues(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", decimalModule).Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := strings.TrimSpace(string(out))
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	rewritten := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fixed, err := rewriteInitializers(filepath.Base(name), src)
		if err != nil {
			t.Fatal(err)
		}
		if fixed == nil {
			continue
		}
		// Pair the calls of the original with those of the copy, in
		// order.
		calls := func(src []byte) []string {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			eachInitializerCall(f, func(call *ast.CallExpr, fun string) {
				var args []string
				for _, a := range call.Args {
					args = append(args, string(src[fset.Position(a.Pos()).Offset:fset.Position(a.End()).Offset]))
				}
				list = append(list, fun+"("+strings.Join(args, ",")+")")
			})
			return list
		}
		before, after := calls(src), calls(fixed)
		if len(before) != len(after) {
			t.Fatalf("%s: %d calls before, %d after", name, len(before), len(after))
		}
		for i := range before {
			b, a := before[i], after[i]
			switch {
			case strings.HasPrefix(b, "NewFromFloat("):
				x, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(b, "NewFromFloat("), ")"), 64)
				args := strings.Split(strings.TrimSuffix(strings.TrimPrefix(a, "New("), ")"), ",")
				if err != nil || len(args) != 2 {
					t.Errorf("%s: %s became %s", name, b, a)
					continue
				}
				c, _ := strconv.ParseInt(args[0], 10, 64)
				e, _ := strconv.Atoi(args[1])
				d := decimal.NewFromFloat(x)
				if d.Coefficient().Int64() != c || int(d.Exponent()) != e || !decimal.New(c, int32(e)).Equal(d) {
					t.Errorf("%s: %s became %s", name, b, a)
				}
				rewritten++
			case strings.HasPrefix(b, "fmt.Errorf("):
				if a != "errors.New("+strings.TrimPrefix(b, "fmt.Errorf(") {
					t.Errorf("%s: %s became %s", name, b, a)
				}
				rewritten++
			case a != b:
				t.Errorf("%s: %s became %s", name, b, a)
			}
		}
	}
	if rewritten == 0 {
		t.Error("nothing in decimal was rewritten; is the copy still needed?")
	}
}

// TestNoFmt makes sure that the copy of decimal keeps package fmt out of
// rules.wasm: fmt's "%!(NOVERB)" is not in it.
func TestNoFmt(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm")
	}
	r, err := Build(context.Background(), moduleRoot(t), sharedCache(t))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(r.Wasm, []byte("%!(NOVERB)")) {
		t.Error("rules.wasm links package fmt")
	}
}
