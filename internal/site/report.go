package site

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"rulesite/internal/diag"
	"rulesite/internal/doc"
)

// ReportPath and ReportText are the editors' report of the irregularities
// of the published texts: a page grouped by kind and document, and the
// same warnings one per line, sorted, for diffing between builds.
const (
	ReportPath = "warnings.html"
	ReportText = "warnings.txt"
)

// EditorialNote is what a page tells its readers about an irregularity of
// the published text shown on it (编者注): the text is rendered as
// written and the note says what is odd about it.
type EditorialNote struct {
	Text   string // in Chinese, e.g. 原文缺第一章标题
	Anchor string // fragment of the unit on the page, "" for the page itself
}

// notesFor returns the notes of a document's warnings that concern the
// page file (e.g. "22.html", "index.html"), in the order of the text.
func notesFor(d *doc.Document, file string) []EditorialNote {
	var notes []EditorialNote
	for _, w := range d.Warnings {
		if w.Note == "" || w.Unit == "" {
			continue
		}
		page, anchor, _ := strings.Cut(w.Unit, "#")
		if page != file {
			continue
		}
		n := EditorialNote{Text: w.Note, Anchor: anchor}
		if !slices.Contains(notes, n) {
			notes = append(notes, n)
		}
	}
	return notes
}

// ReportPage lists every warning of the site for editors.
type ReportPage struct {
	Page
	Total int
	Kinds []KindCount
	Docs  []DocWarnings
}

// KindCount is how many warnings of one kind the site has.
type KindCount struct {
	Kind  string
	Count int
}

// DocWarnings are the warnings of one document.
type DocWarnings struct {
	Doc      *doc.Document
	Warnings []ReportLine
}

// ReportLine is one warning as the report shows it.
type ReportLine struct {
	Where string // path:line:col
	Msg   string
	Note  string
	Link  string // the unit's page and anchor, relative to the site root
	// Confirmed: an editor confirmed the text is as published.
	Confirmed bool
}

// CountKinds counts warnings by kind, most frequent first, then by name.
func CountKinds(warnings diag.List) []KindCount {
	by := map[string]int{}
	for _, w := range warnings {
		by[cmp.Or(w.Kind, "other")]++
	}
	kinds := make([]KindCount, 0, len(by))
	for k, n := range by {
		kinds = append(kinds, KindCount{k, n})
	}
	slices.SortFunc(kinds, func(a, b KindCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Kind, b.Kind))
	})
	return kinds
}

func (b *builder) report() *ReportPage {
	r := &ReportPage{Page: b.page("原文异常报告", ReportPath)}
	var all diag.List
	for _, d := range b.in.Docs {
		if len(d.Warnings) == 0 {
			continue
		}
		dw := DocWarnings{Doc: d}
		for _, w := range d.Warnings { // sorted by position (doc.Document.Warnings)
			line := ReportLine{Where: w.Where(), Msg: w.Msg, Note: w.Note, Confirmed: w.Confirmed}
			if w.Unit != "" {
				line.Link = d.Dir() + "/" + w.Unit
			}
			dw.Warnings = append(dw.Warnings, line)
		}
		all = append(all, d.Warnings...)
		r.Docs = append(r.Docs, dw)
	}
	slices.SortStableFunc(r.Docs, func(a, b DocWarnings) int { return cmp.Compare(a.Doc.Path, b.Doc.Path) })
	r.Total = len(all)
	r.Kinds = CountKinds(all)
	return r
}

// WarningsText is the text form of the report: every warning of the site
// as path:line:col: warning: [kind] message, sorted; "[kind, confirmed]"
// for those an editor confirmed.
func WarningsText(docs []*doc.Document) []byte {
	var all diag.List
	for _, d := range docs {
		all = append(all, d.Warnings...)
	}
	var b bytes.Buffer
	for _, w := range sortedWarnings(all) {
		b.WriteString(w.Where())
		b.WriteString(": warning: [")
		b.WriteString(cmp.Or(w.Kind, "other"))
		if w.Confirmed {
			b.WriteString(", confirmed")
		}
		b.WriteString("] ")
		b.WriteString(w.Msg)
		if w.Note != "" {
			b.WriteString(" (")
			b.WriteString(w.Note)
			b.WriteString(")")
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func sortedWarnings(l diag.List) diag.List {
	out := slices.Clone(l)
	out.Sort()
	return out
}
