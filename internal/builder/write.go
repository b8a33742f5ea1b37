package builder

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"rulesite/internal/diag"
)

// writer writes files into a fresh folder beside the output folder while
// the build goes on, and swaps it into place at the end, so that readers
// see either the old site or the new one, never a mixture, and a failure
// leaves the old site as it was.
//
// A file whose bytes equal those of the same file in the site being
// replaced is hard-linked from there instead of created: on some disks
// creating a file (allocating its inode) costs fifty times as much as
// linking one, and most of a rebuild is unchanged. Which files are equal
// is told by the list of digests the previous build left (filesName),
// without reading the old files back; a site without it is compared byte
// by byte.
type writer struct {
	plan      *outPlan
	tmp, prev string
	release   func() // unlocks tmp
	// prevInfo identifies the folder prev when the build began; if
	// another build replaces it meanwhile, files linked from prev may be
	// that build's, and a file kept from it may be gone (prevGone).
	prevInfo os.FileInfo
	prevGone atomic.Bool

	queue  chan outFile
	wg     sync.WaitGroup
	linked atomic.Int64 // files unchanged since the previous site, linked

	// before lists the files of the previous site by path, and beforeID
	// identifies that list; nil and "" when it has none. sumsID
	// identifies the list of the new site's files written by finish.
	before   map[string]fileSum
	beforeID string

	mu     sync.Mutex
	dirs   map[string]*sync.Once
	errs   diag.List
	files  int
	bytes  int
	sumsID string
}

// fileSum identifies a file's bytes: its size and the first half of its
// SHA-256.
type fileSum struct {
	size int64
	sum  [16]byte
}

// newWriter checks that opts.Out may be replaced (see planOut) before it
// touches the disk, removes what killed builds left beside it, and makes
// the folder the new site is written into: stamped, and locked for the
// life of the build.
func newWriter(opts Options) (*writer, error) {
	plan, err := planOut(opts)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(plan.parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(plan.parent, plan.prefix)
	tmp, err := os.MkdirTemp(plan.parent, plan.prefix)
	if err != nil {
		return nil, err
	}
	// The lock comes before the stamp: a stamped temporary folder that is
	// not locked is a leftover.
	release, err := lockDir(tmp)
	switch {
	case errors.Is(err, errNoLocks):
		release = func() {}
	case err != nil:
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err == nil {
		err = os.WriteFile(filepath.Join(tmp, stampName), []byte(stampText), 0o644)
	}
	if err != nil {
		os.RemoveAll(tmp)
		release()
		return nil, err
	}
	w := &writer{
		plan:    plan,
		tmp:     tmp,
		prev:    plan.prev,
		release: release,
		queue:   make(chan outFile, 256),
		dirs:    map[string]*sync.Once{},
	}
	if w.prev != "" {
		w.prevInfo, _ = os.Stat(w.prev)
		w.before, w.beforeID = readFileSums(filepath.Join(w.prev, filesName))
	}
	// Creating a file waits on the disk far more than on the CPU, so
	// many writers keep the disk busy while the pages render.
	for i := 0; i < 16; i++ {
		w.wg.Add(1)
		go w.work()
	}
	return w, nil
}

// add queues files for writing.
func (w *writer) add(files []outFile) error {
	for _, f := range files {
		if !validPath(f.Path) {
			return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		w.mu.Lock()
		w.files++
		w.bytes += int(f.Sum.size)
		w.mu.Unlock()
		w.queue <- f
	}
	return nil
}

func (w *writer) work() {
	defer w.wg.Done()
	for f := range w.queue {
		if err := w.write(f); err != nil {
			w.mu.Lock()
			w.errs.Add(diag.Pos{Filename: f.Path}, err.Error())
			w.mu.Unlock()
		}
	}
}

func (w *writer) write(f outFile) error {
	rel := filepath.FromSlash(f.Path)
	if err := w.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	dst := filepath.Join(w.tmp, rel)
	if f.Reused {
		return w.keep(f, dst)
	}
	if w.prev != "" {
		old := filepath.Join(w.prev, rel)
		same := false
		if w.before != nil {
			// The digest is the previous build's word; the size on
			// disk catches most files edited by hand since (the stamp
			// says the folder is the build's, to be replaced whole).
			was, ok := w.before[f.Path]
			same = ok && was == f.Sum && sizeIs(old, was.size)
		} else {
			same = sameContent(old, f.Data)
		}
		if same && os.Link(old, dst) == nil {
			w.linked.Add(1)
			return nil
		}
	}
	return os.WriteFile(dst, f.Data, 0o644)
}

// keep puts the previous site's file of f's path at dst: a link, or a
// copy where the disk has no links, checked against the digest.
func (w *writer) keep(f outFile, dst string) error {
	if w.prev == "" {
		return fmt.Errorf("no previous site to keep %s from", f.Path)
	}
	old := filepath.Join(w.prev, filepath.FromSlash(f.Path))
	if os.Link(old, dst) == nil {
		w.linked.Add(1)
		return nil
	}
	data, err := os.ReadFile(old)
	if err == nil && digest(data) != f.Sum {
		err = errors.New("changed since the build began")
	}
	if err != nil {
		w.prevGone.Store(true)
		return fmt.Errorf("keeping the previous build's file: %w", err)
	}
	return os.WriteFile(dst, data, 0o644)
}

// errPrevReplaced is finish's error when the site the build linked and
// kept files from was replaced or changed while it ran (by another build
// into the same folder): the new folder is dropped, the site in place is
// left as it is, and the build can be run again from it.
var errPrevReplaced = errors.New("the site being replaced changed while the build ran")

// prevReplaced tells whether the previous site is no longer the one the
// build began with.
func (w *writer) prevReplaced() bool {
	if w.prevGone.Load() {
		return true
	}
	if w.prevInfo == nil {
		return false // no previous site, or none that could be read
	}
	now, err := os.Stat(w.prev)
	return err != nil || !os.SameFile(now, w.prevInfo)
}

// mkdir creates a folder of the new site once, its parents first.
func (w *writer) mkdir(rel string) error {
	if rel == "." {
		return nil
	}
	w.mu.Lock()
	once, ok := w.dirs[rel]
	if !ok {
		once = new(sync.Once)
		w.dirs[rel] = once
	}
	w.mu.Unlock()
	var err error
	once.Do(func() {
		if err = w.mkdir(filepath.Dir(rel)); err == nil {
			err = os.Mkdir(filepath.Join(w.tmp, rel), 0o755)
		}
	})
	// A failure in another goroutine's Do shows up as this file's
	// failure to be created.
	return err
}

// finish waits for the writes, lists them for the next build (sums, the
// digest of every file written, by path) and swaps the new site into
// place.
func (w *writer) finish(sums map[string]fileSum) error {
	close(w.queue)
	w.wg.Wait()
	defer w.release()
	if len(sums) != w.files {
		w.errs.Add(diag.Pos{Filename: filesName}, fmt.Sprintf("%d files written, %d listed", w.files, len(sums)))
	}
	id, err := writeFileSums(filepath.Join(w.tmp, filesName), sums)
	if err != nil {
		w.errs.Add(diag.Pos{Filename: filesName}, err.Error())
	}
	w.sumsID = id
	if w.prevReplaced() {
		os.RemoveAll(w.tmp)
		return errPrevReplaced
	}
	if err := w.errs.Err(); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	replace := swap
	if w.plan.link {
		replace = func(tmp, _ string) error { return w.plan.switchLink(tmp) }
	}
	if err := replace(w.tmp, w.plan.out); err != nil {
		os.RemoveAll(w.tmp)
		return fmt.Errorf("replacing %s: %w", w.plan.out, err)
	}
	return nil
}

// abort stops writing and removes the new folder; the old site stays.
func (w *writer) abort() {
	close(w.queue)
	w.wg.Wait()
	os.RemoveAll(w.tmp)
	w.release()
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

// sizeIs reports whether p is a regular file of size bytes.
func sizeIs(p string, size int64) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode().IsRegular() && st.Size() == size
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
