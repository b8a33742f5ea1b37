package wasmbuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// decimalModule is the one dependency of package rules outside the
// standard library.
const decimalModule = "github.com/shopspring/decimal"

// withoutFmt makes a copy of package decimal whose package-level
// variables do not call fmt or NewFromFloat, and writes into dir a go.mod
// that is the module's own with a replace directive for that copy; it
// returns the path of that go.mod, for go build -modfile. (go build
// -overlay would be simpler, but it may not replace files of the module
// cache.)
//
// Why: decimal's init builds an error with fmt.Errorf and its
// trigonometric constants with NewFromFloat, whose panic path calls
// fmt.Sprintf. A package's init always runs, so these few calls link all
// of fmt, and with it reflect, os and their dependencies, into rules.wasm:
// about 250 KB of its 3 MB budget, for code that rules never runs. The
// copy builds the same values without fmt: errors.New(s) is what
// fmt.Errorf(s) returns for a constant s without verbs, and New(c, e) is
// the decimal NewFromFloat(x) returns, with its coefficient c and
// exponent e computed here by NewFromFloat itself; nothing else changes.
// Only rules.wasm is built from the copy; native builds use decimal as
// it is, and the tests of cmd/ruleswasm compare the two on every case.
//
// The copy lives in the module's .cache folder, named by a hash of its
// contents, because the path of a replacement is recorded in the binary:
// a path relative to the module keeps rules.wasm the same from build to
// build. Should a future version of decimal initialize a package-level
// variable with fmt in some other way, withoutFmt fails rather than let
// rules.wasm grow over budget.
func withoutFmt(ctx context.Context, moduleRoot, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-f", "{{.Dir}}", decimalModule)
	cmd.Dir, cmd.Env = moduleRoot, targetEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("wasmbuild: go list %s: %v\n%s", decimalModule, err, stderr.Bytes())
	}
	src := strings.TrimSpace(string(out))
	entries, err := os.ReadDir(src)
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	files := map[string][]byte{}
	h := sha256.New()
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasSuffix(name, "_test.go") || !strings.HasSuffix(name, ".go") && name != "go.mod" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return "", fmt.Errorf("wasmbuild: %w", err)
		}
		if strings.HasSuffix(name, ".go") {
			fixed, err := rewriteInitializers(name, data)
			if err != nil {
				return "", err
			}
			if fixed != nil {
				data = fixed
			}
		}
		files[name] = data
		fmt.Fprintf(h, "%d:%s%d:%s", len(name), name, len(data), data)
	}
	rel := ".cache/wasmbuild-decimal/" + hex.EncodeToString(h.Sum(nil))[:24]
	if err := publish(filepath.Join(moduleRoot, filepath.FromSlash(rel)), files); err != nil {
		return "", err
	}
	mod, err := os.ReadFile(filepath.Join(moduleRoot, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	mod = append(mod, "\nreplace "+decimalModule+" => ./"+rel+"\n"...)
	sum, err := os.ReadFile(filepath.Join(moduleRoot, "go.sum"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	modFile := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(modFile, mod, 0o666); err != nil {
		return "", err
	}
	return modFile, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o666)
}

// publish writes files into the directory dst unless it exists, by
// renaming a complete temporary directory, so that concurrent builds see
// all of it or nothing; its contents depend only on its name.
func publish(dst string, files map[string][]byte) error {
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	parent := filepath.Dir(dst)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fmt.Errorf("wasmbuild: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "tmp-")
	if err != nil {
		return fmt.Errorf("wasmbuild: %w", err)
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o666); err != nil {
			return fmt.Errorf("wasmbuild: %w", err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if _, statErr := os.Stat(dst); statErr != nil {
			return fmt.Errorf("wasmbuild: %w", err)
		}
	}
	return nil
}

// rewriteInitializers returns a copy of the Go file src in which the
// package-level variables no longer call fmt.Errorf or NewFromFloat: a
// call fmt.Errorf(s), s a string constant without verbs, becomes
// errors.New(s), and NewFromFloat(x), x a numeric constant, becomes
// New(c, e) with the coefficient and exponent of NewFromFloat(x). It
// returns nil when there is nothing to rewrite, and an error when a
// package-level variable still refers to fmt or NewFromFloat afterwards.
func rewriteInitializers(name string, src []byte) ([]byte, error) {
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: %v", err)
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	eachInitializerCall(f, func(call *ast.CallExpr, fun string) {
		if len(call.Args) != 1 {
			return
		}
		switch fun {
		case "fmt.Errorf":
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING && !strings.Contains(lit.Value, "%") {
				edits = append(edits, edit{off(call.Fun.Pos()), off(call.Fun.End()), "errors.New"})
			}
		case "NewFromFloat":
			x, ok := constFloat(call.Args[0])
			if !ok {
				return
			}
			d := decimal.NewFromFloat(x)
			if c := d.Coefficient(); c.IsInt64() {
				edits = append(edits, edit{off(call.Pos()), off(call.End()), "New(" + strconv.FormatInt(c.Int64(), 10) + ", " + strconv.Itoa(int(d.Exponent())) + ")"})
			}
		}
	})
	if len(edits) == 0 {
		return nil, nil
	}
	importsErrors := false
	for _, imp := range f.Imports {
		importsErrors = importsErrors || imp.Path.Value == `"errors"`
	}
	if !importsErrors {
		edits = append(edits, edit{off(f.Name.End()), off(f.Name.End()), "\n\nimport \"errors\""})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	// What remains must not call fmt or NewFromFloat at init.
	g, err := parser.ParseFile(token.NewFileSet(), name, out, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: rewriting %s of %s: %v", name, decimalModule, err)
	}
	var left []string
	eachInitializerCall(g, func(call *ast.CallExpr, fun string) {
		if strings.HasPrefix(fun, "fmt.") || fun == "NewFromFloat" {
			left = append(left, fun)
		}
	})
	if len(left) > 0 {
		return nil, fmt.Errorf("wasmbuild: %s of %s still calls %s when initialized; rules.wasm would link package fmt", name, decimalModule, strings.Join(left, ", "))
	}
	return out, nil
}

// eachInitializerCall calls f for every call in the initializers of the
// package-level variables of file, with the name of the function called:
// "NewFromFloat", "fmt.Errorf".
func eachInitializerCall(file *ast.File, f func(call *ast.CallExpr, fun string)) {
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		ast.Inspect(gd, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				switch fun := call.Fun.(type) {
				case *ast.Ident:
					f(call, fun.Name)
				case *ast.SelectorExpr:
					if x, ok := fun.X.(*ast.Ident); ok {
						f(call, x.Name+"."+fun.Sel.Name)
					}
				}
			}
			return true
		})
	}
}

// constFloat returns the value of a numeric literal, or of a negated one,
// as the compiler converts it to float64.
func constFloat(e ast.Expr) (float64, bool) {
	sign := 1.0
	if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
		if u.Op == token.SUB {
			sign = -1
		}
		e = u.X
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || (lit.Kind != token.FLOAT && lit.Kind != token.INT) {
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(lit.Value, "_", ""), 64)
	return sign * x, err == nil
}
