// Package keyhash writes lists of strings into a hash so that no two
// lists write the same bytes: the keys by which a rebuild tells what it
// may keep (internal/site's keys of pages, internal/search's digest of
// its input) are made with it.
package keyhash

import (
	"hash"
	"strconv"
)

// Strings writes each string with its length before it.
func Strings(h hash.Hash, ss ...string) {
	var n [20]byte
	for _, s := range ss {
		h.Write(strconv.AppendInt(n[:0], int64(len(s)), 10))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
}
