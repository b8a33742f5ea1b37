//go:build !linux

package builder

// swap puts the folder tmp in the place of out with two renames.
func swap(tmp, out string) error { return swapByRename(tmp, out) }
