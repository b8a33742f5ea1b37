package builder

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Derived files — the bundled scripts and styles, rules.wasm as base64 —
// are kept in the cache folder beside the compiled module, named by a
// hash of everything they are made from, so that a build whose web
// sources and rules did not change copies them instead of making them
// again (esbuild and base64 cost more than the rest of a small site).

// cacheKeep is how many entries of each kind the cache keeps: enough to
// switch between a few branches without rebuilding.
const cacheKeep = 4

// cached returns the bytes of the cache entry kind-key in dir, or makes
// them with make and stores them there. An unreadable or unwritable cache
// only costs the time of make; dir "" disables the cache.
func cached(dir, kind, key string, make func() ([]byte, error)) ([]byte, bool, error) {
	if dir == "" {
		data, err := make()
		return data, false, err
	}
	name := filepath.Join(dir, kind+"-"+key)
	if data, err := os.ReadFile(name); err == nil {
		// Touch it, so that pruning keeps the entries in use.
		now := time.Now()
		os.Chtimes(name, now, now)
		return data, true, nil
	}
	data, err := make()
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(dir, 0o777); err == nil {
		if tmp, err := os.CreateTemp(dir, "tmp-"+kind+"-"); err == nil {
			_, werr := tmp.Write(data)
			if cerr := tmp.Close(); werr == nil && cerr == nil && os.Rename(tmp.Name(), name) == nil {
				pruneCache(dir, kind, cacheKeep)
			} else {
				os.Remove(tmp.Name())
			}
		}
	}
	return data, false, nil
}

// pruneCache removes all but the keep newest entries of kind, and the
// temporary files of kind that an interrupted build left (an hour old: a
// build running now may be writing one).
func pruneCache(dir, kind string, keep int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type entry struct {
		name string
		mod  time.Time
	}
	var all []entry
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() {
			continue
		}
		switch {
		case strings.HasPrefix(e.Name(), "tmp-"+kind+"-"):
			if time.Since(info.ModTime()) > time.Hour {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		case strings.HasPrefix(e.Name(), kind+"-"):
			all = append(all, entry{e.Name(), info.ModTime()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod.After(all[j].mod) })
	for i := keep; i < len(all); i++ {
		os.Remove(filepath.Join(dir, all[i].name))
	}
}

// packFiles serializes a set of files, sorted by path: for each, the
// path, a newline, the length in decimal, a newline and the bytes.
func packFiles(files map[string][]byte) []byte {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&b, "%s\n%d\n", p, len(files[p]))
		b.Write(files[p])
	}
	return b.Bytes()
}

// unpackFiles reverses packFiles.
func unpackFiles(data []byte) (map[string][]byte, error) {
	files := map[string][]byte{}
	for len(data) > 0 {
		p, rest, ok1 := bytes.Cut(data, []byte("\n"))
		n, rest, ok2 := bytes.Cut(rest, []byte("\n"))
		size, err := strconv.Atoi(string(n))
		if !ok1 || !ok2 || err != nil || size < 0 || size > len(rest) {
			return nil, errors.New("damaged cache entry")
		}
		files[string(p)] = rest[:size:size]
		data = rest[size:]
	}
	return files, nil
}
