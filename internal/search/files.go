package search

import (
	"encoding/json"
	"strconv"
	"sync"
)

// Registrar is the global function every index file calls; see the package
// documentation.
const Registrar = "rulesiteIndex"

// Hash is the 32-bit FNV-1a hash of the code points of key, each taken as
// one 32-bit number. The low bits of the hash of a gram choose its
// dictionary partition; web/lib/search/engine.ts computes the same.
func Hash(key string) uint32 {
	h := uint32(2166136261)
	for _, r := range key {
		h ^= uint32(r)
		h *= 16777619
	}
	return h
}

// dictionary collects the entries of the dictionary as the grams come,
// each with its lists encoded at once: a list up to inlineMax bytes stays
// in the entry, one up to packMax bytes goes to the pack of the
// entry's partition, and a longer one is written at once to a file of its
// own, l/<n>.js, numbered in the order the lists come. The entries and
// the lists of the packs wait until the end, when the number of
// partitions is known, in a spill: in memory up to a bound, then on disk.
type dictionary struct {
	p     params
	emit  func(path string, data []byte) error
	held  spill     // the entries, and the packed lists keyed by kind and gram
	total int       // bytes the dictionary files will hold, about
	next  int       // number of the next l/ file
	lens  []float64 // the length of each length bucket
}

// ref places a list and returns how the dictionary refers to it: the
// list itself as a string, 0 for the pack of the partition, or the
// number n of l/<n>.js.
func (d *dictionary) ref(kind byte, key, data string) (json.RawMessage, error) {
	switch {
	case len(data) <= d.p.inlineMax:
		d.total += len(data)
		return jsonOf(data), nil
	case len(data) <= d.p.packMax:
		return json.RawMessage("0"), d.held.add(newRecord(true, string(kind)+key, data))
	}
	n, err := d.file(data)
	return json.RawMessage(strconv.Itoa(n)), err
}

// file writes a list to a file of its own, l/<n>.js, and returns n.
func (d *dictionary) file(data string) (int, error) {
	d.next++
	name := "l/" + strconv.Itoa(d.next)
	return d.next, d.emit("search/"+name+".js", script(name, data))
}

// scratch is the memory one encoder reuses from gram to gram: the
// lists of the most frequent grams are long, and allocating their
// working copies afresh for each made most of the index's garbage.
type scratch struct {
	units, ends []int32 // see corpus.split
	impact      []impactUnit
	buf, list   []byte // a list being encoded, a group's positions
	occs        []occurrence
	pos         []int32
}

// encodedGram is a gram with its lists encoded, ready to be entered in
// the dictionary: encoding is the work, and depends on nothing but the
// gram and the corpus, so that grams are encoded on every CPU; entering
// numbers the long lists' files and must follow the order of the grams.
type encodedGram struct {
	key      string
	extended bool
	lists    []kindList // in the order of the entry's references
	impact   *impactLists
}

// kindList is a list and its kind: 'd' document list, 'p' position list.
type kindList struct {
	kind byte
	data string
}

// impactLists is the impact-ordered list of a gram (see corpus.impact).
type impactLists struct {
	segments    []string
	sizes       []int
	count, olds int
}

// encode encodes the lists of a gram: a single character has its
// document list; a longer gram that is not extended its position list
// grouped by the next character; an extended gram its position list and
// document list. A character or extended gram in more than impactMin
// articles also has its impact-ordered list.
func (d *dictionary) encode(c *corpus, g *gram, s *scratch) encodedGram {
	e := encodedGram{key: g.key, extended: g.extended}
	withImpact := (g.n == 1 || g.extended) && len(g.pos) > d.p.impactMin
	// A list read more than once is walked unit by unit once.
	units := c.walker(g.pos)
	if withImpact || g.extended {
		units = c.split(g.pos, s)
	}
	switch {
	case g.n == 1:
		e.lists = []kindList{{'d', c.docs(units, s)}}
	case g.extended:
		e.lists = []kindList{{'p', c.positions(units, s)}, {'d', c.docs(units, s)}}
	default:
		e.lists = []kindList{{'p', c.groupedPositions(g, s)}}
	}
	if withImpact {
		var x impactLists
		x.segments, x.sizes, x.count, x.olds = c.impact(units, d.p.impactHead, d.lens, s)
		if x.count > d.p.impactMin {
			e.impact = &x
		}
	}
	return e
}

// enter places the lists of an encoded gram and enters it: a single
// character maps to its document list; a longer gram that is not
// extended to its grouped position list; an extended gram to [position
// list, document list]. An impact-ordered list's header follows the
// references: [document list, impact] for a character, [position list,
// document list, impact] for an extended gram. Its segments are written
// after the gram's other lists.
func (d *dictionary) enter(e encodedGram) error {
	parts := make([]json.RawMessage, 0, len(e.lists)+1)
	for _, l := range e.lists {
		r, err := d.ref(l.kind, e.key, l.data)
		if err != nil {
			return err
		}
		parts = append(parts, r)
	}
	if x := e.impact; x != nil {
		files := make([]int, len(x.segments))
		for k, seg := range x.segments {
			var err error
			if files[k], err = d.file(seg); err != nil {
				return err
			}
		}
		parts = append(parts, jsonOf(impactHeader(x.count, x.olds, x.sizes, files)))
	}
	value := parts[0]
	if len(parts) > 1 || e.extended {
		value = jsonOf(parts)
	}
	d.total += len(e.key) + 8
	return d.held.add(newRecord(false, e.key, string(value)))
}

// dictFile is the content of a dictionary file: the entries of the
// partition's grams, and the lists kept beside them (the pack).
type dictFile struct {
	Entries map[string]json.RawMessage `json:"g"`
	Pack    map[string]string          `json:"p"`
}

// finish writes the dictionary files and returns the number of
// partitions. The dictionary is partitioned by Hash: g/<k>.js maps every
// gram whose hash ends in k to its entry, and holds the packed lists of
// those grams beside.
func (d *dictionary) finish() (int, error) {
	parts := 1
	for parts*d.p.dictTarget < d.total {
		parts *= 2
	}
	// The files are made on every CPU a batch of partitions at a time,
	// and handed over in order from this goroutine.
	const batch = 256
	workers := max(d.p.workers, 1)
	type partition struct {
		k       int
		records []record
	}
	todo := make([]partition, 0, batch)
	data := make([][]byte, batch)
	flush := func() error {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(todo); i += workers {
					data[i] = dictData(todo[i].k, todo[i].records)
				}
			})
		}
		wg.Wait()
		for i, t := range todo {
			if err := d.emit("search/g/"+strconv.Itoa(t.k)+".js", data[i]); err != nil {
				return err
			}
			data[i] = nil
		}
		clear(todo)
		todo = todo[:0]
		return nil
	}
	err := d.held.partitions(parts, func(k int, records []record) error {
		todo = append(todo, partition{k, records})
		if len(todo) < batch {
			return nil
		}
		return flush()
	})
	if err == nil {
		err = flush()
	}
	d.held.close()
	if err != nil {
		return 0, err
	}
	return parts, nil
}

// dictData returns the dictionary file of partition k, which holds
// records: every partition has its file, empty or not, since a query for
// a gram that does not occur loads it to learn so.
func dictData(k int, records []record) []byte {
	f := dictFile{Entries: map[string]json.RawMessage{}, Pack: map[string]string{}}
	for _, r := range records {
		if r.pack {
			f.Pack[r.key] = r.value
		} else {
			f.Entries[r.key] = json.RawMessage(r.value)
		}
	}
	return script("g/"+strconv.Itoa(k), f)
}

// textFile is the content of a text file: the articles of one chunk, with
// the titles and headings they refer to by index.
type textFile struct {
	First    int      `json:"a"` // id of the first article
	Docs     []string `json:"d"`
	Chapters []string `json:"c"`
	Statuses []string `json:"s"`
	// Units holds one array per article: URL, label, index in Docs,
	// index in Chapters or -1, the blocks as [anchor, citation, text,
	// anchor, citation, text, …] (a citation "" is the label), and the
	// index in Statuses or -1.
	Units [][]any `json:"u"`
}

// writeTexts writes the articles, chunk to a file t/<n>.js, n being the id
// of the first article divided by chunk; with release, it clears each
// chunk's units once they are written.
func writeTexts(emit func(string, []byte) error, units []Unit, chunk int, release bool) error {
	for first := 0; first < len(units); first += chunk {
		f := textFile{First: first, Chapters: []string{}, Statuses: []string{}}
		docIndex := make(map[string]int)
		chapterIndex := make(map[string]int)
		statusIndex := make(map[string]int)
		for _, u := range units[first:min(first+chunk, len(units))] {
			di := intern(&f.Docs, docIndex, u.Doc)
			ci, si := -1, -1
			if u.Chapter != "" {
				ci = intern(&f.Chapters, chapterIndex, u.Chapter)
			}
			if u.Status != "" {
				si = intern(&f.Statuses, statusIndex, u.Status)
			}
			blocks := make([]string, 0, 3*len(u.Blocks))
			for _, b := range u.Blocks {
				cite := b.Cite
				if cite == u.Label {
					cite = ""
				}
				blocks = append(blocks, b.Anchor, cite, b.Text)
			}
			f.Units = append(f.Units, []any{u.URL, u.Label, di, ci, blocks, si})
		}
		name := "t/" + strconv.Itoa(first/chunk)
		if err := emit("search/"+name+".js", script(name, f)); err != nil {
			return err
		}
		if release {
			clear(units[first:min(first+chunk, len(units))])
		}
	}
	return nil
}

// intern returns the index of s in list, appending it the first time.
func intern(list *[]string, index map[string]int, s string) int {
	i, ok := index[s]
	if !ok {
		i = len(*list)
		index[s] = i
		*list = append(*list, s)
	}
	return i
}

// meta is the content of meta.js, the first file a query loads.
type meta struct {
	Version  int     `json:"v"`
	Articles int     `json:"n"`
	AvgLen   float64 `json:"avg"` // mean length of an article in characters
	Parts    int     `json:"parts"`
	Chunk    int     `json:"chunk"`
	// Old lists the runs of articles of versions not in force, as first
	// id and length, one pair after the other.
	Old []int `json:"old"`
	// K1, B and Lens are what the ranking computes with: BM25's
	// parameters and the length of each length bucket.
	K1   float64   `json:"k1"`
	B    float64   `json:"b"`
	Lens []float64 `json:"lens"`
}

func (c *corpus) writeMeta(emit func(string, []byte) error, parts, chunk int, old []int) error {
	m := meta{
		Version:  FormatVersion,
		Articles: c.articles,
		AvgLen:   c.meanLength(),
		Parts:    parts,
		Chunk:    chunk,
		Old:      old,
		K1:       bm25K1,
		B:        bm25B,
		Lens:     bucketLengths(),
	}
	return emit("search/meta.js", script("meta", m))
}

// script wraps a value as an index file: a call of the registration
// function with the file's name and the value as JSON, on one line.
func script(name string, v any) []byte {
	// A string (most of the index: lists, names) is copied once, into
	// the file; anything else is marshalled first.
	var val []byte
	str, isString := v.(string)
	if !isString {
		val = jsonOf(v)
	}
	b := make([]byte, 0, len(Registrar)+len(name)+len(str)+len(val)+10)
	b = append(b, Registrar...)
	b = append(b, '(')
	b = appendJSONString(b, name)
	b = append(b, ',')
	if isString {
		b = appendJSONString(b, str)
	} else {
		b = append(b, val...)
	}
	return append(b, ");\n"...)
}

// plainJSON reports whether encoding/json writes s as it is between
// quotes: printable ASCII, with none of the characters it escapes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// appendJSONString appends s as encoding/json writes it.
func appendJSONString(b []byte, s string) []byte {
	if !plainJSON(s) {
		return append(b, jsonOf(s)...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonOf marshals v, which cannot fail for the types the index uses.
func jsonOf(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("search: " + err.Error())
	}
	return b
}
