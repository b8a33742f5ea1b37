package doc

import (
	"slices"
	"strconv"
)

// confirm marks the warnings that the front matter's "confirmed" list
// names: an editor has checked them against the published text and found
// them to be as published (a number the issuing body skipped, say). Each
// entry is a warning's message exactly as the build prints it after
// "warning: ", without its position, so that edits elsewhere in the file
// do not unconfirm it. A confirmed warning is still shown to readers and
// listed in the report, but does not fail a -strict build. An entry that
// matches no warning is an error, so that a list never outlives the slips
// it confirms.
func (b *builder) confirm() {
	if len(b.confirmed) == 0 {
		return
	}
	used := make([]bool, len(b.confirmed))
	for _, w := range b.d.Warnings {
		if i := slices.Index(b.confirmed, w.Msg); i >= 0 {
			w.Confirmed = true
			used[i] = true
		}
	}
	for i, msg := range b.confirmed {
		if !used[i] {
			b.errs.Add(b.pos(b.confirmedAt), "confirmed "+strconv.Quote(msg)+" matches no warning of this document: copy the message the build prints after \"warning: \", or remove the entry")
		}
	}
}
