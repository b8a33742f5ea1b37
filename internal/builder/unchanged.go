package builder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"

	"rulesite/internal/keyhash"
	"rulesite/internal/versions"
	"rulesite/internal/wasmbuild"
)

// A build whose inputs are all as they were for the site in place, and
// whose site is as that build left it, has nothing to write: the site in
// place is, byte for byte, the one it would make. It then writes nothing
// and prints the previous build's report. The inputs are digested whole
// (inputsDigest) and the digest recorded with the pages' keys (see
// pageReuse); the site is checked against its list of files: every file
// listed, at its size, and no other.

// inputsDigest digests everything a build's output is made of but the
// WebAssembly module: every file of the content, template and web
// folders (names and bytes), the program, and the options that reach the
// output or the printed report. It returns "" when something cannot be
// read: the build then makes the site. It is taken before the build
// reads anything, so that a file changed while the build runs makes the
// next build's digest differ from the one recorded.
func inputsDigest(opts Options, src Sources, wasm bool) string {
	code := programIdentity()
	if code == "" {
		return ""
	}
	h := sha256.New()
	keyhash.Strings(h, "rulesite inputs 1", code, src.BaseURL, versions.Today(src.AsOf),
		strconv.FormatBool(src.Strict), strconv.FormatBool(wasm), opts.Display, src.ContentDir, src.TemplatesDir, src.WebDir)
	for _, dir := range []fs.FS{src.Content, src.Templates, src.Web} {
		if err := digestTree(h, dir); err != nil {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// withModule completes the digest of the inputs with the key of the
// WebAssembly module ("" for a build without it); "" if either is
// unknown.
func withModule(inputs, moduleKey string, wasm bool) string {
	if inputs == "" || (wasm && moduleKey == "") {
		return ""
	}
	h := sha256.New()
	keyhash.Strings(h, inputs, moduleKey)
	return hex.EncodeToString(h.Sum(nil))
}

// digestTree adds the path and bytes of every file under fsys to h, in
// the order of their paths. Links to files are followed, as the build
// follows them; links to folders are not, as the build does not; what is
// no regular file (a pipe, a device) is digested by its kind alone,
// never opened.
func digestTree(h hash.Hash, fsys fs.FS) error {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, p := range files {
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return err
		}
		if !st.Mode().IsRegular() {
			keyhash.Strings(h, p, st.Mode().Type().String())
			continue
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		keyhash.Strings(h, p, strconv.FormatInt(st.Size(), 10))
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// unchangedSite returns the report of the build that made the site in
// place, if that build had the inputs digested as inputs (and the same
// module), was made by this program with this cache, and the site holds
// exactly the files its list names, at their sizes. The module's key,
// which asks the go command, is sought only when all else agrees.
func unchangedSite(ctx context.Context, opts Options, inputs string, wasm bool) (*lastReport, bool) {
	if inputs == "" || opts.CacheDir == "" {
		return nil, false
	}
	plan, err := planOut(opts)
	if err != nil || plan.prev == "" {
		return nil, false
	}
	before, site := readFileSums(filepath.Join(plan.prev, filesName))
	if before == nil {
		return nil, false
	}
	rec, ok := readRecord(recordPath(opts.CacheDir, opts.Out), programIdentity(), site)
	if !ok || rec.inputs == "" || rec.report == nil {
		return nil, false
	}
	key := ""
	if wasm {
		if key, err = wasmbuild.CurrentKey(ctx, opts.ModuleRoot); err != nil {
			return nil, false
		}
	}
	if withModule(inputs, key, wasm) != rec.inputs || !siteIsListed(plan.prev, before) {
		return nil, false
	}
	return rec.report, true
}

// siteIsListed reports whether the folder dir holds exactly the files of
// list (besides the list and the stamp), each at its size.
func siteIsListed(dir string, list map[string]fileSum) bool {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == filesName || rel == stampName {
			return nil
		}
		s, ok := list[rel]
		info, err := d.Info()
		if !ok || err != nil || !info.Mode().IsRegular() || info.Size() != s.size {
			return fs.ErrNotExist
		}
		n++
		return nil
	})
	return err == nil && n == len(list)
}

// lastReport is what a build printed besides its stages, and its
// counts, for a build that finds nothing to do to print again.
type lastReport struct {
	docs, articles, warnings int
	text                     string // the warnings' summary and the references' figures
}

// stageLine is the summary of a build that found its site unchanged.
func (l *lastReport) stageLine() string {
	s := fmt.Sprintf("%d documents, %d articles", l.docs, l.articles)
	switch {
	case l.warnings == 1:
		s += ", 1 warning"
	case l.warnings > 1:
		s += fmt.Sprintf(", %d warnings", l.warnings)
	}
	return s + "; nothing changed, nothing written"
}
