//go:build linux || darwin

package doc

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadRealFiles makes, in a real folder, what fstest.MapFS cannot: a
// symbolic link to /dev/zero (which once exhausted memory), a FIFO
// (which once blocked forever), a symbolic link loop, a link whose target
// is missing, a link to a regular file (which is read), and an
// unreadable file. Every problem is reported at once, at its path from
// the project root.
func TestLoadRealFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, perm os.FileMode) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), perm); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", okDoc, 0o644)
	write("other/b.txt", strings.Replace(okDoc, "条例", "另一条例", 1), 0o644)
	link("other/b.txt", "b.md") // a link to a regular file is read
	link("/dev/zero", "z.md")
	link("loop2.md", "loop1.md")
	link("loop1.md", "loop2.md")
	link("nowhere.md", "dangling.md")
	link("other", "dirlink.md")
	if err := syscall.Mkfifo(filepath.Join(dir, "p.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/dangling.md: symbolic link: no such file or folder",
		"content/dirlink.md: not a regular file (folder): a document must be a file of text",
		"content/loop1.md: symbolic link: too many levels of symbolic links",
		"content/loop2.md: symbolic link: too many levels of symbolic links",
		"content/p.md: not a regular file (FIFO): a document must be a file of text",
		"content/z.md: not a regular file (character device): a document must be a file of text",
	}
	if os.Geteuid() != 0 {
		write("secret.md", okDoc, 0o000)
		want = append(want, "content/secret.md: permission denied: the build cannot read it")
	} else {
		t.Log("running as root, which reads any file: the unreadable file is not tested")
	}
	type result struct {
		docs []*Document
		msgs string
	}
	done := make(chan result, 1)
	go func() {
		docs, err := Load(os.DirFS(dir), ".", "content")
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			done <- result{nil, "not an ErrorList: " + err.Error()}
			return
		}
		done <- result{docs, list.Error()}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Load has not returned after 30 s: it must not open a FIFO")
	}
	got := strings.Split(r.msgs, "\n")
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var paths []string
	for _, d := range r.docs {
		paths = append(paths, d.Path)
	}
	if strings.Join(paths, " ") != "content/a.md content/b.md" {
		t.Errorf("documents %q, want content/a.md and content/b.md (the link to a regular file)", paths)
	}
}
