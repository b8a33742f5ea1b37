// Package wasmbuild compiles the WebAssembly bridge to package rules
// (cmd/ruleswasm) into rules.wasm and returns it with the Go toolchain's
// own loader, wasm_exec.js, for the site build to write to
// <out>/assets/.
//
// Compiling takes seconds; the site build must not. Results are cached in
// a directory, keyed by a hash of everything the output depends on: the
// Go sources of cmd/ruleswasm and rules, go.mod and go.sum, the Go
// version and the build settings. An unchanged rules package is never
// compiled again, and the same inputs always give the same bytes (the
// build uses -trimpath, no VCS stamp and no build ID).
//
// rules.wasm is built against a copy of shopspring/decimal whose
// package-level variables are initialized without package fmt, which
// keeps fmt, reflect and os out of it (see withoutFmt). The copy is kept
// in the module's .cache folder.
package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Budget for rules.wasm, in bytes (10^6 and 10^3): raw, and compressed as
// `gzip -9` compresses it.
const (
	MaxSize     = 3_000_000
	MaxGzipSize = 850_000
)

// Result is a compiled bridge.
type Result struct {
	Wasm     []byte // rules.wasm
	WasmExec []byte // wasm_exec.js of the toolchain that compiled Wasm
	// GzipSize is the size of Wasm compressed by `gzip -9 -n`, or, where
	// no gzip command is installed, by compress/gzip at best
	// compression, which compresses rules.wasm about 1% less well and so
	// can only overstate it. GzipBy says which.
	GzipSize int
	GzipBy   string
	Key      string // hex SHA-256 of everything the output depends on
	Cached   bool   // whether the result came from the cache
}

// packages are the module's packages whose sources go into rules.wasm,
// relative to the module root. The bridge may import no other package of
// the module: Build refuses, since the cache key would not cover it.
var packages = []string{"cmd/ruleswasm", "rules"}

// flags are the arguments of go build, part of the key. The build ID is
// left empty because it hashes, among others, the path of the go.mod
// that replaces decimal (see withoutFmt), which changes from build to
// build; without it the output depends only on the inputs.
var flags = []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid="}

// keyVersion changes when the layout of the cache, the way the key is
// computed or the rewriting of decimal (withoutFmt) changes.
const keyVersion = "rulesite-wasmbuild-3"

// Build returns rules.wasm for the module at moduleRoot, from cacheDir
// when it holds a result for the same inputs, else by running go build
// with GOOS=js GOARCH=wasm and storing the result there. The go command
// is looked up in PATH.
func Build(ctx context.Context, moduleRoot, cacheDir string) (*Result, error) {
	env, err := goEnv(ctx, moduleRoot)
	if err != nil {
		return nil, err
	}
	key, err := Key(moduleRoot, env.settings())
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cacheDir, key[:32])
	if r, err := load(dir); err == nil {
		r.Key, r.Cached = key, true
		return r, nil
	}
	if err := os.MkdirAll(cacheDir, 0o777); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(cacheDir, "tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	r, err := compile(ctx, moduleRoot, env, tmp)
	if err != nil {
		return nil, err
	}
	r.Key = key
	// Publish the entry by renaming the whole directory, so that a reader
	// sees all of it or nothing. Losing a race to another build of the
	// same key is fine: the bytes are the same.
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "rules.wasm")); statErr != nil {
			return nil, err
		}
	}
	prune(cacheDir, filepath.Base(dir))
	return r, nil
}

// goEnvVars are read from `go env`: the toolchain's version and root,
// and the settings that change what it compiles.
var goEnvVars = []string{"GOVERSION", "GOROOT", "GOFLAGS", "GOEXPERIMENT", "GOWASM", "GOTOOLCHAIN"}

type goEnvironment map[string]string

// settings lists what goes into the key besides the sources: GOROOT does
// not (with -trimpath the output does not depend on where the toolchain
// lives), the rest does.
func (e goEnvironment) settings() []string {
	var s []string
	for _, k := range goEnvVars {
		if k != "GOROOT" {
			s = append(s, k+"="+e[k])
		}
	}
	return s
}

// targetEnv is the environment of the go command: the caller's, for
// GOPATH, GOCACHE, GOPROXY and the like, with the target set.
func targetEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k != "GOOS" && k != "GOARCH" && k != "CGO_ENABLED" {
			env = append(env, kv)
		}
	}
	return append(env, "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
}

func goEnv(ctx context.Context, moduleRoot string) (goEnvironment, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"env"}, goEnvVars...)...)
	cmd.Dir, cmd.Env = moduleRoot, targetEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("wasmbuild: go env: %v\n%s", err, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(goEnvVars) {
		return nil, fmt.Errorf("wasmbuild: go env printed %d lines for %d variables", len(lines), len(goEnvVars))
	}
	env := goEnvironment{}
	for i, k := range goEnvVars {
		env[k] = lines[i]
	}
	return env, nil
}

// CurrentKey returns the key Build files the module under, without
// compiling it or reading the cache: it changes exactly when the module
// may.
func CurrentKey(ctx context.Context, moduleRoot string) (string, error) {
	env, err := goEnv(ctx, moduleRoot)
	if err != nil {
		return "", err
	}
	return Key(moduleRoot, env.settings())
}

// Key returns the hex SHA-256 of everything rules.wasm depends on: the
// non-test Go files of the bridge and package rules, go.mod and go.sum, and settings (the
// Go version and build settings), with the build's own flags. It fails
// if a package imports another package of the module, which the key
// would not cover.
func Key(moduleRoot string, settings []string) (string, error) {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(keyVersion)
	field("GOOS=js GOARCH=wasm CGO_ENABLED=0 go " + strings.Join(flags, " ") + " ./cmd/ruleswasm")
	for _, s := range settings {
		field(s)
	}
	modFile, err := os.ReadFile(filepath.Join(moduleRoot, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("wasmbuild: %w", err)
	}
	module := modulePath(modFile)
	if module == "" {
		return "", fmt.Errorf("wasmbuild: no module line in %s", filepath.Join(moduleRoot, "go.mod"))
	}
	files := []string{"go.mod", "go.sum"}
	for _, pkg := range packages {
		entries, err := os.ReadDir(filepath.Join(moduleRoot, filepath.FromSlash(pkg)))
		if err != nil {
			return "", fmt.Errorf("wasmbuild: %w", err)
		}
		for _, e := range entries {
			if name := e.Name(); e.Type().IsRegular() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
				files = append(files, pkg+"/"+name)
			}
		}
	}
	sort.Strings(files)
	allowed := map[string]bool{}
	for _, pkg := range packages {
		allowed[module+"/"+pkg] = true
	}
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(moduleRoot, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) && name == "go.sum" {
			data, err = nil, nil
		}
		if err != nil {
			return "", fmt.Errorf("wasmbuild: %w", err)
		}
		if strings.HasSuffix(name, ".go") {
			if err := checkImports(name, data, module, allowed); err != nil {
				return "", err
			}
		}
		field(name)
		field(string(data))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// modulePath returns the module path declared in go.mod.
func modulePath(modFile []byte) string {
	for _, line := range strings.Split(string(modFile), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

func checkImports(name string, src []byte, module string, allowed map[string]bool) error {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		return fmt.Errorf("wasmbuild: %v", err)
	}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if (p == module || strings.HasPrefix(p, module+"/")) && !allowed[p] {
			return fmt.Errorf("wasmbuild: %s imports %s, which the cache key does not cover (add it to packages in internal/wasmbuild)", name, p)
		}
	}
	return nil
}

// compile runs go build into dir and fills in the cache entry there.
func compile(ctx context.Context, moduleRoot string, env goEnvironment, dir string) (*Result, error) {
	out := filepath.Join(dir, "rules.wasm")
	work, err := os.MkdirTemp("", "wasmbuild-decimal-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	modFile, err := withoutFmt(ctx, moduleRoot, work)
	if err != nil {
		return nil, err
	}
	args := append(append([]string(nil), flags...), "-modfile="+modFile, "-o", out, "./cmd/ruleswasm")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir, cmd.Env = moduleRoot, targetEnv()
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wasmbuild: GOOS=js GOARCH=wasm go %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	loader, err := wasmExec(env["GOROOT"])
	if err != nil {
		return nil, err
	}
	gz, by, err := GzipSize(ctx, wasm)
	if err != nil {
		return nil, err
	}
	r := &Result{Wasm: wasm, WasmExec: loader, GzipSize: gz, GzipBy: by}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), loader, 0o666); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "gzip-size"), []byte(strconv.Itoa(gz)+"\n"+by+"\n"), 0o666); err != nil {
		return nil, err
	}
	return r, nil
}

// wasmExec reads the toolchain's loader: in lib/wasm since Go 1.24, in
// misc/wasm before.
func wasmExec(goroot string) ([]byte, error) {
	var firstErr error
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		data, err := os.ReadFile(filepath.Join(goroot, filepath.FromSlash(dir), "wasm_exec.js"))
		if err == nil {
			return data, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, fmt.Errorf("wasmbuild: wasm_exec.js of the Go toolchain: %w", firstErr)
}

// GzipSize returns the size of data compressed as the budget counts it,
// by `gzip -9 -n`, and which compressor gave it; where no gzip command is
// installed, it falls back to compress/gzip at best compression, which
// overstates the size a little.
func GzipSize(ctx context.Context, data []byte) (int, string, error) {
	if path, err := exec.LookPath("gzip"); err == nil {
		cmd := exec.CommandContext(ctx, path, "-9", "-n", "-c")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			return 0, "", fmt.Errorf("wasmbuild: gzip -9: %v", err)
		}
		return len(out), "gzip -9", nil
	}
	n, err := goGzipSize(data)
	return n, "compress/gzip", err
}

// goGzipSize returns the size of data compressed by compress/gzip at best
// compression.
func goGzipSize(data []byte) (int, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(data); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// load reads a complete cache entry.
func load(dir string) (*Result, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "rules.wasm"))
	if err != nil {
		return nil, err
	}
	loader, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	if err != nil {
		return nil, err
	}
	gz, err := os.ReadFile(filepath.Join(dir, "gzip-size"))
	if err != nil {
		return nil, err
	}
	size, by, _ := strings.Cut(strings.TrimSuffix(string(gz), "\n"), "\n")
	n, err := strconv.Atoi(size)
	if err != nil || by == "" || !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return nil, errors.New("wasmbuild: damaged cache entry " + dir)
	}
	return &Result{Wasm: wasm, WasmExec: loader, GzipSize: n, GzipBy: by}, nil
}

// keep is how many entries the cache keeps: enough to switch between a
// few versions of rules without recompiling.
const keep = 4

// prune removes all but the newest entries of the cache, and temporary
// directories that interrupted builds left behind. Errors are ignored: a
// stale entry costs only disk space.
func prune(cacheDir, current string) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return
	}
	type entry struct {
		name string
		mod  int64
	}
	var all []entry
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !e.IsDir() || e.Name() == current {
			continue
		}
		if strings.HasPrefix(e.Name(), "tmp-") {
			// A build in progress may be using it; an old one is a
			// leftover.
			if time.Since(info.ModTime()) > time.Hour {
				os.RemoveAll(filepath.Join(cacheDir, e.Name()))
			}
			continue
		}
		all = append(all, entry{e.Name(), info.ModTime().UnixNano()})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod > all[j].mod })
	for i, e := range all {
		if i >= keep-1 {
			os.RemoveAll(filepath.Join(cacheDir, e.name))
		}
	}
}
