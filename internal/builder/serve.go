package builder

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// previewTimeouts are the limits of -serve. A browser sends its request
// headers at once, so a connection that has sent none after a few seconds
// is a dead or hostile one; without these limits every half-open
// connection would be held for ever. The write limit leaves room for
// rules.wasm (a few megabytes) over a slow link.
var previewTimeouts = serveTimeouts{
	ReadHeader: 5 * time.Second,
	Read:       15 * time.Second,
	Write:      60 * time.Second,
	Idle:       60 * time.Second,
}

// serveTimeouts bound how long the preview server waits for a client;
// tests shorten them.
type serveTimeouts struct {
	ReadHeader time.Duration // from the connection (or the end of the previous request) to the end of the request headers
	Read       time.Duration // the whole request
	Write      time.Duration // from the end of the request headers to the end of the response
	Idle       time.Duration // a kept-alive connection between requests
}

// Serve serves dir on addr until ctx ends: the preview server of -serve.
// It serves files only: a folder is served as its index.html, and a folder
// without one is not found (no listings). When ctx ends it closes its
// listener and every connection, so that clients are refused at once.
func Serve(ctx context.Context, addr, dir string, log io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "serving %s on http://%s/ (Ctrl-C to stop)\n", dir, ln.Addr())
	return serve(ctx, ln, dir, previewTimeouts)
}

// serve serves dir on ln with the limits lim until ctx ends.
func serve(ctx context.Context, ln net.Listener, dir string, lim serveTimeouts) error {
	srv := &http.Server{
		Handler:           previewHandler(dir),
		ReadHeaderTimeout: lim.ReadHeader,
		ReadTimeout:       lim.Read,
		WriteTimeout:      lim.Write,
		IdleTimeout:       lim.Idle,
		MaxHeaderBytes:    64 << 10,
	}
	// Close, not Shutdown: a stopped preview refuses every client at once,
	// which is also how the browser tests take the network away.
	closed := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		srv.Close()
		close(closed)
	})
	defer stop()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	// Serve returns once the listener is closed; wait until the
	// connections are too.
	<-closed
	return nil
}

// previewHandler serves the files of dir. http.Dir keeps every request
// inside dir: the file server cleans the path, and http.Dir refuses names
// with "..". The type of rules.wasm is set here rather than left to the
// system's MIME table, since WebAssembly.instantiateStreaming requires
// application/wasm.
func previewHandler(dir string) http.Handler {
	files := http.FileServer(noListing{http.Dir(dir)})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		files.ServeHTTP(w, r)
	})
}

// noListing is a file system whose folders exist only when they hold an
// index.html, so that the file server never lists a folder: /assets/ is
// not found, while /kzfz-2021-7/ is its index.html.
type noListing struct {
	http.Dir
}

func (d noListing) Open(name string) (http.File, error) {
	f, err := d.Dir.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && info.IsDir() {
		err = fs.ErrNotExist
		if index, ierr := d.Dir.Open(path.Join(name, "index.html")); ierr == nil {
			if st, serr := index.Stat(); serr == nil && st.Mode().IsRegular() {
				err = nil
			}
			index.Close()
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
