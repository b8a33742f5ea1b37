package builder

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The output folder is replaced as a whole, so the build must be sure that
// what it replaces is a site of its own and not, through a slip of -out,
// the content, the project or someone's home folder. The rule, checked
// before anything touches the disk:
//
// -out may name
//   - a path that does not exist;
//   - an empty folder;
//   - a folder this tool built: it holds the stamp file .rulesite, which
//     every build writes at the site root, and no .git or go.mod;
//   - a folder built by a version before the stamp: it holds index.html,
//     sw.js and assets/site.css, and nowhere in it a .git, a go.mod or a
//     *.md file;
//   - a symbolic link to a folder (a deploy switch, public → releases/v12):
//     the new site is built beside the link's target, the link is switched
//     to it in one rename, and the old target is removed only if it holds
//     the stamp.
//
// -out may never name, whatever it holds, a file, the content folder, a
// folder inside the content folder (the next build would read the site),
// the project root (the folder of go.mod), or a folder that contains the
// content folder or the project root. Paths are compared after resolving
// symbolic links.

// stampName is the file at the root of every site the build writes. It
// is served with the site like any file; it says only what made it.
const stampName = ".rulesite"

// stampText is the stamp's content; stampPrefix is what identifies it.
const (
	stampPrefix = "rulesite:"
	stampText   = stampPrefix + " a site built by go run ./cmd/build; the next build replaces this whole folder\n"
)

// outPlan is where a build writes and what it replaces.
type outPlan struct {
	out    string // -out as given, cleaned: what is replaced
	base   string // its last element
	parent string // where the new site is made, beside what it replaces
	prefix string // name prefix of the build's temporary folders in parent
	prev   string // a previous site to hard-link unchanged files from, or ""

	// For a symbolic link: the new site is made in the folder of its
	// target, under a lasting name, and the link switched to it.
	link       bool
	linkTarget string // the link's text, to keep it relative if it was
}

// planOut checks opts.Out against the rule above and says how to replace
// it. It reads the disk but never writes to it.
func planOut(opts Options) (*outPlan, error) {
	out := filepath.Clean(opts.Out)
	name := displayOut(opts, out)
	if st, err := os.Lstat(out); err == nil && st.IsDir() && !strings.HasSuffix(name, "/") {
		name += "/"
	}
	refuse := func(format string, args ...any) error {
		return fmt.Errorf("-out %s: refusing to replace %s: %s", opts.Out, name, fmt.Sprintf(format, args...))
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	content, err := realPath(opts.Content)
	if err != nil {
		return nil, err
	}
	root, err := realPath(opts.ModuleRoot)
	if err != nil {
		return nil, err
	}
	p := &outPlan{
		out:    out,
		base:   filepath.Base(abs),
		parent: filepath.Dir(abs),
		prefix: "." + filepath.Base(abs) + ".new-",
	}
	st, err := os.Lstat(abs)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		p.link = true
		if p.linkTarget, err = os.Readlink(abs); err != nil {
			return nil, err
		}
		target, err := filepath.EvalSymlinks(abs)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, refuse("it is a symbolic link to %s, which does not exist; create that folder or remove the link", p.linkTarget)
		}
		if err != nil {
			return nil, err
		}
		name = fmt.Sprintf("%s (the target of the link %s)", target, name)
	}
	real, err := realPath(abs)
	if err != nil {
		return nil, refuse("%v", err)
	}
	// Where -out itself is: for a link, the link, not its target.
	at, err := realPath(filepath.Dir(abs))
	if err != nil {
		return nil, refuse("%v", err)
	}
	at = filepath.Join(at, p.base)
	contentName := displayOut(opts, opts.Content) + "/"
	switch {
	case real == content:
		return nil, refuse("it is the content folder")
	case real == root:
		return nil, refuse("it is the project root (the folder of go.mod)")
	case within(real, content), within(at, content):
		return nil, refuse("it is inside the content folder %s, and the next build would read the site as content", contentName)
	case within(root, real):
		return nil, refuse("it contains the project root %s", root)
	case within(content, real):
		return nil, refuse("it contains the content folder %s", contentName)
	}
	st, err = os.Stat(real)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, refuse("it is a file, not a folder; choose a folder")
	}
	if p.link {
		// The new site goes beside the target, which is left as it is
		// unless this tool built it.
		p.parent = filepath.Dir(real)
		p.prev = real
		return p, nil
	}
	switch why, err := notReplaceable(real); {
	case err != nil:
		return nil, err
	case why != "":
		return nil, refuse("%s", why)
	}
	p.prev = abs
	return p, nil
}

// notReplaceable says why the folder dir may not be replaced, or "" when
// it may: it is empty, stamped, or a site built before the stamp existed.
// A stamped folder that has since become a repository or a module (a
// deploy checkout of the site) is not replaced either.
func notReplaceable(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	if len(entries) == 0 {
		return "", nil
	}
	if stamped(dir) {
		for _, e := range entries {
			if e.Name() == ".git" || e.Name() == "go.mod" {
				return fmt.Sprintf("it holds %s, which the build would delete with the old site; choose another folder or remove it yourself", e.Name()), nil
			}
		}
		return "", nil
	}
	if unstampedSite(dir) {
		return "", nil
	}
	return fmt.Sprintf("it is not a site this tool built (no %s stamp) and not empty; choose another folder or remove it yourself", stampName), nil
}

// stamped reports whether dir holds the stamp of a site this tool built.
func stamped(dir string) bool {
	p := filepath.Join(dir, stampName)
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() > 4096 {
		return false
	}
	data, err := os.ReadFile(p)
	return err == nil && bytes.HasPrefix(data, []byte(stampPrefix))
}

// unstampedSite reports whether dir looks exactly like a site written by
// a version of this tool before the stamp: the home page, the service
// worker and the style sheet, and nothing of a project or of content.
func unstampedSite(dir string) bool {
	for _, f := range []string{"index.html", "sw.js", "assets/site.css"} {
		st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	foreign := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			foreign = true
			return fs.SkipAll
		}
		name := d.Name()
		if name == ".git" || name == "go.mod" || strings.HasSuffix(name, ".md") {
			foreign = true
			return fs.SkipAll
		}
		return nil
	})
	return !foreign
}

// realPath makes p absolute and resolves the symbolic links of its longest
// existing part, so that two names of one folder compare equal. A broken
// link on the way is an error.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for d := abs; ; {
		real, err := filepath.EvalSymlinks(d)
		if err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				real = filepath.Join(real, rest[i])
			}
			return real, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, err := os.Lstat(d); err == nil {
			// A link to nothing: where it leads cannot be compared, and
			// making folders through it would make them there.
			return "", fmt.Errorf("%s is a symbolic link to a folder that does not exist", d)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, nil
		}
		rest = append(rest, filepath.Base(d))
		d = parent
	}
}

// within reports whether p is strictly inside dir; both are clean and
// absolute.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// displayOut names a path for a message: relative to opts.Display when
// it is inside it, absolute otherwise, so that "/" does not read
// "../../..".
func displayOut(opts Options, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if display, err := filepath.Abs(opts.Display); err == nil && opts.Display != "" && within(abs, display) {
		if rel, err := filepath.Rel(display, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}

var (
	errLocked  = errors.New("locked by another process")
	errNoLocks = errors.New("folder locks are not supported on this system")
)

// removeLeftovers removes the temporary folders that killed builds left in
// parent: folders named prefix…, stamped, whose lock can be taken — a
// build in progress holds the lock of its own, so it keeps it. The .old
// folder of swapByRename is one too. Failures are ignored: a leftover
// costs only space, and the next build tries again.
func removeLeftovers(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.IsDir() {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		old := strings.HasSuffix(e.Name(), ".old") && unstampedSite(dir)
		if !stamped(dir) && !old {
			continue
		}
		release, err := lockDir(dir)
		if err != nil {
			continue
		}
		os.RemoveAll(dir)
		release()
	}
}

// switchLink makes the symbolic link p.out lead to the new site in tmp:
// tmp gets a lasting name beside the old target, a new link is made under
// a temporary name and renamed over p.out, so that readers of p.out see
// the old site or the new one and never nothing. The old target is then
// removed if this tool built it.
func (p *outPlan) switchLink(tmp string) error {
	stem := filepath.Join(p.parent, p.base+"-"+time.Now().UTC().Format("20060102-150405"))
	final := stem
	for i := 2; ; i++ {
		// A name taken, even by a concurrent build in the same second,
		// makes the rename fail (or, for an empty folder, replaces it).
		_, err := os.Lstat(final)
		if errors.Is(err, fs.ErrNotExist) {
			err = os.Rename(tmp, final)
			if err == nil {
				break
			}
		}
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		final = fmt.Sprintf("%s-%d", stem, i)
	}
	// Keep a relative link relative: write it through the folder its old
	// text went through, when that is where the new site is.
	text := final
	dir := p.linkTarget
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(p.out), dir)
	}
	if real, err := realPath(filepath.Dir(dir)); err == nil && real == p.parent {
		text = filepath.Join(filepath.Dir(p.linkTarget), filepath.Base(final))
	}
	tmpLink := filepath.Join(filepath.Dir(p.out), filepath.Base(tmp)+".link")
	if err := os.Symlink(text, tmpLink); err != nil {
		os.RemoveAll(final)
		return err
	}
	// The old target is read again now, not taken from planOut: a
	// concurrent build may have switched the link since.
	old, oldErr := filepath.EvalSymlinks(p.out)
	if err := os.Rename(tmpLink, p.out); err != nil {
		os.Remove(tmpLink)
		os.RemoveAll(final)
		return err
	}
	if oldErr == nil && old != final && stamped(old) {
		return os.RemoveAll(old)
	}
	return nil
}
