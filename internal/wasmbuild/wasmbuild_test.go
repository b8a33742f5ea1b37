package wasmbuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// moduleRoot is the root of this module, two levels up.
func moduleRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// sharedCache is where tests keep compiled results between runs, in the
// module's ignored .cache directory, so that an unchanged rules package
// is compiled once for all test runs.
func sharedCache(t testing.TB) string {
	return filepath.Join(moduleRoot(t), ".cache", "wasmbuild-test")
}

func TestBuildCachesAndIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm twice")
	}
	ctx := context.Background()
	root := moduleRoot(t)
	a, b := t.TempDir(), t.TempDir()
	first, err := Build(ctx, root, a)
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached {
		t.Error("first build in an empty cache reports Cached")
	}
	again, err := Build(ctx, root, a)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.Key != first.Key || !bytes.Equal(again.Wasm, first.Wasm) ||
		!bytes.Equal(again.WasmExec, first.WasmExec) || again.GzipSize != first.GzipSize {
		t.Errorf("second build: Cached %v, same key %v, same bytes %v", again.Cached, again.Key == first.Key, bytes.Equal(again.Wasm, first.Wasm))
	}
	other, err := Build(ctx, root, b)
	if err != nil {
		t.Fatal(err)
	}
	if other.Cached || !bytes.Equal(other.Wasm, first.Wasm) {
		t.Errorf("a fresh compile gave different bytes (%d and %d)", len(other.Wasm), len(first.Wasm))
	}
	if !bytes.HasPrefix(first.Wasm, []byte("\x00asm")) || !bytes.Contains(first.WasmExec, []byte("globalThis.Go")) {
		t.Error("Build did not return a WebAssembly module and the Go loader")
	}
}

// copyModule copies what the key reads into a temporary module.
func copyModule(t *testing.T) string {
	t.Helper()
	src, dst := moduleRoot(t), t.TempDir()
	names := []string{"go.mod", "go.sum"}
	for _, pkg := range packages {
		entries, err := os.ReadDir(filepath.Join(src, pkg))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, pkg+"/"+e.Name())
			}
		}
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, name)), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestKey(t *testing.T) {
	root := copyModule(t)
	settings := []string{"GOVERSION=go1.26.8"}
	key := func() string {
		t.Helper()
		k, err := Key(root, settings)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	appendTo := func(name, text string) {
		t.Helper()
		f, err := os.OpenFile(filepath.Join(root, name), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(text); err != nil {
			t.Fatal(err)
		}
	}
	base := key()
	if key() != base {
		t.Fatal("Key is not stable")
	}
	appendTo("rules/amount_test.go", "\n// a test file does not go into rules.wasm\n")
	if key() != base {
		t.Error("changing a test file changed the key")
	}
	steps := []struct {
		what   string
		change func()
	}{
		{"a rules source", func() { appendTo("rules/data.go", "\n// changed\n") }},
		{"a bridge source", func() { appendTo("cmd/ruleswasm/answer.go", "\n// changed\n") }},
		{"go.sum", func() { appendTo("go.sum", "example.com/x v1.0.0 h1:x=\n") }},
		{"the Go version", func() { settings = []string{"GOVERSION=go1.26.9"} }},
		{"a new source file", func() {
			if err := os.WriteFile(filepath.Join(root, "rules", "new.go"), []byte("package rules\n"), 0o666); err != nil {
				t.Fatal(err)
			}
		}},
	}
	seen := map[string]string{base: "the start"}
	for _, s := range steps {
		s.change()
		k := key()
		if prev, ok := seen[k]; ok {
			t.Errorf("after changing %s the key is the one of %s", s.what, prev)
		}
		seen[k] = s.what
	}

	// The bridge may not import other packages of the module.
	if err := os.WriteFile(filepath.Join(root, "rules", "new.go"), []byte("package rules\n\nimport _ \"rulesite/internal/doc\"\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := Key(root, settings); err == nil || !strings.Contains(err.Error(), "rulesite/internal/doc") {
		t.Errorf("Key with an uncovered import: %v", err)
	}
}

// TestSize holds rules.wasm to its budget and reports its size; run with
// -v to see the figures.
func TestSize(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: compiles rules.wasm")
	}
	r, err := Build(context.Background(), moduleRoot(t), sharedCache(t))
	if err != nil {
		t.Fatal(err)
	}
	goSize, err := goGzipSize(r.Wasm)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("rules.wasm: %d bytes (budget %d); %s: %d bytes (budget %d); compress/gzip at best compression: %d bytes",
		len(r.Wasm), MaxSize, r.GzipBy, r.GzipSize, MaxGzipSize, goSize)
	if len(r.Wasm) > MaxSize {
		t.Errorf("rules.wasm is %d bytes, over the budget of %d", len(r.Wasm), MaxSize)
	}
	if r.GzipSize > MaxGzipSize {
		t.Errorf("rules.wasm is %d bytes gzipped (%s), over the budget of %d", r.GzipSize, r.GzipBy, MaxGzipSize)
	}
	if n, by, err := GzipSize(context.Background(), r.Wasm); err != nil || n != r.GzipSize || by != r.GzipBy {
		t.Errorf("cached gzip size %d (%s), recomputed %d (%s, %v)", r.GzipSize, r.GzipBy, n, by, err)
	}
}

// BenchmarkBuildCached measures a build whose result is cached, the cost
// the site build pays on every run, and reports the size of rules.wasm.
func BenchmarkBuildCached(b *testing.B) {
	ctx := context.Background()
	root, cache := moduleRoot(b), sharedCache(b)
	r, err := Build(ctx, root, cache)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if r, err = Build(ctx, root, cache); err != nil || !r.Cached {
			b.Fatalf("Build: cached %v, %v", r != nil && r.Cached, err)
		}
	}
	b.ReportMetric(float64(len(r.Wasm)), "wasm-bytes")
	b.ReportMetric(float64(r.GzipSize), "wasm-gzip9-bytes")
}
