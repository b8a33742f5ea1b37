package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"rulesite/internal/testenv"
	"strings"
	"sync"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

// nodeExe returns the path of node, or skips the test (fails it when
// Node.js is required).
func nodeExe(t testing.TB) string { return testenv.Node(t) }

var harness struct {
	once sync.Once
	js   []byte
	err  string
}

// harnessJS bundles testdata/harness.ts, which imports the real modules
// of web/lib/search, with esbuild's Go API for Node.js.
func harnessJS(t testing.TB) string {
	t.Helper()
	harness.once.Do(func() {
		res := api.Build(api.BuildOptions{
			EntryPoints: []string{"testdata/harness.ts"},
			Bundle:      true,
			Platform:    api.PlatformNode,
			Format:      api.FormatCommonJS,
			Target:      api.ES2020,
			Write:       false,
			Outfile:     "harness.js",
			LogLevel:    api.LogLevelSilent,
		})
		var msgs []string
		for _, m := range res.Errors {
			loc := ""
			if m.Location != nil {
				loc = fmt.Sprintf("%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column+1)
			}
			msgs = append(msgs, loc+m.Text)
		}
		if len(msgs) > 0 {
			harness.err = strings.Join(msgs, "\n")
			return
		}
		harness.js = res.OutputFiles[0].Contents
	})
	if harness.err != "" {
		t.Fatalf("bundling the harness:\n%s", harness.err)
	}
	p := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(p, harness.js, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runHarness runs the harness with args and decodes its JSON output into v.
func runHarness(t testing.TB, v any, args ...string) {
	t.Helper()
	node := nodeExe(t)
	js := harnessJS(t)
	cmd := exec.Command(node, append([]string{js}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node harness %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), v); err != nil {
		t.Fatalf("harness output: %v", err)
	}
}

// writeIndex builds the index of units into a temporary folder and
// returns the path of its search/ folder.
func writeIndex(t testing.TB, units []Unit, p params) string {
	t.Helper()
	files, err := buildFiles(units, p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "search")
}

// writeJSON writes v to a temporary file and returns its path.
func writeJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
