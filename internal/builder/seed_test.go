package builder

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"rulesite/internal/doc"
)

// seedFile is the official text of the Work Rules, kept in the project
// (see testdata/official/README.md); sharedSeed is the copy it was taken
// from, outside the project.
const sharedSeed = "../shared/seeds/kaizhou-work-rules-2021.txt"
const seedFile = "testdata/official/kaizhou-work-rules-2021.txt"

var (
	seedArticle = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	seedChapter = regexp.MustCompile(`^第[0-9一二三四五六七八九十]+章`)
	textPara    = regexp.MustCompile(`<p class="t(?: cont)?">([^<]*)</p>`)
	tag         = regexp.MustCompile(`<[^>]*>`)
)

// TestRenderedTextMatchesSeed renders the site from content/ and compares
// the text of every article page with the official text, article by
// article and line by line: every character must be reproduced.
func TestRenderedTextMatchesSeed(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(root, seedFile))
	if err != nil {
		t.Fatalf("the official text: %v", err)
	}
	want := seedArticles(string(seed))
	if len(want) != 56 {
		t.Fatalf("seed splits into %d articles, want 56", len(want))
	}
	r := renderProject(t)
	pages := map[string]string{}
	for _, f := range r.Files {
		pages[f.Path] = string(f.Data)
	}
	for n, lines := range want {
		p := "kzfz-2021-7/" + strconv.Itoa(n+1) + ".html"
		page, ok := pages[p]
		if !ok {
			t.Errorf("no page %s for article %s", p, doc.FormatNumeral(n+1))
			continue
		}
		var got []string
		for _, m := range textPara.FindAllStringSubmatch(page, -1) {
			got = append(got, html.UnescapeString(m[1]))
		}
		if strings.Join(got, "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s: rendered text differs from the official text\n got: %q\nwant: %q", p, got, lines)
		}
	}

	// The document page carries the rest: notice, chapters, 抄送 and 印发.
	page := tag.ReplaceAllString(pages["kzfz-2021-7/index.html"], "\n")
	page = html.UnescapeString(page)
	for _, line := range strings.Split(string(seed), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || seedArticle.MatchString(line) || !utf8.ValidString(line) {
			continue
		}
		if inArticle(line, want) {
			continue
		}
		if !strings.Contains(page, line) {
			t.Errorf("document page lacks the official line %q", line)
		}
	}
}

// seedArticles splits the official text into articles, each a list of
// its non-blank lines.
func seedArticles(seed string) [][]string {
	var arts [][]string
	in := false
	for _, line := range strings.Split(seed, "\n") {
		line = strings.TrimRight(line, " \r")
		switch {
		case seedArticle.MatchString(line):
			arts = append(arts, []string{line})
			in = true
		case seedChapter.MatchString(line), strings.HasPrefix(line, "抄送："):
			in = false
		case in && strings.TrimSpace(line) != "":
			arts[len(arts)-1] = append(arts[len(arts)-1], line)
		}
	}
	return arts
}

func inArticle(line string, arts [][]string) bool {
	for _, a := range arts {
		for _, l := range a {
			if l == line {
				return true
			}
		}
	}
	return false
}

// TestOfficialTextIsTheSeed checks that the project's copy of the official
// text is the one in ../shared/seeds, byte for byte, where that exists.
func TestOfficialTextIsTheSeed(t *testing.T) {
	root, err := FindModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	shared, err := os.ReadFile(filepath.Join(root, sharedSeed))
	if err != nil {
		t.Skipf("skipping: %s is absent (%v)", sharedSeed, err)
	}
	own, err := os.ReadFile(filepath.Join(root, seedFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(own, shared) {
		t.Errorf("%s differs from %s", seedFile, sharedSeed)
	}
}
