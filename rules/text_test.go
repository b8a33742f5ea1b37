package rules

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// The texts of the articles the data quotes (十八, 二十一, 二十二, 二十三
// and 四十三) are kept in testdata verbatim, line by line as in the
// official text, so that the data can be checked against them without
// reading outside the module.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// seed is the official text, kept in the project (see
// testdata/official/README.md).
const seed = "../testdata/official/kaizhou-work-rules-2021.txt"

func TestTestdataIsTheOfficialText(t *testing.T) {
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"article6.txt", "article7.txt", "article20.txt", "article26.txt", "article18.txt", "article21.txt", "article22.txt", "article23.txt", "article41.txt", "article42.txt", "article43.txt", "article44.txt"} {
		own, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(string(data), string(own))
		if i < 0 {
			t.Errorf("testdata/%s is not a verbatim excerpt of %s", name, seed)
			continue
		}
		// It is the whole article: from its number to the next one.
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "article"), ".txt"))
		rest := strings.TrimLeft(string(data[i+len(own):]), "\n")
		if strings.HasPrefix(rest, "第") { // a chapter heading comes between
			_, rest, _ = strings.Cut(rest, "\n")
			rest = strings.TrimLeft(rest, "\n")
		}
		if !strings.HasPrefix(string(own), chineseNumeral(n)+"、") || !strings.HasPrefix(rest, chineseNumeral(n+1)+"、") {
			t.Errorf("testdata/%s is not the whole of article %s", name, chineseNumeral(n))
		}
	}
}

// TestQuotedVerbatim checks every quotation of the data against the text.
func TestQuotedVerbatim(t *testing.T) {
	lines := readLines(t, "article22.txt")
	text := strings.Join(lines, "\n")
	hasLine := func(s string) bool {
		for _, l := range lines {
			if l == s {
				return true
			}
		}
		return false
	}
	for _, m := range Matters() {
		if !hasLine(m.Category + "。") {
			t.Errorf("%s: category %q is not a line of the text", m.ID, m.Category)
		}
		switch {
		case m.Heading != "":
			if !hasLine(m.Heading + "。" + m.Basis) {
				t.Errorf("%s: heading and basis %q are not a line of the text", m.ID, m.Heading+"。"+m.Basis)
			}
		default:
			for _, l := range strings.Split(m.Basis, "\n") {
				if !hasLine(l) {
					t.Errorf("%s: basis line %q is not a line of the text", m.ID, l)
				}
			}
		}
	}
	for _, g := range GeneralRules() {
		src := text
		if g.Clause.Article == 21 {
			src = strings.Join(readLines(t, "article21.txt"), "\n")
		}
		if !strings.Contains(src, g.Basis) {
			t.Errorf("general rule %s: basis %q is not in the text of article %d", g.ID, g.Basis, g.Clause.Article)
		}
	}
	if !hasLine(GeneralRules()[2].Basis) {
		t.Errorf("the emergency sentence is a line of its own in item （一）")
	}
}
