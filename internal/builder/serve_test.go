package builder

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe serves a folder as -serve does, fetches a page and the
// WebAssembly with its type, and stops when the context ends.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html><title>t</title>")
	mustWrite(t, filepath.Join(dir, "assets", "rules.wasm"), "\x00asm\x01\x00\x00\x00")
	ctx, cancel := context.WithCancel(context.Background())
	var log syncBuffer
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", dir, &log) }()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(5 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		base = addr.FindString(log.String())
	}
	if base == "" {
		t.Fatalf("Serve printed no address: %q", log.String())
	}
	resp, err := http.Get(base + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "<!DOCTYPE html><title>t</title>" {
		t.Errorf("index.html: %d %q", resp.StatusCode, body)
	}
	resp, err = http.Get(base + "assets/rules.wasm")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("rules.wasm served as %q, want application/wasm (needed by instantiateStreaming)", ct)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("Serve did not stop when its context ended")
	}
}
