// Package webbuild bundles the site's TypeScript and CSS with esbuild's Go
// API, so that building the site needs no Node.js.
//
// Every top-level web/<name>.ts is an entry point bundled into a classic
// script (IIFE) at assets/<name>.js, except web/sw.ts, which becomes sw.js
// at the site root so that the service worker's scope covers the whole
// site. Every top-level web/<name>.css becomes assets/<name>.css. Modules
// shared by entries live in subfolders such as web/lib/.
//
// The sources are read from an fs.FS through an esbuild plugin, so tests can
// hand in an in-memory tree, and the output is returned in memory
// (Write: false) for the caller to write deterministically.
package webbuild

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"rulesite/internal/diag"
)

// Target is the oldest browser the scripts must run in: the Chromium-80-era
// browsers still common on government desktops. Language is the oldest
// JavaScript they must parse: ES2017, for the older engines intranets
// still run (no optional catch binding, object spread or ?.).
var (
	Target   = []api.Engine{{Name: api.EngineChrome, Version: "80"}}
	Language = api.ES2017
)

// namespace marks module paths that the plugin serves from the fs.FS.
const namespace = "web"

// Entries lists the entry points of web and the output path of each, in
// sorted order.
func Entries(web fs.FS) (map[string]string, error) {
	all, err := fs.ReadDir(web, ".")
	if err != nil {
		return nil, err
	}
	entries := make(map[string]string)
	for _, e := range all {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".d.ts") {
			continue
		}
		switch ext := path.Ext(name); ext {
		case ".ts":
			base := strings.TrimSuffix(name, ext)
			if base == "sw" {
				entries[name] = "sw.js"
			} else {
				entries[name] = "assets/" + base + ".js"
			}
		case ".css":
			entries[name] = "assets/" + name
		}
	}
	return entries, nil
}

// keyVersion changes whenever the options Bundle gives esbuild change, so
// that bundles cached under an older Key are not reused.
const keyVersion = "rulesite-webbuild-1"

// Key returns a hex digest of everything Bundle's output depends on: every
// file of web (path and bytes), the version of esbuild and the options
// (keyVersion), so that a bundle can be cached under it.
func Key(web fs.FS) (string, error) {
	h := sha256.New()
	io.WriteString(h, keyVersion+"\x00"+esbuildVersion()+"\x00")
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// esbuildVersion is the version of the esbuild module linked in, as the
// binary records it; "unknown" where it does not (a cached bundle is then
// reused across esbuild upgrades only if keyVersion stays the same).
func esbuildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/evanw/esbuild" {
				if m.Replace != nil {
					return m.Replace.Path + "@" + m.Replace.Version
				}
				return m.Version
			}
		}
	}
	return "unknown"
}

// Bundle bundles every entry point of web and returns the output files keyed
// by path relative to the site root. Problems are reported as
// diagnostics naming displayDir/<file>:line:col.
func Bundle(web fs.FS, displayDir string) (map[string][]byte, error) {
	entries, err := Entries(web)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", displayDir, err)
	}
	names := make([]string, 0, len(entries))
	for in := range entries {
		names = append(names, in)
	}
	sort.Strings(names)
	var points []api.EntryPoint
	for _, in := range names {
		out := entries[in]
		points = append(points, api.EntryPoint{
			InputPath:  in,
			OutputPath: strings.TrimSuffix(out, path.Ext(out)),
		})
	}
	if len(points) == 0 {
		return map[string][]byte{}, nil
	}
	result := api.Build(api.BuildOptions{
		EntryPointsAdvanced: points,
		Bundle:              true,
		Write:               false,
		Outdir:              "/out",
		AbsWorkingDir:       "/",
		Format:              api.FormatIIFE,
		Platform:            api.PlatformBrowser,
		Engines:             Target,
		Target:              Language,
		MinifyWhitespace:    true,
		MinifyIdentifiers:   true,
		MinifySyntax:        true,
		LegalComments:       api.LegalCommentsNone,
		Charset:             api.CharsetUTF8,
		Sourcemap:           api.SourceMapNone,
		LogLevel:            api.LogLevelSilent,
		Plugins:             []api.Plugin{fsPlugin(web)},
	})
	if len(result.Errors) > 0 {
		return nil, messages(result.Errors, displayDir)
	}
	out := make(map[string][]byte, len(result.OutputFiles))
	for _, f := range result.OutputFiles {
		rel := strings.TrimPrefix(f.Path, "/out/")
		out[rel] = f.Contents
	}
	return out, nil
}

// fsPlugin resolves every import inside web and loads it from the fs.FS.
// Bare imports (npm packages) are refused: the site has no node_modules.
func fsPlugin(web fs.FS) api.Plugin {
	return api.Plugin{
		Name: "webfs",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				p := args.Path
				switch {
				case args.Kind == api.ResolveEntryPoint:
					// Entry points are given relative to web.
				case strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../"):
					p = path.Join(path.Dir(args.Importer), p)
				default:
					return api.OnResolveResult{}, fmt.Errorf("cannot import %q: only relative imports inside web/ are allowed", args.Path)
				}
				p = path.Clean(p)
				resolved, err := resolveFile(web, p)
				if err != nil {
					return api.OnResolveResult{}, err
				}
				return api.OnResolveResult{Path: resolved, Namespace: namespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(web, args.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				contents := string(data)
				loader, ok := loaders[path.Ext(args.Path)]
				if !ok {
					return api.OnLoadResult{}, fmt.Errorf("no loader for %s", args.Path)
				}
				return api.OnLoadResult{Contents: &contents, Loader: loader}, nil
			})
		},
	}
}

var loaders = map[string]api.Loader{
	".ts":   api.LoaderTS,
	".js":   api.LoaderJS,
	".css":  api.LoaderCSS,
	".json": api.LoaderJSON,
	".svg":  api.LoaderText,
}

// resolveFile finds the module p names, trying the extensions TypeScript
// imports leave out.
func resolveFile(web fs.FS, p string) (string, error) {
	for _, c := range []string{p, p + ".ts", p + "/index.ts", strings.TrimSuffix(p, ".js") + ".ts"} {
		if !fs.ValidPath(c) {
			continue
		}
		if st, err := fs.Stat(web, c); err == nil && !st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("cannot find module %q", p)
}

// messages turns esbuild's errors into sorted diagnostics.
func messages(msgs []api.Message, displayDir string) error {
	var list diag.List
	for _, m := range msgs {
		text := m.Text
		if m.PluginName != "" && !strings.Contains(text, m.PluginName) {
			text = strings.TrimSpace(text)
		}
		if m.Location == nil {
			list.Add(diag.Pos{Filename: displayDir}, text)
			continue
		}
		list.Add(diag.Pos{
			Filename: path.Join(displayDir, strings.TrimPrefix(m.Location.File, namespace+":")),
			Line:     m.Location.Line,
			Column:   m.Location.Column + 1,
		}, text)
	}
	return list.Err()
}
