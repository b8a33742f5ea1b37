package search

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// tokenCase is a row of testdata/tokenizer.json, the table that the Go and
// the TypeScript tokenizers must both pass.
type tokenCase struct {
	Note  string   `json:"note"`
	In    string   `json:"in"`
	Fold  string   `json:"fold"`
	Hash  uint32   `json:"hash"` // of the folded text
	Terms []string `json:"terms"`
	Grams [][2]any `json:"grams"`
}

// tokenResult is what a tokenizer makes of a case.
type tokenResult struct {
	Fold  string   `json:"fold"`
	Hash  uint32   `json:"hash"`
	Terms []string `json:"terms"`
	Grams [][2]any `json:"grams"`
}

func readTokenCases(t *testing.T) []tokenCase {
	t.Helper()
	b, err := os.ReadFile("testdata/tokenizer.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []tokenCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("empty case table")
	}
	return cases
}

// want returns the expected result of c, normalized as JSON decodes it.
func (c tokenCase) want() tokenResult {
	r := tokenResult{Fold: c.Fold, Hash: c.Hash, Terms: c.Terms, Grams: c.Grams}
	if r.Terms == nil {
		r.Terms = []string{}
	}
	if r.Grams == nil {
		r.Grams = [][2]any{}
	}
	return r
}

func goTokens(in string) tokenResult {
	r := tokenResult{Fold: Fold(in), Hash: Hash(Fold(in)), Terms: Terms(in), Grams: [][2]any{}}
	if r.Terms == nil {
		r.Terms = []string{}
	}
	for _, g := range Grams(in) {
		r.Grams = append(r.Grams, [2]any{float64(g.Offset), g.Text})
	}
	return r
}

func TestTokenizerGo(t *testing.T) {
	for _, c := range readTokenCases(t) {
		if got, want := goTokens(c.In), c.want(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q:\n got %v\nwant %v", c.Note, c.In, got, want)
		}
	}
}

// TestTokenizerTypeScript runs web/lib/search/fold.ts in Node.js on the
// same table.
func TestTokenizerTypeScript(t *testing.T) {
	cases := readTokenCases(t)
	var got []tokenResult
	runHarness(t, &got, "tokenize", "testdata/tokenizer.json")
	if len(got) != len(cases) {
		t.Fatalf("harness returned %d results for %d cases", len(got), len(cases))
	}
	for i, c := range cases {
		g := got[i]
		if g.Terms == nil {
			g.Terms = []string{}
		}
		if g.Grams == nil {
			g.Grams = [][2]any{}
		}
		if want := c.want(); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: %q:\n got %v\nwant %v", c.Note, c.In, g, want)
		}
	}
}

// TestFoldKeepsLength checks the property both sides rely on: folding maps
// one character to one, so offsets in the folded text are offsets in the
// text as written.
func TestFoldKeepsLength(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		f := foldRune(r)
		if (r > 0xFFFF) != (f > 0xFFFF) || f != foldRune(f) {
			t.Fatalf("fold(U+%04X) = U+%04X: not one-for-one or not idempotent", r, f)
		}
	}
}
