package doc

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// loadMessages loads the folder content of fsys and returns its
// diagnostics, one a line; it fails the test on an error that is not a
// list of diagnostics.
func loadMessages(t *testing.T, fsys fs.FS, dir, display string) ([]*Document, string) {
	t.Helper()
	docs, err := Load(fsys, dir, display)
	if err == nil {
		return docs, ""
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load returned %T, want an ErrorList: %v", err, err)
	}
	return docs, list.Error()
}

const okDoc = "# 条例\n\n第一条 施行。\n"

// TestLoadText checks what makes a file unusable as text: each problem
// is reported at its line and column, the problems of every file at once.
func TestLoadText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // diagnostics of content/x.md, without the path
	}{
		{"empty", "", "1:1: empty document: write its title on the first line (# 标题), then its text"},
		{"blank", "\n \n\t\n", "1:1: empty document: write its title on the first line (# 标题), then its text"},
		{"BOM only", "\uFEFF\n", "1:1: empty document: write its title on the first line (# 标题), then its text"},
		{"BOM", "\uFEFF" + okDoc, ""},
		{"CRLF and tab", "# 条例\r\n\r\n第一条\t施行。\r\n", ""},
		{"NUL", "# 条例\n\n第一条 施\x00行。\n",
			"3:14: control character U+0000 (NUL) in the text: remove it"},
		{"form feed and escape", "# 条例\n\x0c\n第一条 施行\x1b。\n",
			"2:1: control character U+000C (FF) in the text: remove it\n" +
				"x.md:3:17: control character U+001B (ESC) in the text: remove it"},
		{"invalid UTF-8", "# 条例\n\n第一条 施\xb5行。\n",
			"3:14: invalid UTF-8: byte 0xB5 does not start a character here: save the file as UTF-8"},
		{"truncated character", "# 条例\n\n第一条 施\xe8\xa1",
			"3:14: invalid UTF-8: byte 0xE8 does not start a character here: save the file as UTF-8"},
		{"one report a line", "# 条例\n\n第一条 \xff\xff\x01\x01。\n",
			"3:11: invalid UTF-8: byte 0xFF does not start a character here: save the file as UTF-8\n" +
				"x.md:3:13: control character U+0001 (SOH) in the text: remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/x.md":      {Data: []byte(tt.src)},
				"content/ok.md":     {Data: []byte(okDoc)},
				"content/zzz.md":    {Data: []byte("")},
				"content/README.md": {Data: []byte("")},
			}
			_, got := loadMessages(t, fsys, "content", "content")
			want := "content/zzz.md:1:1: empty document: write its title on the first line (# 标题), then its text"
			if tt.want != "" {
				want = "content/x.md:" + strings.ReplaceAll(tt.want, "\nx.md:", "\ncontent/x.md:") + "\n" + want
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestLoadTextMany checks that a file in another encoding gives a
// bounded number of diagnostics.
func TestLoadTextMany(t *testing.T) {
	src := "# 条例\n\n" + strings.Repeat("\xb5\xda\xd2\xbb\xcc\xf5\n", 25) // GB 18030 第一条
	_, got := loadMessages(t, fstest.MapFS{"x.md": {Data: []byte(src)}}, ".", "content")
	lines := strings.Split(got, "\n")
	if len(lines) != maxTextProblems+1 {
		t.Fatalf("%d diagnostics, want %d:\n%s", len(lines), maxTextProblems+1, got)
	}
	if want := "content/x.md:13:1: 15 more lines with invalid UTF-8 from here on"; lines[len(lines)-1] != want {
		t.Errorf("last diagnostic %q, want %q", lines[len(lines)-1], want)
	}
}

// TestLoadFileTypes checks that only regular files are read: a FIFO or a
// device named *.md is reported, not opened. (fstest.MapFS gives the
// types; TestLoadRealFiles makes real ones.)
func TestLoadFileTypes(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":           {Data: []byte(okDoc)},
		"content/pipe.md":        {Mode: fs.ModeNamedPipe},
		"content/sub/dev.md":     {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"content/sock.md":        {Mode: fs.ModeSocket},
		"content/pipe.txt":       {Mode: fs.ModeNamedPipe}, // not a document: ignored
		"content/folder.md/b.md": {Data: []byte(strings.Replace(okDoc, "条例", "另一条例", 1))},
	}
	docs, got := loadMessages(t, fsys, "content", "content")
	want := strings.Join([]string{
		"content/pipe.md: not a regular file (FIFO): a document must be a file of text",
		"content/sock.md: not a regular file (socket): a document must be a file of text",
		"content/sub/dev.md: not a regular file (character device): a document must be a file of text",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(docs) != 2 {
		t.Errorf("%d documents, want the 2 regular files", len(docs))
	}
}

// TestReadDocumentLimit checks the size limit, both for a file that says
// it is too large and for one that grows while it is read.
func TestReadDocumentLimit(t *testing.T) {
	big := fstest.MapFS{"big.md": {Data: make([]byte, MaxDocumentSize+1)}}
	_, err := readDocument(big, "big.md")
	if err == nil || !strings.Contains(err.Error(), "exceeds the limit of 16 MiB") {
		t.Errorf("file of 16 MiB + 1: got %v, want the limit", err)
	}
	_, err = readDocument(endlessFS{}, "x.md")
	if err == nil || !strings.Contains(err.Error(), "exceeds the limit of 16 MiB") {
		t.Errorf("endless file: got %v, want the limit", err)
	}
	just := fstest.MapFS{"x.md": {Data: make([]byte, MaxDocumentSize)}}
	if b, err := readDocument(just, "x.md"); err != nil || len(b) != MaxDocumentSize {
		t.Errorf("file of 16 MiB: %d bytes, %v; want it read", len(b), err)
	}
}

// endlessFS holds files that claim to be small regular files but never
// end, like a log written while it is read.
type endlessFS struct{}

func (endlessFS) Open(name string) (fs.File, error) { return endlessFile{}, nil }

type endlessFile struct{}

func (endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (endlessFile) Close() error               { return nil }
func (endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "x.md" }
func (endlessInfo) Size() int64        { return 10 }
func (endlessInfo) Mode() fs.FileMode  { return 0o644 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

var _ io.Reader = endlessFile{}

// TestLoadMissingFolder checks the message for a content folder that is
// not there, or not a folder.
func TestLoadMissingFolder(t *testing.T) {
	dir := t.TempDir()
	_, got := loadMessages(t, os.DirFS(filepath.Join(dir, "x")), ".", "../x")
	if want := "content folder ../x: no such folder"; got != want {
		t.Errorf("missing: got %q, want %q", got, want)
	}
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, got = loadMessages(t, os.DirFS(file), ".", "f")
	if want := "content folder f: not a folder"; got != want {
		t.Errorf("file: got %q, want %q", got, want)
	}
	_, got = loadMessages(t, fstest.MapFS{}, "content", "content")
	if want := "content folder content: no such folder"; got != want {
		t.Errorf("MapFS: got %q, want %q", got, want)
	}
}

// denyFS is a file system in which the names of deny cannot be opened,
// as files without read permission, so that the test runs as root too.
type denyFS struct {
	fs.FS
	deny map[string]bool
}

func (d denyFS) Open(name string) (fs.File, error) {
	if d.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

// TestLoadUnreadable checks that an unreadable file or folder is
// reported at its path, and that the other files are still read.
func TestLoadUnreadable(t *testing.T) {
	fsys := denyFS{
		FS: fstest.MapFS{
			"content/a.md":        {Data: []byte(okDoc)},
			"content/secret.md":   {Data: []byte(okDoc)},
			"content/locked/b.md": {Data: []byte(okDoc)},
			"content/z.md":        {Data: []byte("")},
		},
		deny: map[string]bool{"content/secret.md": true, "content/locked": true},
	}
	docs, got := loadMessages(t, fsys, "content", "content")
	want := strings.Join([]string{
		"content/locked: permission denied: the build cannot read it",
		"content/secret.md: permission denied: the build cannot read it",
		"content/z.md:1:1: empty document: write its title on the first line (# 标题), then its text",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(docs) != 2 {
		t.Errorf("%d documents, want a.md and z.md", len(docs))
	}
}

// TestSize checks that Size counts the bytes of the documents Load reads
// and no others.
func TestSize(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":        {Data: []byte("# 甲\n\n第一条 一。\n")},
		"sub/b.md":    {Data: []byte("# 乙\n")},
		"README.md":   {Data: []byte("about the folder")},
		".hidden.md":  {Data: []byte("not a document")},
		"notes.txt":   {Data: []byte("not Markdown")},
		"sub/.git/x":  {Data: []byte("x")},
		"sub/c.md.gz": {Data: []byte("xx")},
	}
	want := len(fsys["a.md"].Data) + len(fsys["sub/b.md"].Data)
	if got := Size(fsys, "."); got != want {
		t.Errorf("Size = %d, want %d", got, want)
	}
	if got := Size(fstest.MapFS{}, "missing"); got != 0 {
		t.Errorf("Size of a missing folder = %d, want 0", got)
	}
}
