package search

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"slices"
	"strings"
)

// spill holds the dictionary's records until the end of the build, when
// the number of partitions is known: in memory up to a bound, and beyond
// it in sorted runs in a temporary file, which are merged at the end in
// the order of the partitions, as search engines build an index in
// bounded memory. What it holds at once is one run's records, and while
// merging one record and a buffer per run.
//
// Records are sorted by their gram's Hash with its bits reversed. A
// partition is the grams whose hash ends in its number, so whatever the
// number of partitions (a power of two), each partition's records come
// together in that order.
type spill struct {
	dir   string // the temporary file's folder; "" for the system's
	limit int    // bytes of keys and values held before a run is written

	buf   []record
	bytes int

	f       *os.File // the runs, one after the other; nil until the first
	removed bool     // f's name was removed as it was made
	w       *bufio.Writer
	runs    []section
}

// record is an entry of the dictionary or a packed list.
type record struct {
	order uint32 // the hash of the gram, its bits reversed
	pack  bool   // a packed list: key is the list's kind and gram
	key   string
	value string
}

type section struct{ off, n int64 }

func newRecord(pack bool, key, value string) record {
	gram := key
	if pack {
		gram = key[1:]
	}
	return record{order: bits.Reverse32(Hash(gram)), pack: pack, key: key, value: value}
}

func compareRecords(a, b record) int {
	return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.key, b.key), boolCompare(a.pack, b.pack))
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// add takes a record, writing a run when the records held outgrow the
// limit.
func (s *spill) add(r record) error {
	s.buf = append(s.buf, r)
	s.bytes += len(r.key) + len(r.value) + recordOverhead
	if s.bytes < s.limit {
		return nil
	}
	return s.writeRun()
}

// recordOverhead is about what a record costs in memory beyond its bytes.
const recordOverhead = 48

// writeRun sorts the records held and appends them to the file as a run.
func (s *spill) writeRun() error {
	if s.f == nil {
		f, err := os.CreateTemp(s.dir, "rulesite-index-*.tmp")
		if err != nil {
			return fmt.Errorf("search: a file to spill the dictionary to: %w", err)
		}
		// Unlinked at once where the system allows it, so that nothing is
		// left behind whatever happens to the build; elsewhere close
		// removes it.
		s.removed = os.Remove(f.Name()) == nil
		s.f, s.w = f, bufio.NewWriterSize(f, 1<<16)
	}
	slices.SortFunc(s.buf, compareRecords)
	start := int64(0)
	if n := len(s.runs); n > 0 {
		start = s.runs[n-1].off + s.runs[n-1].n
	}
	var n int64
	var head [binary.MaxVarintLen64]byte
	put := func(b []byte) error {
		k, err := s.w.Write(b)
		n += int64(k)
		return err
	}
	for _, r := range s.buf {
		var flag byte
		if r.pack {
			flag = 1
		}
		binary.LittleEndian.PutUint32(head[:4], r.order)
		head[4] = flag
		if err := put(head[:5]); err != nil {
			return s.failed(err)
		}
		for _, str := range [2]string{r.key, r.value} {
			k := binary.PutUvarint(head[:], uint64(len(str)))
			if err := put(head[:k]); err != nil {
				return s.failed(err)
			}
			k, err := s.w.WriteString(str)
			n += int64(k)
			if err != nil {
				return s.failed(err)
			}
		}
	}
	if err := s.w.Flush(); err != nil {
		return s.failed(err)
	}
	s.runs = append(s.runs, section{start, n})
	clear(s.buf)
	s.buf, s.bytes = s.buf[:0], 0
	return nil
}

func (s *spill) failed(err error) error {
	return fmt.Errorf("search: spilling the dictionary: %w", err)
}

// close removes the temporary file; the spill holds nothing after.
func (s *spill) close() {
	if s.f != nil {
		s.f.Close()
		if !s.removed {
			os.Remove(s.f.Name())
		}
		s.f = nil
	}
	s.buf, s.runs = nil, nil
}

// partitions calls f with the records of each partition of parts (a power
// of two), in an order of the partitions that is not theirs: every
// partition once, with its number, empty or not. The records given to f
// are its to keep.
func (s *spill) partitions(parts int, f func(k int, records []record) error) error {
	p := bits.TrailingZeros(uint(parts))
	if parts != 1<<p {
		return fmt.Errorf("search: %d partitions, not a power of two", parts)
	}
	slices.SortFunc(s.buf, compareRecords)
	sources := &mergeHeap{}
	if len(s.buf) > 0 {
		sources.add(&memorySource{records: s.buf})
	}
	for _, run := range s.runs {
		size := int(min(run.n, 1<<16)) // a buffer no larger than the run
		src := &runSource{r: bufio.NewReaderSize(io.NewSectionReader(s.f, run.off, run.n), size)}
		if err := sources.add(src); err != nil {
			return err
		}
	}
	s.buf = nil
	top := func(r record) int { return int(uint64(r.order) >> (32 - p)) }
	for t := range parts {
		var records []record
		for sources.Len() > 0 && top(sources.peek()) == t {
			r, err := sources.pop()
			if err != nil {
				return err
			}
			records = append(records, r)
		}
		k := int(uint64(bits.Reverse32(uint32(t))) >> (32 - p))
		if err := f(k, records); err != nil {
			return err
		}
	}
	if sources.Len() > 0 {
		return errors.New("search: the dictionary's runs are out of order")
	}
	return nil
}

// source is a sorted sequence of records.
type source interface {
	next() (record, bool, error)
}

type memorySource struct {
	records []record
}

func (m *memorySource) next() (record, bool, error) {
	if len(m.records) == 0 {
		return record{}, false, nil
	}
	r := m.records[0]
	m.records[0] = record{}
	m.records = m.records[1:]
	return r, true, nil
}

type runSource struct {
	r *bufio.Reader
}

func (s *runSource) next() (record, bool, error) {
	var head [5]byte
	if _, err := io.ReadFull(s.r, head[:]); err != nil {
		if err == io.EOF {
			return record{}, false, nil
		}
		return record{}, false, fmt.Errorf("search: reading the spilled dictionary: %w", err)
	}
	r := record{order: binary.LittleEndian.Uint32(head[:4]), pack: head[4] == 1}
	for _, dst := range [2]*string{&r.key, &r.value} {
		n, err := binary.ReadUvarint(s.r)
		if err == nil {
			var b strings.Builder
			b.Grow(int(n))
			_, err = io.CopyN(&b, s.r, int64(n))
			*dst = b.String()
		}
		if err != nil {
			return record{}, false, fmt.Errorf("search: reading the spilled dictionary: %w", err)
		}
	}
	return r, true, nil
}

// mergeHeap merges sources by their next record.
type mergeHeap struct {
	heads []record
	srcs  []source
}

func (h *mergeHeap) Len() int           { return len(h.srcs) }
func (h *mergeHeap) Less(i, j int) bool { return compareRecords(h.heads[i], h.heads[j]) < 0 }
func (h *mergeHeap) Swap(i, j int) {
	h.heads[i], h.heads[j] = h.heads[j], h.heads[i]
	h.srcs[i], h.srcs[j] = h.srcs[j], h.srcs[i]
}
func (h *mergeHeap) Push(any) {}
func (h *mergeHeap) Pop() any {
	n := len(h.srcs) - 1
	h.heads, h.srcs = h.heads[:n], h.srcs[:n]
	return nil
}

// add enters a source by its first record; an empty one is dropped.
func (h *mergeHeap) add(s source) error {
	r, ok, err := s.next()
	if err != nil || !ok {
		return err
	}
	h.heads = append(h.heads, r)
	h.srcs = append(h.srcs, s)
	heap.Fix(h, len(h.srcs)-1)
	return nil
}

func (h *mergeHeap) peek() record { return h.heads[0] }

// pop returns the least record and moves its source on.
func (h *mergeHeap) pop() (record, error) {
	r := h.heads[0]
	next, ok, err := h.srcs[0].next()
	switch {
	case err != nil:
		return r, err
	case ok:
		h.heads[0] = next
		heap.Fix(h, 0)
	default:
		heap.Remove(h, 0)
	}
	return r, nil
}
