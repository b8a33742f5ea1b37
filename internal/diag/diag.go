// Package diag collects problems found in input files and reports them
// together, sorted, one per line as path:line:col: message — the form
// editors and go/token use — in the manner of go/scanner.ErrorList.
package diag

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"
)

// Pos is a position in an input file: Filename is the path relative to
// the project root, slash-separated; Line and Column are 1-based, the
// column counting bytes as go/token does. A zero Line or Column is left
// out when printed.
type Pos = token.Position

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos Pos
	Msg string
}

// Error formats the problem as path:line:col: message.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Pos.Filename)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Pos.Line)
		if d.Pos.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Pos.Column)
		}
	}
	if b.Len() == 0 {
		return d.Msg
	}
	return b.String() + ": " + d.Msg
}

// List is a list of diagnostics. Its zero value is ready to use.
type List []*Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos Pos, msg string) { *l = append(*l, &Diagnostic{pos, msg}) }

// Addf appends a diagnostic with a formatted message.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...))
}

// Sort orders the list by path, line, column and message.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Error prints every diagnostic on a line of its own.
func (l List) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
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
			all = append(all, &Diagnostic{Msg: err.Error()})
		}
	}
	return all.Err()
}
