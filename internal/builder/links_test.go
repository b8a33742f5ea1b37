package builder

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)
	cssURL   = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
	external = regexp.MustCompile(`(?i)\b(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
)

// TestLinks builds the site from content/ and follows every link, script,
// style sheet and form of every page: each must be relative, lead to a
// file of the site (never a folder, never "/…") and, where it names a
// fragment, to an element with that id. No page, script or style sheet
// may name another host, so the site makes no request outside itself.
func TestLinks(t *testing.T) {
	r := renderProject(t)
	files := map[string][]byte{}
	for _, f := range r.Files {
		files[f.Path] = f.Data
	}
	// The WebAssembly files come from another stage; links to them are
	// checked by name.
	for _, p := range []string{"assets/rules.wasm", "assets/wasm_exec.js", "assets/rules-wasm.js"} {
		files[p] = nil
	}
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		for _, id := range idAttr.FindAllSubmatch(files[p], -1) {
			m[html.UnescapeString(string(id[1]))] = true
		}
		ids[p] = m
		return m
	}
	checked := 0
	for p, data := range files {
		switch path.Ext(p) {
		case ".html", ".css", ".js":
		default:
			continue
		}
		// The SVG namespace of the favicon is a name, never fetched.
		scan := bytes.ReplaceAll(data, []byte("xmlns='http://www.w3.org/2000/svg'"), nil)
		if m := external.Find(scan); m != nil && !strings.HasPrefix(p, "search/") {
			// Search shards hold the text of the rules, which may cite
			// web addresses; they are data, not requests.
			t.Errorf("%s names another host: %q", p, m)
		}
		var refs []string
		if path.Ext(p) == ".html" {
			for _, m := range linkAttr.FindAllSubmatch(data, -1) {
				refs = append(refs, html.UnescapeString(string(m[1])))
			}
		}
		if path.Ext(p) == ".css" {
			for _, m := range cssURL.FindAllSubmatch(data, -1) {
				refs = append(refs, string(m[1]))
			}
		}
		for _, ref := range refs {
			checked++
			u, err := url.Parse(ref)
			switch {
			case err != nil:
				t.Errorf("%s: bad link %q: %v", p, ref, err)
				continue
			case u.Scheme == "data":
				continue
			case u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/"):
				t.Errorf("%s: link %q is not relative", p, ref)
				continue
			}
			target := p
			if u.Path != "" {
				if strings.HasSuffix(u.Path, "/") {
					t.Errorf("%s: link %q points to a folder", p, ref)
					continue
				}
				target = path.Join(path.Dir(p), u.Path)
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which the site lacks", p, ref, target)
				continue
			}
			if u.Fragment != "" && path.Ext(target) == ".html" && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q: %s has no element with id %q", p, ref, target, u.Fragment)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d links", checked)
	}
}
