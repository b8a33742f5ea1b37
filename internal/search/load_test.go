package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The tests read the real texts with a small splitter of their own, so
// that this package depends on no other package of the site: an article
// per "二十二、" or "第二十二条 " line, an item per "（三）" line, a
// sub-item per "1．" line, a paragraph per other line. The Work Rules come
// from the project's own content (its Markdown, whose heading marks the
// splitter drops), so these tests run wherever the project is checked out.

const (
	seedPath   = "../../content/kaizhou-work-rules-2021.md"
	corpusPath = "../../../shared/corpus"
)

// headingMark is the Markdown mark of a heading line.
var headingMark = regexp.MustCompile(`^#+ `)

var (
	seedArticle   = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	seedChapter   = regexp.MustCompile(`^第[0-9一二三四五六七八九十]+章`)
	corpusArticle = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇两]+条(之[一二三四五六七八九十]+)?[ 　]`)
	itemLabel     = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
	subItemLabel  = regexp.MustCompile(`^[0-9]+[．.]`)
)

// splitter turns lines into units.
type splitter struct {
	units          []Unit
	doc, chapter   string
	dir            string
	para, item, sb int
}

func (s *splitter) article(label, line string) {
	n := len(s.units) + 1
	s.units = append(s.units, Unit{
		URL:     fmt.Sprintf("%s/%d.html", s.dir, n),
		Label:   label,
		Doc:     s.doc,
		Chapter: s.chapter,
	})
	s.para, s.item, s.sb = 1, 0, 0
	s.add("", line)
}

func (s *splitter) add(anchor, text string) {
	u := &s.units[len(s.units)-1]
	u.Blocks = append(u.Blocks, Block{Anchor: anchor, Text: text})
}

// line adds a line that is not an article's first.
func (s *splitter) line(line string) {
	switch {
	case itemLabel.MatchString(line):
		s.item++
		s.sb = 0
		s.add(fmt.Sprintf("i%d", s.item), line)
	case s.item > 0 && subItemLabel.MatchString(line):
		s.sb++
		s.add(fmt.Sprintf("i%d-%d", s.item, s.sb), line)
	default:
		s.para++
		s.item = 0
		s.add(fmt.Sprintf("p%d", s.para), line)
	}
}

// seedUnits reads the Work Rules, or skips the test.
func seedUnits(t testing.TB) []Unit {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the Work Rules: %v", err)
	}
	text := string(b)
	// Drop the front matter: everything up to the second "---" line.
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			text = rest[i+len("\n---\n"):]
		}
	}
	s := splitter{doc: "重庆市开州区人民政府工作规则", dir: "kzfz-2021-7"}
	started := false
	for _, line := range strings.Split(text, "\n") {
		line = headingMark.ReplaceAllString(strings.TrimRight(line, " \r"), "")
		switch {
		case line == s.doc:
			started = true
		case !started || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "抄送"):
			started = false
		case seedChapter.MatchString(line):
			s.chapter = line
		case seedArticle.MatchString(line):
			s.article(seedArticle.FindString(line), line)
		case len(s.units) > 0:
			s.line(line)
		}
	}
	if len(s.units) < 50 {
		t.Fatalf("seed splitter found %d articles, want 56", len(s.units))
	}
	return s.units
}

// corpusUnits reads every step-th regulation of the corpus (all of them
// for step 1), or skips the test.
func corpusUnits(t testing.TB, step int) []Unit {
	t.Helper()
	// Every Markdown file at any depth, in the order of their paths.
	var files []string
	filepath.WalkDir(corpusPath, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "README.md" {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Skipf("skipping: the corpus is absent (%s)", corpusPath)
	}
	var s splitter
	for i, f := range files {
		if i%step != 0 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		s.doc = strings.TrimPrefix(strings.SplitN(text, "\n", 2)[0], "# ")
		s.dir = fmt.Sprintf("d%d", i)
		s.chapter = ""
		if j := strings.Index(text, "<!-- INFO END -->"); j >= 0 {
			text = text[j:]
		}
		inArticle := false
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || strings.HasPrefix(line, "<!--"):
			case strings.HasPrefix(line, "#"):
				s.chapter = strings.TrimSpace(strings.TrimLeft(line, "#"))
			case corpusArticle.MatchString(line):
				inArticle = true
				s.article(strings.TrimSpace(corpusArticle.FindString(line)), line)
			case inArticle:
				s.line(line)
			}
		}
	}
	return s.units
}
