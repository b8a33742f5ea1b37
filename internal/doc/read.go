package doc

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"path"
	"strings"
	"syscall"
	"unicode/utf8"
)

// MaxDocumentSize is the largest document file Load reads, 16 MiB, fifty
// times the largest text of the corpus (313 KB, a code of procedure): a
// limit keeps a stray file — a disk image, a log that grows while it is
// read, a link to /dev/zero — from exhausting memory.
const MaxDocumentSize = 16 << 20

// findDocuments walks dir in fsys and returns the paths of the documents
// in lexical order: files named *.md other than README.md, outside names
// starting with ".". It reports, as diagnostics naming the file from the
// project root (display joined with its path in dir):
//
//   - a content folder that does not exist or is not a folder;
//   - a folder it cannot list;
//   - a *.md that is not a regular file (a device, a FIFO, a socket, a
//     folder behind a symbolic link), since opening a FIFO blocks and
//     reading a device may never end; a symbolic link to a regular file
//     is followed;
//   - a symbolic link it cannot follow (a loop, a missing target).
//
// It never stops at the first problem.
func findDocuments(fsys fs.FS, dir, display string, errs *ErrorList) []string {
	info, err := fs.Stat(fsys, dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs.Add(token.Position{}, "content folder "+display+": no such folder")
		return nil
	case err != nil:
		errs.Add(token.Position{}, "content folder "+display+": "+ioMessage(err))
		return nil
	case !info.IsDir():
		errs.Add(token.Position{}, "content folder "+display+": not a folder")
		return nil
	}
	shown := func(p string) token.Position {
		return token.Position{Filename: path.Join(display, relPath(dir, p))}
	}
	var names []string
	fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			// A folder that cannot be listed, or an entry that vanished
			// since it was listed: report it and go on with the rest.
			errs.Add(shown(p), ioMessage(err))
			return nil
		}
		if p != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || path.Ext(p) != ".md" || e.Name() == "README.md" {
			return nil
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				errs.Add(shown(p), "symbolic link: "+ioMessage(err))
				return nil
			}
			mode = info.Mode().Type()
		}
		if !mode.IsRegular() {
			errs.Add(shown(p), "not a regular file ("+modeName(mode)+"): a document must be a file of text")
			return nil
		}
		names = append(names, p)
		return nil
	})
	return names
}

// readDocument reads the regular file name of fsys, at most
// MaxDocumentSize bytes of it. The type is checked again on the open
// file, in case the file was replaced since it was listed, and the
// reading stops at the limit even if the file grows meanwhile.
func readDocument(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, errors.New(ioMessage(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, errors.New(ioMessage(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s): a document must be a file of text", modeName(info.Mode().Type()))
	}
	if info.Size() > MaxDocumentSize {
		return nil, tooLarge(info.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxDocumentSize+1)); err != nil {
		return nil, errors.New(ioMessage(err))
	}
	if buf.Len() > MaxDocumentSize {
		return nil, tooLarge(int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func tooLarge(size int64) error {
	return fmt.Errorf("file of %d bytes or more exceeds the limit of %d MiB for a document: split it, or check that it is a document at all",
		size, MaxDocumentSize>>20)
}

// ioMessage returns the message of an I/O error without the operation
// and path that *fs.PathError adds: the diagnostic names the file the
// way people find it from the project root instead.
func ioMessage(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: the build cannot read it"
	case errors.Is(err, syscall.ENOTDIR):
		return "not a folder"
	}
	return err.Error()
}

// modeName names a file type for people.
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "FIFO"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
}

// maxTextProblems is how many invalid characters of one kind checkText
// reports in a file before it sums up the rest: a file in another
// encoding (GB 18030) has one on almost every line.
const maxTextProblems = 10

// checkText reports what makes src unusable as text, with positions:
// bytes that are not UTF-8, and control characters other than tab, line
// feed and carriage return (NUL, form feed, escape…), which no official
// text contains and which would reach pages and the search index. It
// reports each line once per kind, at its first offending byte. A byte
// order mark at the start is accepted; the caller skips it.
func (b *builder) checkText(src []byte) {
	type tally struct {
		what     string
		lines    int
		lastLine int
		more     token.Position
	}
	bad, ctl := tally{what: "invalid UTF-8"}, tally{what: "control characters"}
	note := func(t *tally, off int, msg func() string) {
		p := b.pos(off)
		if p.Line == t.lastLine {
			return
		}
		t.lastLine = p.Line
		t.lines++
		switch {
		case t.lines <= maxTextProblems:
			b.errs.Add(p, msg())
		case t.lines == maxTextProblems+1:
			t.more = p
		}
	}
	for off := 0; off < len(src); {
		c := src[off]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				note(&ctl, off, func() string {
					return fmt.Sprintf("control character U+%04X (%s) in the text: remove it", c, controlNames[c])
				})
			}
			off++
			continue
		}
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			note(&bad, off, func() string {
				return fmt.Sprintf("invalid UTF-8: byte 0x%02X does not start a character here: save the file as UTF-8", c)
			})
		}
		off += size
	}
	for _, t := range []*tally{&bad, &ctl} {
		if n := t.lines - maxTextProblems; n > 0 {
			b.errs.Addf(t.more, "%d more lines with %s from here on", n, t.what)
		}
	}
}

// controlNames are the ASCII names of the C0 control characters.
var controlNames = [0x20]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
	"BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
	"CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
}

// isBlankText reports whether src holds nothing but white space.
func isBlankText(src []byte) bool {
	return len(bytes.TrimSpace(src)) == 0
}
