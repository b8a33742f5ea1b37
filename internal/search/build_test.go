package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBuildDeterministic checks that a rebuild gives the same bytes.
func TestBuildDeterministic(t *testing.T) {
	units := seedUnits(t)
	for _, p := range []params{defaults, tiny} {
		a, err := buildFiles(units, p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := buildFiles(units, p)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(a, b, bytes.Equal) {
			t.Errorf("params %+v: two builds differ", p)
		}
	}
}

// TestBuildWorkers checks that the bytes do not depend on how many
// goroutines encode the lists, nor on how the grams are batched.
func TestBuildWorkers(t *testing.T) {
	units := seedUnits(t)
	for _, p := range []params{defaults, tiny} {
		p.workers = 1
		want, err := buildFiles(units, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{2, 5} {
			p.workers = w
			got, err := buildFiles(units, p)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.EqualFunc(want, got, bytes.Equal) {
				t.Errorf("params %+v: %d workers and one differ", p, w)
			}
		}
	}
}

// TestBuildSpill checks that the bytes do not depend on how much of the
// dictionary is held in memory: spilled in runs of a few records, or
// not at all; and that the spill leaves no file behind, whether the
// build succeeds or fails.
func TestBuildSpill(t *testing.T) {
	units := seedUnits(t)
	for _, p := range []params{defaults, tiny} {
		want, err := buildFiles(units, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{1, 300, 5000} {
			p.spillBytes = limit
			p.spillDir = t.TempDir()
			got, err := buildFiles(units, p)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.EqualFunc(want, got, bytes.Equal) {
				t.Errorf("params %+v: spilled and held in memory differ", p)
			}
			if left, _ := os.ReadDir(p.spillDir); len(left) > 0 {
				t.Errorf("spill of %d bytes left %d files behind", limit, len(left))
			}
			boom := errors.New("disk full")
			err = build(units, p, false, func(path string, data []byte) error {
				if strings.HasPrefix(path, "search/g/") {
					return boom
				}
				return nil
			})
			if !errors.Is(err, boom) {
				t.Errorf("emit failing at a dictionary file: got %v, want %v", err, boom)
			}
			if left, _ := os.ReadDir(p.spillDir); len(left) > 0 {
				t.Errorf("failed build with a spill of %d bytes left %d files behind", limit, len(left))
			}
		}
	}
	p := tiny
	p.spillBytes = 1
	p.spillDir = filepath.Join(t.TempDir(), "missing")
	if _, err := buildFiles(units, p); err == nil || !strings.Contains(err.Error(), "spill") {
		t.Errorf("spill to a missing folder: got %v, want an error naming the spill", err)
	}
}

// TestBuildEmitError checks that an error of the caller's emit stops the
// build, workers and all, and is returned.
func TestBuildEmitError(t *testing.T) {
	units := seedUnits(t)
	p := tiny
	p.workers = 3
	for _, failAt := range []int{1, 40, 400} {
		n := 0
		boom := errors.New("disk full")
		err := build(units, p, false, func(path string, data []byte) error {
			if strings.HasPrefix(path, "search/l/") {
				if n++; n == failAt {
					return boom
				}
			}
			return nil
		})
		if !errors.Is(err, boom) {
			t.Errorf("emit failing at list file %d: got %v, want %v", failAt, err, boom)
		}
	}
}

// TestBuildFiles checks that every file is a call of the registration
// function with its own name, and that the tiny thresholds produce every
// kind of file.
func TestBuildFiles(t *testing.T) {
	files, err := buildFiles(seedUnits(t), tiny)
	if err != nil {
		t.Fatal(err)
	}
	kinds := make(map[string]int)
	for path, b := range files {
		name, ok := strings.CutPrefix(path, "search/")
		name, ok2 := strings.CutSuffix(name, ".js")
		if !ok || !ok2 {
			t.Errorf("%s: not search/….js", path)
			continue
		}
		prefix := Registrar + `("` + name + `",`
		if !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(");\n")) || bytes.Count(b, []byte("\n")) != 1 {
			t.Errorf("%s: want one line %s…);", path, prefix)
		}
		kind, _, _ := strings.Cut(name, "/")
		kinds[kind]++
	}
	for _, k := range []string{"meta", "g", "l", "t"} {
		if kinds[k] == 0 {
			t.Errorf("no %s file among %v", k, slices.Sorted(maps.Keys(kinds)))
		}
	}
	// Impact-ordered lists: [document list, impact] for a character,
	// [position list, document list, impact] for an extended gram.
	chars, grams, packed := 0, 0, 0
	for path, b := range files {
		if !strings.HasPrefix(path, "search/g/") {
			continue
		}
		_, body, _ := bytes.Cut(b, []byte(","))
		var file struct {
			Dict map[string]any    `json:"g"`
			Pack map[string]string `json:"p"`
		}
		if err := json.Unmarshal(bytes.TrimSuffix(body, []byte(");\n")), &file); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		packed += len(file.Pack)
		for key, e := range file.Dict {
			a, ok := e.([]any)
			switch {
			case ok && utf8.RuneCountInString(key) == 1 && len(a) == 2:
				chars++
			case ok && len(a) == 3:
				grams++
			}
		}
	}
	if chars == 0 || grams == 0 {
		t.Errorf("impact-ordered lists: %d of characters, %d of longer grams; want both", chars, grams)
	}
	if packed == 0 {
		t.Error("no list is packed in a dictionary file")
	}
}

// TestBuildEmpty checks that an empty site has a valid, empty index.
func TestBuildEmpty(t *testing.T) {
	files, err := Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if files["search/meta.js"] == nil || files["search/g/0.js"] == nil {
		t.Errorf("files %v, want meta.js and g/0.js", slices.Sorted(maps.Keys(files)))
	}
}

// TestBuildErrors checks that every bad unit is reported, all at once.
func TestBuildErrors(t *testing.T) {
	units := []Unit{
		{URL: "", Blocks: []Block{{Text: "甲"}}},
		{URL: "/abs.html"},
		{URL: "a/1.html#p1"},
		{URL: "a/2.html"},
		{URL: "a/2.html"},
		{URL: "a/3.html", Blocks: []Block{{Anchor: "p 1", Text: "乙"}}},
		{URL: "a/4.html", Blocks: []Block{{Text: "\xff"}}},
	}
	_, err := Build(units)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`unit 0 (""): empty URL`,
		`unit 1 ("/abs.html"): URL must be relative`,
		`unit 2 ("a/1.html#p1"): URL must not hold a fragment`,
		`unit 4 ("a/2.html"): same URL as unit 3`,
		`unit 5 ("a/3.html"): bad anchor "p 1"`,
		`unit 6 ("a/4.html"): invalid UTF-8`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestBuildVersions checks what the index keeps of versions: the runs of
// articles not in force in meta.js, each article's status and each
// block's citation in the text files (a citation equal to the label is
// left out).
func TestBuildVersions(t *testing.T) {
	unit := func(url string, old bool, status string) Unit {
		return Unit{URL: url, Label: "第一条", Doc: "法", Status: status, Old: old, Blocks: []Block{
			{Anchor: "p1", Cite: "第一条", Text: "第一条 甲乙"},
			{Anchor: "i1", Cite: "第一条第（一）项", Text: "（一）丙丁"},
		}}
	}
	units := []Unit{
		unit("a/1.html", true, "已修改（2017年修正）"), unit("a/2.html", true, "已修改（2017年修正）"),
		unit("b/1.html", false, "现行有效"),
		unit("c/1.html", true, "已废止"),
		unit("d/1.html", false, ""),
	}
	p := defaults
	p.chunk = 2
	files, err := buildFiles(units, p)
	if err != nil {
		t.Fatal(err)
	}
	if meta := string(files["search/meta.js"]); !strings.Contains(meta, `"old":[0,2,3,1]`) {
		t.Errorf("meta.js: %s, want the runs \"old\":[0,2,3,1]", meta)
	}
	text := string(files["search/t/0.js"])
	for _, want := range []string{`"s":["已修改（2017年修正）"]`, `["p1","","第一条 甲乙","i1","第一条第（一）项","（一）丙丁"],0]`} {
		if !strings.Contains(text, want) {
			t.Errorf("t/0.js: %s, want %s", text, want)
		}
	}
	if text := string(files["search/t/2.js"]); !strings.Contains(text, `"s":[]`) || !strings.HasSuffix(text, `],-1]]});`+"\n") {
		t.Errorf("t/2.js: %s, want no status", text)
	}
}

// TestDigest checks that every field of a unit counts in the digest of
// what the index is built from, and nothing else does.
func TestDigest(t *testing.T) {
	base := func() []Unit {
		return []Unit{{URL: "a/1.html", Label: "第一条", Doc: "甲", Chapter: "第一章", Status: "现行有效",
			Blocks: []Block{{Anchor: "p1", Cite: "第一条第一款", Text: "甲乙"}, {Anchor: "p2", Text: "丙"}}}}
	}
	want := Digest(base())
	if Digest(base()) != want {
		t.Fatal("two digests of the same units differ")
	}
	for name, change := range map[string]func(u *Unit){
		"URL":     func(u *Unit) { u.URL = "a/2.html" },
		"Label":   func(u *Unit) { u.Label = "第二条" },
		"Doc":     func(u *Unit) { u.Doc = "乙" },
		"Chapter": func(u *Unit) { u.Chapter = "" },
		"Status":  func(u *Unit) { u.Status = "已废止" },
		"Old":     func(u *Unit) { u.Old = true },
		"Anchor":  func(u *Unit) { u.Blocks[0].Anchor = "i1" },
		"Cite":    func(u *Unit) { u.Blocks[0].Cite = "" },
		"Text":    func(u *Unit) { u.Blocks[1].Text = "丁" },
		"split":   func(u *Unit) { u.Blocks[0].Text, u.Blocks[1].Text = "甲", "乙丙" },
		"blocks":  func(u *Unit) { u.Blocks = u.Blocks[:1] },
	} {
		units := base()
		change(&units[0])
		if Digest(units) == want {
			t.Errorf("a change of %s leaves the digest as it was", name)
		}
	}
}

// TestUnitAt checks the unit found for a position from every hint at or
// before it against a scan.
func TestUnitAt(t *testing.T) {
	c, err := newCorpus(seedUnits(t))
	if err != nil {
		t.Fatal(err)
	}
	units := int32(len(c.start) - 1)
	for p := int32(0); p < int32(len(c.text)); p += 7 {
		want := int32(0)
		for c.start[want+1] <= p {
			want++
		}
		for hint := int32(0); hint <= want; hint += 1 + (want-hint)/5 {
			if got := c.unitAt(p, hint); got != want {
				t.Fatalf("unitAt(%d, %d) = %d, want %d (of %d units)", p, hint, got, want, units)
			}
		}
	}
}

// TestCodesOverflow checks that a text of as many different characters
// as there are codes is indexed and one more is refused with a message.
func TestCodesOverflow(t *testing.T) {
	text := func(n int) []Unit {
		var b strings.Builder
		for r := rune(0x30000); r < 0x30000+rune(n); r++ {
			b.WriteRune(r)
		}
		return []Unit{{URL: "a.html", Blocks: []Block{{Text: b.String()}}}}
	}
	c, err := newCorpus(text(maxCodes - 1))
	if err != nil {
		t.Fatalf("%d different characters: %v", maxCodes-1, err)
	}
	if len(c.chars) != maxCodes || !slices.IsSorted(c.chars[1:]) {
		t.Errorf("%d codes, sorted %v; want %d in code point order", len(c.chars), slices.IsSorted(c.chars[1:]), maxCodes)
	}
	if _, err := newCorpus(text(maxCodes)); err == nil || !strings.Contains(err.Error(), "different characters") {
		t.Errorf("%d different characters: got %v, want an error", maxCodes, err)
	}
}

// TestScript checks that a file's script writes its name and value as
// encoding/json does, strings copied directly included.
func TestScript(t *testing.T) {
	for _, v := range []any{"", "AbZ09+/_-", `a"b\c`, "<&>", "换行\n\t\u2028", "\x01\x7f", string([]byte{0xff, 'a'}), 12, []int{1, 2}, map[string]any{"g": "x<y"}} {
		for _, name := range []string{"meta", "g/7", "l/12", `q"<`} {
			name1, _ := json.Marshal(name)
			val, _ := json.Marshal(v)
			want := Registrar + "(" + string(name1) + "," + string(val) + ");\n"
			if got := string(script(name, v)); got != want {
				t.Errorf("script(%q, %#v) = %q, want %q", name, v, got, want)
			}
		}
	}
}
