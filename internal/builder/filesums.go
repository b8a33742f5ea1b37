package builder

import (
	"bufio"
	"bytes"
	"encoding/hex"
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

func sumOf(f outFile) fileSum {
	var s fileSum
	s.size = int64(len(f.Data))
	copy(s.sum[:], f.Sum[:])
	return s
}

// readFileSums reads the list at p; nil when there is none or it is
// damaged, and the old files are then compared byte by byte.
func readFileSums(p string) map[string]fileSum {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	sums := make(map[string]fileSum, bytes.Count(data, []byte("\n")))
	for len(data) > 0 {
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		data = rest
		hexSum, tail, ok1 := bytes.Cut(line, []byte(" "))
		size, name, ok2 := bytes.Cut(tail, []byte(" "))
		n, err := strconv.ParseInt(string(size), 10, 64)
		var s fileSum
		if !ok || !ok1 || !ok2 || err != nil || len(name) == 0 || len(hexSum) != 2*len(s.sum) {
			return nil
		}
		if _, err := hex.Decode(s.sum[:], hexSum); err != nil {
			return nil
		}
		s.size = n
		sums[string(name)] = s
	}
	return sums
}

// writeFileSums writes the list of sums to p.
func writeFileSums(p string, sums map[string]fileSum) error {
	paths := make([]string, 0, len(sums))
	for name := range sums {
		if !strings.Contains(name, "\n") {
			paths = append(paths, name) // a name with a newline is written afresh next time
		}
	}
	sort.Strings(paths)
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 1<<16)
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
	return err
}
