package search

import "sync"

// encoder encodes grams on every CPU and enters them in the dictionary
// in the order they come, on the caller's goroutine, so that the index's
// bytes do not depend on the number of CPUs. Grams travel in batches, few
// enough at once that memory holds only a bounded number of grams'
// positions beyond the pass's.
type encoder struct {
	c       *corpus
	d       *dictionary
	batch   []gram
	batchN  int // positions in batch
	jobs    chan encodeJob
	pending []chan []encodedGram // in order of submission
	window  int
	wg      sync.WaitGroup
	scratch scratch // of the encoding done without workers
}

type encodeJob struct {
	grams []gram
	out   chan []encodedGram
}

// Batches close at this many grams or positions, whichever comes first.
const (
	batchGrams     = 256
	batchPositions = 1 << 16
)

// newEncoder starts workers goroutines (none for one or fewer: the grams
// are then encoded as they come).
func newEncoder(c *corpus, d *dictionary, workers int) *encoder {
	e := &encoder{c: c, d: d, window: 2 * workers}
	if workers <= 1 {
		return e
	}
	e.jobs = make(chan encodeJob, workers)
	for range workers {
		e.wg.Go(func() {
			var s scratch
			for j := range e.jobs {
				out := make([]encodedGram, len(j.grams))
				for i := range j.grams {
					out[i] = d.encode(c, &j.grams[i], &s)
				}
				j.out <- out
			}
		})
	}
	return e
}

// add takes a gram; its positions must stay unchanged until close, which
// eachGram guarantees (a gram's positions are dropped, never reused).
func (e *encoder) add(g *gram) error {
	if e.jobs == nil {
		return e.d.enter(e.d.encode(e.c, g, &e.scratch))
	}
	e.batch = append(e.batch, *g)
	e.batchN += len(g.pos)
	if len(e.batch) < batchGrams && e.batchN < batchPositions {
		return nil
	}
	return e.submit()
}

// submit hands the batch to the workers, first entering the oldest
// batch's grams if the window is full.
func (e *encoder) submit() error {
	if len(e.batch) == 0 {
		return nil
	}
	if len(e.pending) == e.window {
		if err := e.enterOldest(); err != nil {
			return err
		}
	}
	out := make(chan []encodedGram, 1)
	e.jobs <- encodeJob{e.batch, out}
	e.pending = append(e.pending, out)
	e.batch, e.batchN = nil, 0
	return nil
}

func (e *encoder) enterOldest() error {
	out := <-e.pending[0]
	e.pending = e.pending[1:]
	for _, eg := range out {
		if err := e.d.enter(eg); err != nil {
			return err
		}
	}
	return nil
}

// close enters every gram still on its way and stops the workers; after
// an error it only stops them.
func (e *encoder) close(failed bool) error {
	if e.jobs == nil {
		return nil
	}
	var err error
	if !failed {
		err = e.submit()
	}
	for err == nil && len(e.pending) > 0 {
		err = e.enterOldest()
	}
	close(e.jobs)
	for _, out := range e.pending { // after an error: let the workers finish
		<-out
	}
	e.pending = nil
	e.wg.Wait()
	return err
}
