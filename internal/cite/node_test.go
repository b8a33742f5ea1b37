package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"

	"rulesite/internal/testenv"
)

// TestCaseTableNode runs the case table through the TypeScript twin
// (web/lib/cite) in Node.js: both implementations must give every case's
// expected answer.
func TestCaseTableNode(t *testing.T) {
	node := testenv.Node(t)
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{"testdata/harness.ts"},
		Bundle:      true,
		Platform:    api.PlatformNode,
		Format:      api.FormatCommonJS,
		Target:      api.ES2017,
		Write:       false,
		Outfile:     "harness.js",
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var msgs []string
		for _, m := range res.Errors {
			loc := ""
			if m.Location != nil {
				loc = fmt.Sprintf("%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column+1)
			}
			msgs = append(msgs, loc+m.Text)
		}
		t.Fatalf("bundling the harness:\n%s", strings.Join(msgs, "\n"))
	}
	js := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(js, res.OutputFiles[0].Contents, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node, js, "testdata/cases.json")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node harness: %v\n%s", err, stderr.String())
	}
	var got [][]Result
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("harness output: %v", err)
	}
	tab, _ := loadTable(t)
	if len(got) != len(tab.Cases) {
		t.Fatalf("%d answers for %d cases", len(got), len(tab.Cases))
	}
	for i, c := range tab.Cases {
		if d := c.Match(got[i]); d != "" {
			t.Errorf("TypeScript: %s (%q%q): %s", c.Note, c.Parse, c.Scan, d)
		}
	}
}
