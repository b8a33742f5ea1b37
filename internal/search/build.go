package search

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"rulesite/internal/keyhash"
)

// Unit is one searchable article.
type Unit struct {
	URL     string  // page path relative to the site root, e.g. "kzfz-2021-7/22.html"
	Label   string  // the article's number as shown, e.g. "第二十二条" or "二十二、"
	Doc     string  // document title, e.g. 重庆市开州区人民政府工作规则
	Chapter string  // heading of the division holding it, e.g. "第5章   实行科学民主决策"; "" if none
	Blocks  []Block // the article's text, in order
	// Status is the validity of the article's version as results show it,
	// e.g. 现行有效 or 已修改（2017年修正）; "" when the files give none.
	Status string
	// Old marks an article of a version not in force (amended, repealed,
	// not yet in force): a query leaves it out unless all versions are
	// asked for.
	Old bool
}

// Block is one citable piece of an article's text.
type Block struct {
	Anchor string // fragment of the paragraph, item or sub-item: "p2", "i3", "i3-1"; "" = the article itself
	Cite   string // its short citation, e.g. 第二十二条第（三）项第1目; "" = the article's label
	Text   string // as written
}

// FormatVersion is the version of the index files, stored in meta.js; the
// client refuses an index of another version.
const FormatVersion = 3

// chunkArticles is the number of articles, in reading order, that one text
// file holds.
const chunkArticles = 4

// params tunes the index. The defaults come from BenchmarkQueriesCorpus:
// they keep what a typical query downloads within the budgets of issue 5.
// Tests shrink them to exercise every path on a small text.
type params struct {
	// extendAbove is the number of occurrences above which a gram is
	// extended by every character that follows it, so that a query for
	// a longer string downloads the positions of that string, not of
	// its common prefix (行政处罚 rather than 行政).
	extendAbove int

	// maxGram bounds extension, so that a text repeated thousands of
	// times does not make a chain of ever longer grams.
	maxGram int

	// A list of at most inlineMax bytes is kept in the dictionary file
	// of its gram; one of at most packMax bytes in the pack file of the
	// same partition; a longer one in a file of its own.
	inlineMax, packMax int

	// dictTarget is the size in bytes a dictionary file should have; it
	// decides the number of partitions.
	dictTarget int

	// chunk is the number of articles of a text file.
	chunk int

	// impactMin is the number of articles above which a term's list is
	// also stored in impact order, so that a query of the term alone
	// reads the first articles of its ranking, not the whole list.
	impactMin int

	// impactHead are the sizes of the segments of an impact-ordered list:
	// the first answers the first page and a few more, the second most
	// paging. Only these are stored: a reader who pages past them gets
	// the rest of the ranking from the term's whole list, ranked the same
	// way.
	impactHead []int

	// passTarget bounds the number of text positions whose grams are
	// collected at once: grams are made one group of first characters
	// at a time, each group holding about this many positions.
	passTarget int

	// workers is the number of goroutines encoding lists; the bytes do
	// not depend on it.
	workers int

	// spillBytes bounds the bytes of dictionary entries and packed lists
	// held in memory before they are written to a sorted run on disk, in
	// spillDir ("" for the system's temporary folder); the bytes of the
	// index do not depend on it.
	spillBytes int
	spillDir   string
}

var defaults = params{
	extendAbove: 1000,
	maxGram:     12,
	inlineMax:   128,
	packMax:     1024,
	dictTarget:  3072,
	chunk:       chunkArticles,
	passTarget:  2_000_000,
	impactMin:   1500,
	impactHead:  []int{64, 960},
	workers:     runtime.GOMAXPROCS(0),
	spillBytes:  16 << 20,
}

// Build returns the files of the index, keyed by path relative to the site
// root (all under "search/"). The format is described in the package
// documentation. Units are in the reading order of the site; a unit's
// position in units is its id in the index.
func Build(units []Unit) (map[string][]byte, error) {
	return buildFiles(units, defaults)
}

// buildFiles builds the index with params p, held in memory.
func buildFiles(units []Unit, p params) (map[string][]byte, error) {
	files := make(map[string][]byte)
	err := build(units, p, false, func(path string, data []byte) error {
		files[path] = data
		return nil
	})
	return files, err
}

// Write builds the index as Build does, handing each file to emit as soon
// as it is complete instead of holding the index: what it holds at once
// is the folded text, the positions of one pass of grams (see
// params.passTarget) and a bounded part of the dictionary (see spill),
// not the index. It consumes units: each is cleared once its text file is
// written, so that the caller must not use them after. The files and
// their bytes are Build's; the order is not.
func Write(units []Unit, emit func(path string, data []byte) error) error {
	return build(units, defaults, true, emit)
}

// build makes the index; with release, it clears each unit once its text
// file is written.
func build(units []Unit, p params, release bool, emit func(string, []byte) error) error {
	if err := check(units); err != nil {
		return err
	}
	// The text files are written while the grams are made; the caller's
	// emit is still called from one goroutine at a time.
	var mu sync.Mutex
	callers := emit
	emit = func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		return callers(path, data)
	}
	old := oldRanges(units)
	c, err := newCorpus(units)
	if err != nil {
		return err
	}
	// From here on the folded text stands for the units, but for the
	// text files, whose writer lets each unit go once it is written.
	var texts sync.WaitGroup
	var textsErr error
	all := units // the goroutine's own, since units is let go below
	texts.Go(func() { textsErr = writeTexts(emit, all, p.chunk, release) })
	defer texts.Wait()
	units = nil
	d := &dictionary{p: p, emit: emit, lens: bucketLengths(), held: spill{dir: p.spillDir, limit: p.spillBytes}}
	defer d.held.close()
	enc := newEncoder(c, d, p.workers)
	err = c.eachGram(p, enc.add)
	if err := enc.close(err != nil); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	parts, err := d.finish()
	if err != nil {
		return err
	}
	if texts.Wait(); textsErr != nil {
		return textsErr
	}
	return c.writeMeta(emit, parts, p.chunk, old)
}

// Digest returns a digest of units: the same code builds the same files
// from units of the same digest, so that a caller that kept the files of
// a previous build with it may keep them.
func Digest(units []Unit) string {
	h := sha256.New()
	for _, u := range units {
		keyhash.Strings(h, u.URL, u.Label, u.Doc, u.Chapter, u.Status, strconv.FormatBool(u.Old), strconv.Itoa(len(u.Blocks)))
		for _, b := range u.Blocks {
			keyhash.Strings(h, b.Anchor, b.Cite, b.Text)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// check reports every unit that cannot be indexed, all at once.
func check(units []Unit) error {
	var errs []string
	seen := make(map[string]int)
	for i, u := range units {
		where := fmt.Sprintf("search: unit %d (%q)", i, u.URL)
		switch {
		case u.URL == "":
			errs = append(errs, where+": empty URL")
		case strings.HasPrefix(u.URL, "/") || strings.Contains(u.URL, "://"):
			errs = append(errs, where+": URL must be relative to the site root")
		case strings.ContainsAny(u.URL, "#?"):
			errs = append(errs, where+": URL must not hold a fragment or a query")
		}
		if j, ok := seen[u.URL]; ok && u.URL != "" {
			errs = append(errs, fmt.Sprintf("%s: same URL as unit %d", where, j))
		} else {
			seen[u.URL] = i
		}
		fields := []string{u.URL, u.Label, u.Doc, u.Chapter, u.Status}
		for _, b := range u.Blocks {
			fields = append(fields, b.Anchor, b.Cite, b.Text)
			if strings.ContainsFunc(b.Anchor, func(r rune) bool { return r == '#' || IsSpace(r) }) {
				errs = append(errs, fmt.Sprintf("%s: bad anchor %q", where, b.Anchor))
			}
		}
		for _, f := range fields {
			if !utf8.ValidString(f) {
				errs = append(errs, where+": invalid UTF-8")
				break
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	es := make([]error, len(errs))
	for i, e := range errs {
		es[i] = errors.New(e)
	}
	return errors.Join(es...)
}

// oldRanges returns the runs of articles of versions not in force, as
// first id and length, one pair after the other.
func oldRanges(units []Unit) []int {
	out := []int{}
	for i := 0; i < len(units); {
		if !units[i].Old {
			i++
			continue
		}
		j := i
		for j < len(units) && units[j].Old {
			j++
		}
		out = append(out, i, j-i)
		i = j
	}
	return out
}
