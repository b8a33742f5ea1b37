// Package diag collects problems found in input files and reports them
// together, sorted, one per line as path:line:col: message — the form
// editors and go/token use — in the manner of go/scanner.ErrorList.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col are 1-based; Col counts
// bytes, as go/token does. Zero Line or Col are left out when printed.
type Pos struct {
	Path string // relative to the project root, slash-separated
	Line int
	Col  int
}

func (p Pos) String() string {
	s := p.Path
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos Pos
	Msg string
}

func (d Diagnostic) Error() string {
	if d.Pos.Path == "" {
		return d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// List is a list of diagnostics. Its zero value is ready to use.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos Pos, msg string) { *l = append(*l, Diagnostic{pos, msg}) }

// Addf appends a diagnostic with a formatted message.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...))
}

// Sort orders the list by path, line, column and message.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
}

// Error prints every diagnostic on a line of its own.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Err returns the sorted list as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Join merges lists of diagnostics and other errors into one sorted list;
// an error that is not a List becomes a diagnostic without a position. It
// returns nil when there is nothing to report.
func Join(errs ...error) error {
	var all List
	for _, err := range errs {
		switch e := err.(type) {
		case nil:
		case List:
			all = append(all, e...)
		default:
			all = append(all, Diagnostic{Msg: err.Error()})
		}
	}
	return all.Err()
}
