package webbuild

import (
	"os/exec"
	"path/filepath"
	"rulesite/internal/testenv"
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
	tsc := testenv.TSC(t)
	for _, config := range []string{"tsconfig.json", "tsconfig.sw.json"} {
		cmd := exec.Command(tsc, "--pretty", "false", "-p", filepath.Join("..", "..", "web", config))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("tsc -p web/%s: %v\n%s", config, err, out)
		}
	}
}
