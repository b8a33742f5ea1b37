package builder

import (
	"bytes"
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
	prev := ""
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		prev = out
	}
	if err := writeAll(tmp, prev, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := swap(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("replacing %s: %w", out, err)
	}
	return nil
}

// writeAll writes the files under dir, on every CPU. A file whose bytes
// equal those of the same file under prev (the site being replaced) is
// hard-linked from there instead of written: most of a rebuild is
// unchanged, and the WebAssembly alone is several megabytes.
func writeAll(dir, prev string, files []site.File) error {
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
				dst := filepath.Join(dir, filepath.FromSlash(f.Path))
				if prev != "" {
					old := filepath.Join(prev, filepath.FromSlash(f.Path))
					if sameContent(old, f.Data) && os.Link(old, dst) == nil {
						continue
					}
				}
				if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
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

// sameContent reports whether the regular file at p holds exactly data.
func sameContent(p string, data []byte) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(p)
	return err == nil && bytes.Equal(old, data)
}
