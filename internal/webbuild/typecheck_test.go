package webbuild

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTypeScript type-checks web/ with the TypeScript compiler in strict
// mode: esbuild only strips types, so without this check a type error
// would reach the browser unnoticed. The page scripts are checked against
// the DOM, the service worker against the WebWorker library.
//
// tsc is $TSC or the first tsc on PATH; it needs Node.js, so the test
// skips without it unless RULESITE_REQUIRE_NODE=1 (as in CI, which
// installs it with npm).
func TestTypeScript(t *testing.T) {
	tsc := os.Getenv("TSC")
	if tsc == "" {
		var err error
		if tsc, err = exec.LookPath("tsc"); err != nil {
			msg := "no TypeScript compiler: set TSC, or install it with `npm install --prefix /tmp/tsc typescript@5` and set TSC=/tmp/tsc/node_modules/.bin/tsc"
			if os.Getenv("RULESITE_REQUIRE_NODE") == "1" {
				t.Fatal(msg)
			}
			t.Skip("skipping: " + msg)
		}
	}
	for _, config := range []string{"tsconfig.json", "tsconfig.sw.json"} {
		cmd := exec.Command(tsc, "--pretty", "false", "-p", filepath.Join("..", "..", "web", config))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("tsc -p web/%s: %v\n%s", config, err, out)
		}
	}
}
