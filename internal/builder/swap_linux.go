package builder

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in the place of out. On Linux, when out exists,
// the two are exchanged in one atomic step (renameat2 RENAME_EXCHANGE), so
// that a server never sees out missing; the old site is then removed.
func swap(tmp, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return os.RemoveAll(tmp) // tmp now holds the old site
	case errors.Is(err, unix.ENOENT):
		return os.Rename(tmp, out) // no previous site
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapByRename(tmp, out) // file system without exchange
	}
	return err
}
