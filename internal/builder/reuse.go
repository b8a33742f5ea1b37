package builder

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"rulesite/internal/site"
)

// A rebuild keeps the pages of every document whose pages' inputs have
// not changed since the previous build into the same output: site.Stream
// asks, document by document, with a key digesting those inputs (see
// site.Input.Unchanged), and the pages of a document whose key is the one
// recorded are linked from the previous site instead of rendered. The
// record is a file of the cache folder, one per output folder, written
// once the new site is in place:
//
//	rulesite pages 2
//	code <digest of the build program>
//	site <digest of the site's list of files, .rulesite-files>
//	search <digest of what the search index was built from>
//	inputs <digest of every input of the build (see inputsDigest)>
//	counts <documents> <articles> <warnings>
//	report <length in bytes>
//	<what the build printed after its stages: warnings, references>
//	<key> <document folder, or path of a page of versions>
//	…
//
// The search index is kept whole when what it is made from is unchanged
// (see search.Digest): after a change of the templates or of the site's
// address, say. When no input changed at all, nothing is made (see
// unchangedSite).
//
// It is used only by the same program (the code that renders is not in
// the keys) and only for the site it describes: the site's list of files
// must be the one the record names, so that a site built since with
// another cache folder, or by hand, is not mistaken for it. What the old
// site holds is then told by that list, as for every unchanged file.
type pageReuse struct {
	record string             // the record's path; "" when there is no cache
	code   string             // identity of this program
	prev   string             // the previous site's folder; "" for none
	before map[string]fileSum // its files
	keys   map[string]string  // folder → key in the previous build; nil: none usable
	search string             // the search index's digest in the previous build

	// inputs digests this build's inputs, "" if unknown; report is what
	// it printed after its stages, with its counts (see lastReport).
	inputs string
	report *lastReport

	mu        sync.Mutex
	now       map[string]string // folder → key in this build
	nowSearch string            // the search index's digest in this build
	units     int               // sets of pages asked about
	kept      int               // sets of pages kept
}

const reuseHeader = "rulesite pages 2"

// newPageReuse reads the record of the output folder out, if any, for
// the site the writer w is replacing.
func newPageReuse(cacheDir, out string, w *writer) *pageReuse {
	r := &pageReuse{prev: w.prev, before: w.before, now: map[string]string{}}
	if cacheDir == "" {
		return r
	}
	code := programIdentity()
	if code == "" {
		return r
	}
	r.record = recordPath(cacheDir, out)
	if r.record == "" {
		return r
	}
	r.code = code
	if w.prev != "" && w.before != nil {
		if rec, ok := readRecord(r.record, code, w.beforeID); ok {
			r.keys, r.search = rec.keys, rec.search
		}
	}
	return r
}

// recordPath is the path of the record of the output folder out in the
// cache folder, "" if out has no absolute path.
func recordPath(cacheDir, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "pages-"+hex.EncodeToString(sum[:8]))
}

// record is what a record holds (see pageReuse).
type record struct {
	keys           map[string]string
	search, inputs string
	report         *lastReport
}

// readRecord reads the record at p if it is this program's and describes
// the site whose list of files is site.
func readRecord(p, code, site string) (record, bool) {
	data, err := os.ReadFile(p)
	if err != nil {
		return record{}, false
	}
	want := reuseHeader + "\ncode " + code + "\nsite " + site + "\n"
	rest, ok := bytes.CutPrefix(data, []byte(want))
	if !ok {
		return record{}, false
	}
	field := func(name string) (string, bool) {
		line, more, _ := bytes.Cut(rest, []byte("\n"))
		v, ok := bytes.CutPrefix(line, []byte(name+" "))
		if !ok {
			return "", false
		}
		rest = more
		return string(v), true
	}
	var rec record
	var ok1, ok2, ok3, ok4 bool
	var counts, length string
	rec.search, ok1 = field("search")
	rec.inputs, ok2 = field("inputs")
	counts, ok3 = field("counts")
	length, ok4 = field("report")
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return record{}, false
	}
	l := &lastReport{}
	n, err := strconv.Atoi(length)
	if _, serr := fmt.Sscanf(counts, "%d %d %d", &l.docs, &l.articles, &l.warnings); serr != nil || err != nil || n < 0 || n > len(rest) {
		return record{}, false
	}
	l.text, rest = string(rest[:n]), rest[n:]
	rec.report = l
	rec.keys = map[string]string{}
	for len(rest) > 0 {
		line, more, _ := bytes.Cut(rest, []byte("\n"))
		rest = more
		key, dir, ok := strings.Cut(string(line), " ")
		if !ok || len(key) != 2*sha256.Size || dir == "" {
			return record{}, false
		}
		rec.keys[dir] = key
	}
	return rec, true
}

// keep tells whether the files of the unit of reuse dir (a document's
// folder, or a page of versions; see site.Input.Unchanged), whose key is
// key, can be kept from the previous site, and returns them as files to
// keep; it records the key either way.
func (r *pageReuse) keep(dir, key string, paths []string) ([]outFile, bool) {
	r.mu.Lock()
	r.now[dir] = key
	r.units++
	old := r.keys[dir]
	r.mu.Unlock()
	if old != key {
		return nil, false
	}
	files := make([]outFile, 0, len(paths))
	for _, p := range paths {
		s, ok := r.before[p]
		// The size on disk catches a page removed or edited by hand
		// since, as for every unchanged file (see writer.write).
		if !ok || !sizeIs(filepath.Join(r.prev, filepath.FromSlash(p)), s.size) {
			return nil, false
		}
		files = append(files, outFile{File: site.File{Path: p}, Sum: s, Reused: true})
	}
	r.mu.Lock()
	r.kept++
	r.mu.Unlock()
	return files, true
}

// keepIndex tells whether the search index of the previous site can be
// kept, its digest being digest, and returns its files to keep; it
// records the digest either way.
func (r *pageReuse) keepIndex(digest string) ([]outFile, bool) {
	r.mu.Lock()
	r.nowSearch = digest
	r.mu.Unlock()
	if r.keys == nil || r.search != digest {
		return nil, false
	}
	var files []outFile
	for p, s := range r.before {
		if !strings.HasPrefix(p, searchDir) {
			continue
		}
		if !sizeIs(filepath.Join(r.prev, filepath.FromSlash(p)), s.size) {
			return nil, false
		}
		files = append(files, outFile{File: site.File{Path: p}, Sum: s, Reused: true})
	}
	if len(files) == 0 {
		return nil, false
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, true
}

// searchDir holds every file of the search index (see internal/search).
const searchDir = "search/"

// write records the keys of this build for the site whose list of files
// is site; called once that site is in place. A record that cannot be
// written costs the next build its time, nothing else; an old one is
// removed first, so that it never outlives the site it describes.
func (r *pageReuse) write(site string) {
	if r.record == "" {
		return
	}
	os.Remove(r.record)
	if site == "" {
		return
	}
	dirs := make([]string, 0, len(r.now))
	for d := range r.now {
		if !strings.ContainsAny(d, " \n") {
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\ncode %s\nsite %s\nsearch %s\ninputs %s\n", reuseHeader, r.code, site, r.nowSearch, r.inputs)
	l := r.report
	if l == nil {
		l = &lastReport{}
	}
	fmt.Fprintf(&b, "counts %d %d %d\nreport %d\n%s", l.docs, l.articles, l.warnings, len(l.text), l.text)
	for _, d := range dirs {
		fmt.Fprintf(&b, "%s %s\n", r.now[d], d)
	}
	dir := filepath.Dir(r.record)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, "tmp-pages-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b.Bytes())
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), r.record) != nil {
		os.Remove(tmp.Name())
		return
	}
	pruneCache(dir, "pages", recordsKeep)
}

// recordsKeep is how many output folders' records the cache keeps, the
// most recently built.
const recordsKeep = 16

var (
	programOnce sync.Once
	programID   string
)

// programIdentity is the digest of the running program's file, "" if it
// cannot be read: the pages a build keeps must have been made by the
// same code.
func programIdentity() string {
	programOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, bufio.NewReaderSize(f, 1<<20)); err == nil {
			programID = hex.EncodeToString(h.Sum(nil))
		}
	})
	return programID
}
