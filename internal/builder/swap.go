package builder

import (
	"errors"
	"io/fs"
	"os"
)

// swapByRename moves out aside, moves tmp into its place, and removes the
// old site; if the second step fails the old site is put back.
func swapByRename(tmp, out string) error {
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return os.Rename(tmp, out)
		}
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
}
