package builder

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// startServe serves dir on a loopback port with the limits lim for the
// duration of the test, and returns its address.
func startServe(t *testing.T, dir string, lim serveTimeouts) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, dir, lim) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop when its context ended")
		}
	})
	return ln.Addr().String()
}

// rawGet sends a request line as written, bypassing the client's own
// cleaning of the path, and returns the whole answer.
func rawGet(t *testing.T, addr, target string) string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	return string(resp)
}

// TestServeFilesOnly checks that -serve lists no folder, serves a folder
// that has an index.html as that page, and never leaves its folder.
func TestServeFilesOnly(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	mustWrite(t, filepath.Join(root, "secret.txt"), "SECRET-OUTSIDE")
	mustWrite(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html><title>home</title>")
	mustWrite(t, filepath.Join(dir, "doc", "index.html"), "<!DOCTYPE html><title>doc</title>")
	mustWrite(t, filepath.Join(dir, "assets", "site.css"), "body{}")
	mustWrite(t, filepath.Join(dir, "assets", "rules.wasm"), "\x00asm\x01\x00\x00\x00")
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	addr := startServe(t, dir, previewTimeouts)
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for _, c := range []struct {
		path     string
		status   int
		body     string // a part of the body, when the status is 200
		location string
	}{
		{"/", 200, "<title>home</title>", ""},
		{"/doc/", 200, "<title>doc</title>", ""},
		{"/doc", 301, "", "doc/"},
		// Go's file server sends index.html to its folder; the service
		// worker copes (web/sw.ts).
		{"/index.html", 301, "", "./"},
		{"/assets/site.css", 200, "body{}", ""},
		{"/assets/", 404, "", ""},
		{"/assets", 404, "", ""},
		{"/empty/", 404, "", ""},
		{"/assets/index.html", 301, "", "./"}, // …to /assets/, which is 404
		{"/missing.html", 404, "", ""},
	} {
		resp, err := client.Get("http://" + addr + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("GET %s: status %d, want %d", c.path, resp.StatusCode, c.status)
		}
		if c.body != "" && !strings.Contains(string(body), c.body) {
			t.Errorf("GET %s: body %q, want it to contain %q", c.path, body, c.body)
		}
		if loc := resp.Header.Get("Location"); loc != c.location {
			t.Errorf("GET %s: Location %q, want %q", c.path, loc, c.location)
		}
		if strings.Contains(string(body), "site.css") || strings.Contains(string(body), "rules.wasm") {
			t.Errorf("GET %s lists a folder: %q", c.path, body)
		}
	}
	for _, target := range []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/assets/../../secret.txt",
		"/assets/..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/assets/..\\..\\secret.txt",
	} {
		if got := rawGet(t, addr, target); strings.Contains(got, "SECRET-OUTSIDE") {
			t.Errorf("GET %s reached a file outside the site: %q", target, got)
		} else if strings.HasPrefix(got, "HTTP/1.1 200") {
			t.Errorf("GET %s: %q, want an error", target, got)
		}
	}
}

// TestServeClosesHalfOpenConnections opens connections that send nothing
// or only part of a request: the server must close each one within its
// header timeout rather than hold it.
func TestServeClosesHalfOpenConnections(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html><title>t</title>")
	lim := serveTimeouts{ReadHeader: 200 * time.Millisecond, Read: time.Second, Write: time.Second, Idle: time.Second}
	addr := startServe(t, dir, lim)
	// Without the timeout the connections would stay open for ever; the
	// wait is long only so that a busy machine cannot fail the test.
	const wait = 10 * time.Second
	for _, c := range []struct{ name, sent string }{
		{"nothing", ""},
		{"part of the request line", "GET /ind"},
		{"part of the headers", "GET /index.html HTTP/1.1\r\nHost: x\r\n"},
	} {
		const n = 10
		conns := make([]net.Conn, n)
		for i := range conns {
			conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, c.sent); err != nil {
				t.Fatal(err)
			}
			conns[i] = conn
		}
		start := time.Now()
		for i, conn := range conns {
			conn.SetReadDeadline(start.Add(wait))
			_, err := io.Copy(io.Discard, conn)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Errorf("%s: connection %d still open after %v (header timeout %v)", c.name, i, wait, lim.ReadHeader)
			}
		}
	}
	// A whole request is still answered.
	if got := rawGet(t, addr, "/"); !strings.HasPrefix(got, "HTTP/1.1 200") {
		t.Errorf("GET /: %q", got)
	}
}
