package search

import "strings"

// Fold maps every character of s to the form the index stores, one
// character for one character, so that offsets in the folded text are
// offsets in the original:
//
//   - full-width ASCII (U+FF01–U+FF5E) becomes ASCII, and the ideographic
//     space U+3000 a space, as NFKC does: ５００万元 matches 500万元;
//   - the full-width signs U+FFE0–U+FFE6 (￥ and its kin) become their
//     usual forms, as NFKC does;
//   - Latin capitals (A–Z, and À–Þ except ×) become small letters.
//
// Nothing else changes: Chinese punctuation such as ，。（） stays as it is,
// because NFKC leaves it alone too. web/lib/search/fold.ts implements the
// same mapping; testdata/tokenizer.json holds the cases both must pass.
func Fold(s string) string {
	return strings.Map(foldRune, s)
}

// fullWidthSigns maps U+FFE0–U+FFE6 to their NFKC forms.
var fullWidthSigns = [...]rune{'\u00a2', '\u00a3', '\u00ac', '\u00af', '\u00a6', '\u00a5', '\u20a9'}

func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	case r >= 0xFFE0 && r <= 0xFFE6:
		return fullWidthSigns[r-0xFFE0]
	}
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= 0xC0 && r <= 0xDE && r != 0xD7:
		return r + 0x20
	}
	return r
}

// IsSpace reports whether r separates terms in a query and ends a run of
// indexed text: the characters of Unicode's White_Space property. No
// indexed gram contains one, so no match spans two blocks.
func IsSpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0D, r == ' ', r == 0x85, r == 0xA0, r == 0x1680,
		r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F,
		r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// Terms folds a query and splits it at white space into the strings that
// a result must all contain, dropping repeats.
func Terms(query string) []string {
	var terms []string
	seen := make(map[string]bool)
	for _, t := range strings.FieldsFunc(Fold(query), IsSpace) {
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	return terms
}

// A Gram is a token of the index: one character, or two or more
// consecutive characters none of which is white space.
type Gram struct {
	Offset int    // in characters (code points) from the start of the text
	Text   string // folded
}

// Grams returns the single characters and overlapping character pairs
// of the folded text, in order of offset, the character before the pair.
// They are the first two levels of the index; Build extends frequent
// pairs by further characters.
func Grams(text string) []Gram {
	rs := []rune(Fold(text))
	var grams []Gram
	for i, r := range rs {
		if IsSpace(r) {
			continue
		}
		grams = append(grams, Gram{i, string(r)})
		if i+1 < len(rs) && !IsSpace(rs[i+1]) {
			grams = append(grams, Gram{i, string(rs[i : i+2])})
		}
	}
	return grams
}
