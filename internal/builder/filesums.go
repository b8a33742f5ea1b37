package builder

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// filesName is the list of the files of a built site with their sizes and
// digests, at its root beside the stamp: the next build compares its
// files with it and links those that are unchanged, without reading the
// old ones back. One line a file, sorted by path:
//
//	<32 hex digits: the first half of SHA-256> <size> <path>
//
// It is written after every other file, and is part of the site's output
// like the stamp: the same input gives the same list.
const filesName = ".rulesite-files"

// digest returns the size and digest of data.
func digest(data []byte) fileSum {
	full := sha256.Sum256(data)
	s := fileSum{size: int64(len(data))}
	copy(s.sum[:], full[:])
	return s
}

// readFileSums reads the list at p, with the digest of its bytes, which
// identifies the site; nil when there is none or it is damaged, and the
// old files are then compared byte by byte.
func readFileSums(p string) (map[string]fileSum, string) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, ""
	}
	id := sha256.Sum256(data)
	sums := make(map[string]fileSum, bytes.Count(data, []byte("\n")))
	for len(data) > 0 {
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		data = rest
		hexSum, tail, ok1 := bytes.Cut(line, []byte(" "))
		size, name, ok2 := bytes.Cut(tail, []byte(" "))
		n, err := strconv.ParseInt(string(size), 10, 64)
		var s fileSum
		if !ok || !ok1 || !ok2 || err != nil || len(name) == 0 || len(hexSum) != 2*len(s.sum) {
			return nil, ""
		}
		if _, err := hex.Decode(s.sum[:], hexSum); err != nil {
			return nil, ""
		}
		s.size = n
		sums[string(name)] = s
	}
	return sums, hex.EncodeToString(id[:])
}

// writeFileSums writes the list of sums to p and returns the digest of
// its bytes (see readFileSums).
func writeFileSums(p string, sums map[string]fileSum) (string, error) {
	paths := make([]string, 0, len(sums))
	for name := range sums {
		if !strings.Contains(name, "\n") {
			paths = append(paths, name) // a name with a newline is written afresh next time
		}
	}
	sort.Strings(paths)
	f, err := os.Create(p)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	b := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<16)
	var hexSum [32]byte
	for _, name := range paths {
		s := sums[name]
		hex.Encode(hexSum[:], s.sum[:])
		b.Write(hexSum[:])
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(s.size, 10))
		b.WriteByte(' ')
		b.WriteString(name)
		b.WriteByte('\n')
	}
	err = b.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return hex.EncodeToString(h.Sum(nil)), err
}
