package builder

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"rulesite/internal/diag"
	"rulesite/internal/site"
)

// WriteAtomic writes files into a fresh folder beside out and then swaps
// it into place, so that readers see either the old site or the new one,
// never a mixture, and a failure leaves the old site as it was.
func WriteAtomic(out string, files []site.File) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := swap(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("replacing %s: %w", out, err)
	}
	return nil
}

// writeAll writes the files under dir, on every CPU.
func writeAll(dir string, files []site.File) error {
	dirs := map[string]bool{}
	for _, f := range files {
		if !validPath(f.Path) {
			return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		if d := filepath.Dir(filepath.FromSlash(f.Path)); d != "." {
			dirs[d] = true
		}
	}
	for _, d := range sortedKeys(dirs) {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs diag.List
	)
	next := make(chan site.File)
	for w := 0; w < 2*runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data, 0o644); err != nil {
					mu.Lock()
					errs.Add(diag.Pos{Path: f.Path}, err.Error())
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return errs.Err()
}

func validPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Parents sort before their children, so MkdirAll does little work.
	sortStrings(keys)
	return keys
}
