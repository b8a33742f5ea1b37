// Package builder runs the whole site build: it reads the content, the
// templates and the web sources, renders every file in memory, and only
// when everything succeeded swaps the result into the output folder, so a
// failed build leaves the previous site untouched.
package builder

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"rulesite/internal/diag"
	"rulesite/internal/doc"
	"rulesite/internal/search"
	"rulesite/internal/site"
	"rulesite/internal/versions"
	"rulesite/internal/wasmbuild"
	"rulesite/internal/webbuild"
)

// Options configure a build. Paths are operating-system paths.
type Options struct {
	ModuleRoot string // the project root, holding go.mod, templates/ and web/
	Content    string // the content folder
	Out        string // the output folder, replaced as a whole
	CacheDir   string // where compiled WebAssembly is kept between builds
	// Strict makes every warning an error: an irregularity of a published
	// text (a skipped number, a lost heading) then fails the build.
	Strict bool
	// BaseURL is the address the site is published at, for copied and
	// printed links (see site.Input.BaseURL); "" when not known.
	BaseURL string
	// AsOf is the date (YYYY-MM-DD) the status of versions is decided
	// for (see site.Input.AsOf); "" for the day of the build.
	AsOf string
	// Display is the folder diagnostics are relative to (the working
	// directory): content errors read content/x.md:3:1, not /abs/…/x.md.
	Display string
	Log     io.Writer // the summary; nil for none
}

// Report says what a build produced and how long each stage took.
type Report struct {
	Docs, Articles int
	Warnings       diag.List            // irregularities of the texts, read past and rendered as written
	Citations      site.CitationFigures // references found in the texts, resolved or left as plain text
	Files          []site.File          // every file, sorted by path; set by Render only
	Stages         []Stage
	// moduleKey is the key of the WebAssembly module built (see
	// wasmbuild.Key), "" if none.
	moduleKey string
	// Unchanged reports that no input had changed since the build that
	// made the site in place, which was left as it was: Docs and
	// Articles are that build's, and Warnings and Citations are not
	// read again (that build's report is printed).
	Unchanged bool
}

// Stage is one timed step of the build.
type Stage struct {
	Name    string
	Summary string
	Elapsed time.Duration
}

// Run is the build command: it parses args, builds, and serves the result
// when -serve is given.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(stderr)
	out := fset.String("out", "public", "write the site to `dir`")
	content := fset.String("content", "", "read documents from `dir` (default: content/ of the project)")
	serve := fset.String("serve", "", "after building, serve the site on `addr` (e.g. localhost:8080) for preview")
	cache := fset.String("cache", "", "keep compiled WebAssembly in `dir` (default: the user cache folder)")
	strict := fset.Bool("strict", false, "treat warnings (irregular numbering or headings of a published text) as errors")
	baseURL := fset.String("base-url", "", "the `address` the site is published at (e.g. http://10.1.2.3/guize/), used in copied and printed links")
	asOf := fset.String("as-of", "", "decide which versions are in force as of this `date` (YYYY-MM-DD; default: today, UTC)")
	writeManifest := fset.Bool("write-manifest", false, "after building, add every address the site publishes to the content folder's "+ManifestFile)
	fset.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./cmd/build [-out dir] [-content dir] [-strict] [-base-url address] [-serve addr] [-write-manifest]\n\n")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		fset.Usage()
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fset.Args(), " "))
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	root, err := FindModuleRoot(wd)
	if err != nil {
		return err
	}
	opts := Options{
		ModuleRoot: root,
		Content:    *content,
		Out:        *out,
		CacheDir:   *cache,
		Strict:     *strict,
		AsOf:       *asOf,
		Display:    wd,
		Log:        stdout,
	}
	if opts.Content == "" {
		opts.Content = filepath.Join(root, "content")
	}
	if opts.BaseURL, err = NormalizeBaseURL(*baseURL); err != nil {
		return err
	}
	if _, err := time.Parse(time.DateOnly, opts.AsOf); opts.AsOf != "" && err != nil {
		return fmt.Errorf("-as-of %q is not a date: write it YYYY-MM-DD", opts.AsOf)
	}
	if opts.CacheDir == "" {
		opts.CacheDir = DefaultCacheDir()
	}
	if _, err := Build(ctx, opts); err != nil {
		return fmt.Errorf("%w\nbuild failed; %s was left as it was", err, opts.Out)
	}
	if *writeManifest {
		total, added, err := WriteManifest(opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%-8s %s: %d addresses, %d new\n", "manifest", displayPath(wd, filepath.Join(opts.Content, ManifestFile)), total, added)
	}
	if *serve != "" {
		return Serve(ctx, *serve, opts.Out, stdout)
	}
	return nil
}

// DefaultCacheDir is where compiled WebAssembly is kept: the user's cache
// folder, or the system's temporary folder where there is none.
func DefaultCacheDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "rulesite")
	}
	return filepath.Join(os.TempDir(), "rulesite-cache")
}

// FindModuleRoot returns the nearest folder at or above dir holding go.mod.
func FindModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod in %s or above: run the build inside the project", dir)
		}
		d = parent
	}
}

// Sources are the inputs of a build, as file systems so that tests can
// hand in an in-memory tree. The *Dir fields are the display paths used in
// diagnostics (e.g. "content", "../shared/corpus").
type Sources struct {
	Content      fs.FS
	ContentDir   string
	Templates    fs.FS
	TemplatesDir string
	Web          fs.FS
	WebDir       string
	// Strict makes warnings errors (see Options.Strict).
	Strict bool
	// BaseURL is the site's published address (see Options.BaseURL).
	BaseURL string
	// AsOf is the date of the versions' status (see Options.AsOf).
	AsOf string
	// Wasm compiles (or fetches from the cache) the rules module; nil
	// leaves the WebAssembly files out, for tests that do not need them.
	Wasm func(ctx context.Context) (*wasmbuild.Result, error)
	// Cache is the folder derived files are kept in between builds (the
	// bundled web sources, the module as base64); "" makes them afresh.
	Cache string

	// reuse, when not nil, keeps the unchanged documents' pages of the
	// site being replaced (see pageReuse).
	reuse *pageReuse
}

// Build renders the whole site and replaces opts.Out with it. Files are
// written into a fresh folder beside opts.Out while later stages still
// run — creating tens of thousands of files is slow on some disks, and
// the waiting overlaps the rendering — and the folder replaces opts.Out
// only when every stage has succeeded. Before any of that, Build refuses
// an opts.Out that is not its own to replace (see planOut).
func Build(ctx context.Context, opts Options) (*Report, error) {
	return build(ctx, opts, true)
}

// build is Build; wasm false leaves the WebAssembly out, for tests.
func build(ctx context.Context, opts Options, wasm bool) (*Report, error) {
	start := time.Now()
	display := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return filepath.ToSlash(p)
		}
		if opts.Display != "" {
			if rel, err := filepath.Rel(opts.Display, abs); err == nil {
				return filepath.ToSlash(rel)
			}
		}
		return filepath.ToSlash(abs)
	}
	src := Sources{
		Content:      os.DirFS(opts.Content),
		ContentDir:   display(opts.Content),
		Templates:    os.DirFS(filepath.Join(opts.ModuleRoot, "templates")),
		TemplatesDir: display(filepath.Join(opts.ModuleRoot, "templates")),
		Web:          os.DirFS(filepath.Join(opts.ModuleRoot, "web")),
		WebDir:       display(filepath.Join(opts.ModuleRoot, "web")),
		Strict:       opts.Strict,
		BaseURL:      opts.BaseURL,
		AsOf:         opts.AsOf,
		Wasm: func(ctx context.Context) (*wasmbuild.Result, error) {
			return wasmbuild.Build(ctx, opts.ModuleRoot, opts.CacheDir)
		},
		Cache: opts.CacheDir,
	}
	if !wasm {
		src.Wasm = nil
	}
	// When no input changed since the build that made the site in place,
	// and the site is as it left it, there is nothing to write.
	inputs := inputsDigest(opts, src, wasm)
	if last, ok := unchangedSite(ctx, opts, inputs, wasm); ok {
		r := &Report{Docs: last.docs, Articles: last.articles, Unchanged: true}
		r.Stages = append(r.Stages, Stage{Name: "check", Summary: last.stageLine(), Elapsed: time.Since(start)})
		if opts.Log != nil {
			r.print(opts.Log, start)
			io.WriteString(opts.Log, last.text)
		}
		return r, nil
	}
	var r *Report
	var tail bytes.Buffer // what is printed after the stages
	for attempt := 1; ; attempt++ {
		w, err := newWriter(opts)
		if err != nil {
			return nil, err
		}
		src.reuse = newPageReuse(opts.CacheDir, opts.Out, w)
		version := newVersion()
		r, err = render(ctx, src, version, w.add)
		if err != nil {
			w.abort()
			return nil, err
		}
		tail.Reset()
		printWarnings(&tail, r.Warnings, display(filepath.Join(opts.Out, site.ReportText)))
		if r.Citations.Found > 0 {
			r.Citations.Print(&tail)
		}
		src.reuse.inputs = withModule(inputs, r.moduleKey, wasm)
		src.reuse.report = &lastReport{docs: r.Docs, articles: r.Articles, warnings: len(r.Warnings), text: tail.String()}
		err = r.stage("write", func() (string, error) {
			if err := w.finish(version.files); err != nil {
				return "", err
			}
			src.reuse.write(w.sumsID)
			summary := fmt.Sprintf("%s: %d files, %s", display(opts.Out), w.files, kb(w.bytes))
			if n := w.linked.Load(); n > 0 {
				summary += fmt.Sprintf(", %d unchanged", n)
			}
			return summary, nil
		})
		// Another build replaced the site this one was keeping files
		// from: build again, from the site now in place.
		if errors.Is(err, errPrevReplaced) && attempt < 3 {
			continue
		}
		if err != nil {
			return nil, err
		}
		break
	}
	if opts.Log != nil {
		r.print(opts.Log, start)
		opts.Log.Write(tail.Bytes())
	}
	return r, nil
}

// print writes a line per stage, with what it made and how long it
// took, and the total time since start.
func (r *Report) print(w io.Writer, start time.Time) {
	for _, s := range r.Stages {
		fmt.Fprintf(w, "%-8s %-58s %8s\n", s.Name, s.Summary, s.Elapsed.Round(100*time.Microsecond))
	}
	fmt.Fprintf(w, "%-8s %-58s %8s\n", "total", "", time.Since(start).Round(100*time.Microsecond))
}

// Render produces every file of the site in memory, sorted by path, in
// r.Files.
func Render(ctx context.Context, src Sources) (*Report, error) {
	var files []site.File
	r, err := render(ctx, src, newVersion(), func(fs []outFile) error {
		for _, f := range fs {
			files = append(files, f.File)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	r.Files = files
	return r, nil
}

// outFile is a file of the site with the digest of its bytes, which the
// site's version and the writer's comparison with the previous site share.
// A file Reused is the previous site's file of the same path, which the
// writer links (or copies): its Data is nil, and its size is in Sum.
type outFile struct {
	site.File
	Sum    fileSum
	Reused bool
}

// render runs the stages, handing each stage's files to emit as soon as
// they are made. sw.js is held back to the end, since its precache list
// and version cover every other file.
func render(ctx context.Context, src Sources, version *siteVersion, emit func([]outFile) error) (*Report, error) {
	r := &Report{}
	var sw *site.File
	send := func(files []site.File) error {
		out := make([]outFile, 0, len(files))
		for i := range files {
			if files[i].Path == "sw.js" {
				sw = &files[i]
				continue
			}
			f := outFile{File: files[i], Sum: digest(files[i].Data)}
			if err := version.add(f); err != nil {
				return err
			}
			out = append(out, f)
		}
		return emit(out)
	}
	// keep hands over files whose digests are known — kept from the
	// previous site (see pageReuse), or digested as they were made — and
	// returns their size.
	keep := func(files []outFile) (int, error) {
		size := 0
		for _, f := range files {
			if err := version.add(f); err != nil {
				return size, err
			}
			size += int(f.Sum.size)
		}
		return size, emit(files)
	}

	// The scripts and styles and the WebAssembly module depend on no
	// content: they are made, or read from the cache, while the content
	// is read and the pages rendered, and their stages wait for them.
	// Whatever way render returns, they are stopped and waited for.
	ctx, cancel := context.WithCancel(ctx)
	web := start(func() (webBundle, error) { return bundle(src) })
	var wasm *pending[wasmModule]
	if src.Wasm != nil {
		wasm = start(func() (wasmModule, error) { return wasmFiles(ctx, src) })
	}
	// The templates are parsed while the texts are read.
	templates := start(func() (*site.Templates, error) {
		return site.CheckTemplates(src.Templates, src.TemplatesDir)
	})
	defer func() {
		cancel()
		web.wait()
		if wasm != nil {
			wasm.wait()
		}
		templates.wait()
	}()

	// Every input is read and checked before anything is rendered, so
	// that the problems of the content, the redirects and the templates
	// come back together, in one sorted list.
	var docs []*doc.Document
	var redirects []site.Redirect
	var redirectProblems diag.List
	var parsed *site.Templates // checked with the content, rendered with in the pages
	err := r.stage("content", func() (string, error) {
		var loadErr error
		// The limit is raised before the documents are read, since they
		// are the first of what the build holds.
		raiseMemoryLimit(doc.Size(src.Content, "."))
		docs, loadErr = doc.Load(src.Content, ".", src.ContentDir)
		if loadErr == nil && len(docs) == 0 {
			loadErr = fmt.Errorf("%s: no documents (*.md) found", src.ContentDir)
		}
		var redirectErr error
		redirects, redirectProblems, redirectErr = LoadRedirects(src.Content, src.ContentDir)
		var reserved diag.List
		for _, d := range docs {
			r.Articles += len(d.Articles)
			r.Warnings = append(r.Warnings, d.Warnings...)
			if reservedNames[d.Slug] {
				pos := d.IDPos
				if pos.Filename == "" {
					pos = diag.Pos{Filename: d.Path}
				}
				reserved.Addf(pos, "id %q is a folder of the site itself (%s): choose another id", d.Slug, strings.Join(sortedReserved(), ", "))
			}
		}
		r.Warnings.Sort()
		var strict error
		if src.Strict {
			strict = r.Warnings.Strict()
		}
		var tmplErr error
		parsed, tmplErr = templates.take()
		if err := diag.Join(loadErr, reserved, redirectErr, tmplErr, strict); err != nil {
			// The redirects' own mistakes come with the others; whether
			// their pages exist is known only once the pages are.
			return "", diag.Join(err, redirectProblems)
		}
		r.Docs = len(docs)
		summary := fmt.Sprintf("%d documents, %d articles", r.Docs, r.Articles)
		switch n := len(r.Warnings); {
		case n == 1:
			summary += ", 1 warning"
		case n > 1:
			summary += fmt.Sprintf(", %d warnings", n)
		}
		return summary, nil
	})
	if err != nil {
		return nil, err
	}

	// Pages go to the writer as they are rendered, so a large site is
	// never held in memory; the manifest keeps the ids of the pages it
	// lists only.
	manifest, err := newManifestCheck(src, redirects)
	if err != nil {
		return nil, err
	}
	err = r.stage("pages", func() (string, error) {
		pages, size := 0, 0
		in := site.Input{
			Docs:         docs,
			Templates:    src.Templates,
			TemplatesDir: src.TemplatesDir,
			Parsed:       parsed,
			Redirects:    redirects,
			BaseURL:      src.BaseURL,
			AsOf:         src.AsOf,
			Citations:    &r.Citations,
		}
		var keepErr error
		if src.reuse != nil {
			in.Unchanged = func(dir, key string, paths []string) bool {
				files, ok := src.reuse.keep(dir, key, paths)
				if !ok || !manifest.observeKept(src.reuse.prev, files) {
					return false
				}
				n, err := keep(files)
				if err != nil {
					keepErr = err
				}
				pages += len(files)
				size += n
				return true
			}
		}
		err := site.Stream(in, func(f site.File) error {
			manifest.observe(f)
			pages++
			size += len(f.Data)
			return send([]site.File{f})
		})
		// The templates, bound to the functions of the pages' builder,
		// hold it and through it every parsed document, its references
		// and its comparisons: let go, so that the search stage, which
		// lets the documents go as it reads them, does not carry them
		// (on the corpus ten times over, the collector scanned them
		// over and over for most of that stage).
		parsed = nil
		if err := diag.Join(redirectProblems, err, keepErr); err != nil {
			return "", err
		}
		summary := fmt.Sprintf("%d pages, %s", pages, kb(size))
		if src.reuse != nil && src.reuse.kept > 0 {
			summary += fmt.Sprintf("; %d of %d sets unchanged", src.reuse.kept, src.reuse.units)
		}
		return summary, nil
	})
	if err != nil {
		return nil, err
	}
	err = r.stage("manifest", manifest.finish)
	if err != nil {
		return nil, err
	}

	err = r.stage("search", func() (string, error) {
		// The index goes to the writer file by file as it is made, so
		// that it is never held whole.
		n, size := 0, 0
		// No later stage reads the parsed documents: they are let go as
		// their units are made, and each unit once its text file is
		// written (SearchUnits and search.Write consume them).
		units := SearchUnits(docs, versions.Group(docs, versions.Today(src.AsOf)))
		docs = nil
		if src.reuse != nil {
			if files, ok := src.reuse.keepIndex(search.Digest(units)); ok {
				size, err := keep(files)
				return fmt.Sprintf("%d files, %s, unchanged", len(files), kb(size)), err
			}
		}
		err := search.Write(units, func(path string, data []byte) error {
			n++
			size += len(data)
			return send([]site.File{{Path: path, Data: data}})
		})
		return fmt.Sprintf("%d files, %s", n, kb(size)), err
	})
	if err != nil {
		return nil, err
	}

	err = r.stage("web", func() (string, error) {
		b, err := web.wait()
		if err != nil {
			return "", err
		}
		return b.summary, send(b.files)
	})
	if err != nil {
		return nil, err
	}
	r.retime("web", web.elapsed)

	if wasm != nil {
		err = r.stage("wasm", func() (string, error) {
			m, err := wasm.wait()
			if err != nil {
				return "", err
			}
			_, err = keep(m.files) // digested as they were made
			r.moduleKey = m.key
			return m.summary, err
		})
		if err != nil {
			return nil, err
		}
		r.retime("wasm", wasm.elapsed)
	}

	if sw != nil {
		err = r.stage("offline", func() (string, error) {
			f, sum, n, err := serviceWorker(*sw, version)
			if err != nil {
				return "", err
			}
			out := outFile{File: f, Sum: digest(f.Data)}
			// Its digest is listed with the others, after the version
			// that covers them.
			version.files[f.Path] = out.Sum
			return fmt.Sprintf("sw.js version %s, %d files to precache", sum, n), emit([]outFile{out})
		})
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// reservedNames are the folders of the site's own files: a document
// whose address were one of them would mix its pages with the site's, and
// the service worker would precache them as the site's assets.
var reservedNames = map[string]bool{"assets": true, "cite": true, "search": true, "v": true}

// heapPerContentByte is how many bytes of heap the limit allows for each
// byte of the texts a build reads: the live heap (parsed documents, the
// search index's folded text) is about four and a half on the corpus and
// on ten times the corpus, and the rest is room for garbage. The
// collector lets the heap grow to the limit (twice the live heap would
// be its own target): the larger the room, the less often it runs, and
// the more memory the build takes; at 12 the corpus ten times over
// peaked at 6.4 GB.
const heapPerContentByte = 7

// raiseMemoryLimit raises a soft memory limit the program set (see
// cmd/build) to what a library of size bytes of text needs live, so that
// the collector, which works harder near the limit, does not run without
// end on a library that outgrows it. A process without a limit, or with
// the limit GOMEMLIMIT gives, is left as it is.
func raiseMemoryLimit(size int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	cur := debug.SetMemoryLimit(-1)
	if want := int64(size) * heapPerContentByte; cur != math.MaxInt64 && want > cur {
		debug.SetMemoryLimit(want)
	}
}

func sortedReserved() []string {
	names := make([]string, 0, len(reservedNames))
	for n := range reservedNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// printWarnings tells how many warnings of each kind the build read past,
// rather than printing hundreds of lines; the full list is in the site's
// report (warnings.html, and warnings.txt at report).
func printWarnings(w io.Writer, warnings diag.List, report string) {
	if len(warnings) == 0 {
		return
	}
	fmt.Fprintf(w, "warnings %d irregularities of the published texts, rendered as written (-strict makes them errors); every one in %s:\n", len(warnings), report)
	for _, k := range site.CountKinds(warnings) {
		fmt.Fprintf(w, "         %6d  %s\n", k.Count, k.Kind)
	}
}

func (r *Report) stage(name string, f func() (string, error)) error {
	t := time.Now()
	summary, err := f()
	if err != nil {
		return err
	}
	r.Stages = append(r.Stages, Stage{Name: name, Summary: summary, Elapsed: time.Since(t)})
	return nil
}

// retime sets the time of the stage named to elapsed: that of work done
// beside the other stages, which the stage only waited for.
func (r *Report) retime(name string, elapsed time.Duration) {
	for i := range r.Stages {
		if r.Stages[i].Name == name {
			r.Stages[i].Elapsed = elapsed
		}
	}
}

// pending is work done beside the build's stages, in a goroutine of its
// own, with the time it took.
type pending[T any] struct {
	done    chan struct{}
	v       T
	err     error
	elapsed time.Duration
}

// start runs f beside the caller.
func start[T any](f func() (T, error)) *pending[T] {
	p := &pending[T]{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.Now()
		p.v, p.err = f()
		p.elapsed = time.Since(t)
	}()
	return p
}

// wait returns f's result once it has returned.
func (p *pending[T]) wait() (T, error) {
	<-p.done
	return p.v, p.err
}

// take is wait for a result the caller alone is to hold: p lets it go.
func (p *pending[T]) take() (T, error) {
	v, err := p.wait()
	var zero T
	p.v = zero
	return v, err
}

// webBundle is the bundled scripts and styles, with their stage's
// summary.
type webBundle struct {
	files   []site.File
	summary string
}

// wasmModule is the WebAssembly files, digested, with the module's key
// and their stage's summary.
type wasmModule struct {
	files   []outFile
	key     string
	summary string
}

// wasmFiles compiles the rules module, or reads it from the cache, with
// the script that carries it as base64, and digests the three files.
func wasmFiles(ctx context.Context, src Sources) (wasmModule, error) {
	res, err := src.Wasm(ctx)
	if err != nil {
		return wasmModule{}, err
	}
	how := "compiled"
	if res.Cached {
		how = "cached"
	}
	cache, key := src.Cache, res.Key
	if len(key) < 32 {
		cache = "" // a module from elsewhere than wasmbuild.Build
	} else {
		key = key[:32]
	}
	script, _, err := cached(cache, "rules-wasm-js", key, func() ([]byte, error) {
		return wasmScript(res.Wasm), nil
	})
	if err != nil {
		return wasmModule{}, err
	}
	files := []site.File{
		{Path: "assets/rules.wasm", Data: res.Wasm},
		{Path: "assets/wasm_exec.js", Data: res.WasmExec},
		{Path: "assets/rules-wasm.js", Data: script},
	}
	out, err := digestCached(cache, "rules-wasm-sums", key, files)
	if err != nil {
		return wasmModule{}, err
	}
	return wasmModule{out, res.Key, fmt.Sprintf("rules.wasm %s raw, %s gzip (%s)", kb(len(res.Wasm)), kb(res.GzipSize), how)}, nil
}

// digestCached digests files, whose bytes the cache key of kind names,
// reading the digests from the cache where an earlier build left them:
// digesting the module and its base64 every time costs more than the
// rest of a small site's files. An entry whose sizes disagree with the
// files is made again.
func digestCached(dir, kind, key string, files []site.File) ([]outFile, error) {
	sums := func() []fileSum {
		s := make([]fileSum, len(files))
		for i, f := range files {
			s[i] = digest(f.Data)
		}
		return s
	}
	data, _, err := cached(dir, kind, key, func() ([]byte, error) {
		var b bytes.Buffer
		for _, s := range sums() {
			fmt.Fprintf(&b, "%d %x\n", s.size, s.sum)
		}
		return b.Bytes(), nil
	})
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	list := make([]fileSum, len(files))
	if len(lines) != len(files) {
		list = nil
	}
	for i := range list {
		var hexSum []byte
		if _, err := fmt.Sscanf(lines[i], "%d %x", &list[i].size, &hexSum); err != nil || list[i].size != int64(len(files[i].Data)) || len(hexSum) != len(list[i].sum) {
			list = nil
			break
		}
		copy(list[i].sum[:], hexSum)
	}
	if list == nil {
		list = sums() // a damaged entry
	}
	out := make([]outFile, len(files))
	for i, f := range files {
		out[i] = outFile{File: f, Sum: list[i]}
	}
	return out, nil
}

func sortedFiles(m map[string][]byte) []site.File {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	files := make([]site.File, len(keys))
	for i, k := range keys {
		files[i] = site.File{Path: k, Data: m[k]}
	}
	return files
}

// bundle returns the bundled scripts and styles, sorted by path, made by
// esbuild or read from the cache, and its stage's summary. Their size
// compressed, which the summary gives, is kept in the cache beside them:
// compressing them at the best level costs more than the rest of the
// stage.
func bundle(src Sources) (webBundle, error) {
	key, err := webbuild.Key(src.Web)
	if err != nil {
		return webBundle{}, fmt.Errorf("reading %s: %w", src.WebDir, err)
	}
	data, hit, err := cached(src.Cache, "web", key[:32], func() ([]byte, error) {
		files, err := webbuild.Bundle(src.Web, src.WebDir)
		if err != nil {
			return nil, err
		}
		return packFiles(files), nil
	})
	if err != nil {
		return webBundle{}, err
	}
	bundles, err := unpackFiles(data)
	if err != nil {
		// A damaged entry: make the bundle afresh.
		if bundles, err = webbuild.Bundle(src.Web, src.WebDir); err != nil {
			return webBundle{}, err
		}
		hit = false
	}
	files := sortedFiles(bundles)
	raw := 0
	for _, f := range files {
		raw += len(f.Data)
	}
	compressed := func() int {
		n := 0
		for _, f := range files {
			n += gzipSize(f.Data)
		}
		return n
	}
	gz, _, err := cached(src.Cache, "web-gzip", key[:32], func() ([]byte, error) {
		return []byte(strconv.Itoa(compressed())), nil
	})
	n, convErr := strconv.Atoi(string(gz))
	if err != nil || convErr != nil || n <= 0 {
		n = compressed() // a damaged entry: measure again
	}
	summary := fmt.Sprintf("%d files, %s (%s gzip)", len(files), kb(raw), kb(n))
	if hit {
		summary += " (cached)"
	}
	return webBundle{files, summary}, nil
}

// wasmScript wraps the WebAssembly module in a classic script, for pages
// opened from disk, where browsers refuse to fetch a .wasm file. Base64 is
// decoded with atob, which every browser the site supports has.
func wasmScript(wasm []byte) []byte {
	var b bytes.Buffer
	b.WriteString("/* rules.wasm as base64, for file:// pages */\nwindow.RULES_WASM_BASE64=\"")
	enc := base64.NewEncoder(base64.StdEncoding, &b)
	enc.Write(wasm)
	enc.Close()
	b.WriteString("\";\n")
	return b.Bytes()
}

// siteVersion digests every file of the site but sw.js, whatever the
// order the stages hand them over in. Its files are the list of the site
// the writer leaves for the next build, sw.js added once the version is
// made.
type siteVersion struct {
	mu       sync.Mutex
	files    map[string]fileSum
	precache []string
	// integrity holds the whole SHA-256 of the files to precache.
	integrity map[string][sha256.Size]byte
}

func newVersion() *siteVersion {
	return &siteVersion{files: make(map[string]fileSum), integrity: make(map[string][sha256.Size]byte)}
}

// add records a file; two stages making the same file is an error.
func (v *siteVersion) add(f outFile) error {
	pre := precached(f.Path)
	if pre && f.Reused {
		return fmt.Errorf("%s: a file to precache cannot be kept from the previous build", f.Path)
	}
	var full [sha256.Size]byte
	if pre {
		full = sha256.Sum256(f.Data)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, dup := v.files[f.Path]; dup {
		return fmt.Errorf("two files would be written to %s", f.Path)
	}
	v.files[f.Path] = f.Sum
	if pre {
		v.precache = append(v.precache, f.Path)
		v.integrity[f.Path] = full
	}
	return nil
}

// sum is the version: a digest of every path and content, in path order.
func (v *siteVersion) sum() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	paths := make([]string, 0, len(v.files))
	for p := range v.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		sum := v.files[p]
		io.WriteString(h, p)
		h.Write([]byte{0})
		h.Write(sum.sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// serviceWorker prefixes sw.js with the list of files to precache and the
// site's version, which changes whenever any file changes, so that the
// browser installs the new worker and drops stale caches. It returns the
// file, the version and the number of files to precache.
func serviceWorker(sw site.File, v *siteVersion) (site.File, string, int, error) {
	version := v.sum()
	v.mu.Lock()
	precache := append([]string(nil), v.precache...)
	sort.Strings(precache)
	// The digests let the worker take a file the page has just fetched
	// from the HTTP cache instead of downloading it a second time, and
	// only if it is this build's (fetch's integrity check).
	integrity := make([]string, len(precache))
	for i, p := range precache {
		sum := v.integrity[p]
		integrity[i] = "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	v.mu.Unlock()
	manifest := struct {
		Version   string   `json:"version"`
		Precache  []string `json:"precache"`
		Integrity []string `json:"integrity"`
	}{version, precache, integrity}
	data, err := json.Marshal(manifest)
	if err != nil {
		return site.File{}, "", 0, err
	}
	var b bytes.Buffer
	b.WriteString("self.SITE_MANIFEST=")
	b.Write(data)
	b.WriteString(";\n")
	b.Write(sw.Data)
	return site.File{Path: sw.Path, Data: b.Bytes()}, version, len(precache), nil
}

// precached tells which files the service worker fetches when it installs:
// the top-level pages and the assets they need. Article pages and search
// shards are cached as they are visited, so a large corpus does not make
// every visitor download the whole site.
func precached(p string) bool {
	if p == "assets/rules-wasm.js" {
		return false // the file:// fallback; over http the .wasm is used
	}
	if p == site.ReportPath || p == site.CitationsPath {
		return false // for editors, and as large as the corpus is irregular or cites
	}
	if strings.HasPrefix(p, "assets/") {
		return true
	}
	return !strings.Contains(p, "/") && strings.HasSuffix(p, ".html")
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

func kb(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// LoadRedirects reads redirects.txt from the content folder, if there is
// one: each line names an old page path and the page it moved to, e.g.
//
//	kzfz-2021-7/old.html kzfz-2021-7/22.html
//
// Blank lines and lines starting with # are ignored.
func LoadRedirects(content fs.FS, display string) ([]site.Redirect, diag.List, error) {
	data, err := fs.ReadFile(content, "redirects.txt")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	redirects, problems := ParseRedirects(data, path.Join(display, "redirects.txt"))
	return redirects, problems, nil
}
