package doc

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"
)

// Error is a problem in a content file, at a position people can go to.
type Error struct {
	Pos token.Position // Filename is the display path; Line and Column are 1-based
	Msg string
}

// Error formats the problem as path:line:col: message.
func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return e.Pos.Filename + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.Filename, e.Pos.Line, e.Pos.Column, e.Msg)
}

// ErrorList is a list of content problems, reported together like
// go/scanner.ErrorList.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos token.Position, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg})
}

// Addf appends a problem at pos with a formatted message.
func (l *ErrorList) Addf(pos token.Position, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...))
}

// Sort orders the list by file, line, column and message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Error lists every problem, one per line, so that a build can print all
// of them at once.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
