package search

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
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

// list is one document or position list of a gram, and where it is kept.
type list struct {
	kind byte // 'd' document list, 'p' position list
	data string
	file int // 0: inline or in the pack file; n > 0: in l/<n>.js
	pack bool
}

// ref is how a dictionary entry refers to the list: the list itself as a
// string, 0 for the pack file of the partition, or the number n of l/<n>.js.
func (l *list) ref() json.RawMessage {
	switch {
	case l.file > 0:
		return json.RawMessage(strconv.Itoa(l.file))
	case l.pack:
		return json.RawMessage("0")
	}
	return jsonOf(l.data)
}

// writeDictionary writes the dictionary of grams, its pack files and its
// list files, and returns the number of partitions.
//
// The dictionary is partitioned by Hash: g/<k>.js maps every gram whose
// hash ends in k to its lists: a single character to its document list; a
// longer gram that is not extended to its position list grouped by the
// next character; an extended gram to [position list, document list].
func (c *corpus) writeDictionary(files map[string][]byte, grams []*gram, p params) int {
	type entry struct {
		g         *gram
		pos, docs *list
	}
	entries := make([]entry, len(grams))
	total := 0
	next := 1
	place := func(l *list) {
		switch {
		case len(l.data) <= p.inlineMax:
			total += len(l.data)
		case len(l.data) <= p.packMax:
			l.pack = true
		default:
			l.file = next
			next++
		}
	}
	for i, g := range grams {
		e := entry{g: g}
		if g.n == 1 || g.extended {
			e.docs = &list{kind: 'd', data: c.docs(g.pos)}
			place(e.docs)
		}
		switch {
		case g.n > 1 && g.extended:
			e.pos = &list{kind: 'p', data: c.positions(g.pos)}
			place(e.pos)
		case g.n > 1:
			e.pos = &list{kind: 'p', data: c.groupedPositions(g)}
			place(e.pos)
		}
		total += len(g.key) + 8
		entries[i] = e
	}
	parts := 1
	for parts*p.dictTarget < total {
		parts *= 2
	}
	dicts := make([]map[string]json.RawMessage, parts)
	packs := make([]map[string]string, parts)
	for i := range dicts {
		dicts[i] = make(map[string]json.RawMessage)
	}
	for _, e := range entries {
		k := int(Hash(e.g.key) & uint32(parts-1))
		switch {
		case e.pos == nil:
			dicts[k][e.g.key] = e.docs.ref()
		case e.docs == nil:
			dicts[k][e.g.key] = e.pos.ref()
		default:
			dicts[k][e.g.key] = jsonOf([]json.RawMessage{e.pos.ref(), e.docs.ref()})
		}
		for _, l := range []*list{e.pos, e.docs} {
			switch {
			case l == nil:
			case l.pack:
				if packs[k] == nil {
					packs[k] = make(map[string]string)
				}
				packs[k][string(l.kind)+e.g.key] = l.data
			case l.file > 0:
				name := "l/" + strconv.Itoa(l.file)
				files["search/"+name+".js"] = script(name, l.data)
			}
		}
	}
	for k := range parts {
		name := "g/" + strconv.Itoa(k)
		files["search/"+name+".js"] = script(name, dicts[k])
		if packs[k] != nil {
			name := "p/" + strconv.Itoa(k)
			files["search/"+name+".js"] = script(name, packs[k])
		}
	}
	return parts
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
// of the first article divided by chunk.
func writeTexts(files map[string][]byte, units []Unit, chunk int) {
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
		files["search/"+name+".js"] = script(name, f)
	}
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
	LenBase  float64 `json:"lenBase"`
	LenRatio float64 `json:"lenRatio"`
	// Old lists the runs of articles of versions not in force, as first
	// id and length, one pair after the other.
	Old []int `json:"old"`
}

func (c *corpus) writeMeta(files map[string][]byte, parts, chunk int, old []int) {
	m := meta{
		Version:  FormatVersion,
		Articles: c.articles,
		AvgLen:   math.Round(c.avgLen*100) / 100,
		Parts:    parts,
		Chunk:    chunk,
		LenBase:  lenBase,
		LenRatio: lenRatio,
		Old:      old,
	}
	files["search/meta.js"] = script("meta", m)
}

// script wraps a value as an index file: a call of the registration
// function with the file's name and the value as JSON, on one line.
func script(name string, v any) []byte {
	var b strings.Builder
	b.WriteString(Registrar)
	b.WriteString("(")
	b.Write(jsonOf(name))
	b.WriteString(",")
	b.Write(jsonOf(v))
	b.WriteString(");\n")
	return []byte(b.String())
}

// jsonOf marshals v, which cannot fail for the types the index uses.
func jsonOf(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("search: " + err.Error())
	}
	return b
}
