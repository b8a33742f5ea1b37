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
//
// An error makes the site wrong or ambiguous and fails the build. A
// warning reports an irregularity of a published text (a skipped number,
// a lost heading) that the build reads past and renders as written; the
// build fails on warnings only when run with -strict.
type Diagnostic struct {
	Pos Pos
	Msg string

	// Warning marks an irregularity of the source rather than an error.
	Warning bool

	// Kind names the class of the problem for counting and filtering,
	// a short dotted ASCII code such as "numbering.skip" or
	// "heading.missing"; empty for a plain error.
	Kind string

	// Note is what a reader of the site is told where the irregularity
	// shows, in Chinese (e.g. 原文缺第一章标题); empty when readers need
	// not be told.
	Note string

	// Unit is the page and anchor of the unit the warning concerns,
	// relative to the document's folder (e.g. "22.html#i3", "index.html");
	// empty when it concerns no unit. The site shows Note there.
	Unit string

	// Confirmed marks a warning that an editor has confirmed to be the
	// text as published (front matter "confirmed"): still reported and
	// shown, but not an error under -strict.
	Confirmed bool
}

// Where formats the position alone, path:line:col, leaving out what is
// zero; "" for a diagnostic without a position.
func (d *Diagnostic) Where() string {
	var b strings.Builder
	b.WriteString(d.Pos.Filename)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Pos.Line)
		if d.Pos.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Pos.Column)
		}
	}
	return b.String()
}

// Error formats the problem as path:line:col: message, or
// path:line:col: warning: message for a warning.
func (d *Diagnostic) Error() string {
	msg := d.Msg
	if d.Warning {
		msg = "warning: " + msg
	}
	where := d.Where()
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

// List is a list of diagnostics. Its zero value is ready to use.
type List []*Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos Pos, msg string) { *l = append(*l, &Diagnostic{Pos: pos, Msg: msg}) }

// Addf appends a diagnostic with a formatted message.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...))
}

// Warn appends a warning of the given kind, with the note readers see at
// unit (both may be empty).
func (l *List) Warn(pos Pos, kind, msg, note, unit string) {
	*l = append(*l, &Diagnostic{Pos: pos, Msg: msg, Warning: true, Kind: kind, Note: note, Unit: unit})
}

// Split returns the errors and the warnings of the list, in order.
func (l List) Split() (errs, warnings List) {
	for _, d := range l {
		if d.Warning {
			warnings = append(warnings, d)
		} else {
			errs = append(errs, d)
		}
	}
	return errs, warnings
}

// Strict returns the list with every warning that no editor has
// confirmed made an error, for builds run with -strict; confirmed
// warnings are left out. The diagnostics are copied, not changed.
func (l List) Strict() List {
	var out List
	for _, d := range l {
		if d.Warning && d.Confirmed {
			continue
		}
		c := *d
		c.Warning = false
		if d.Warning {
			c.Msg = "warning treated as error (-strict): " + d.Msg
		}
		out = append(out, &c)
	}
	return out
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
