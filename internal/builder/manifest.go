package builder

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"rulesite/internal/diag"
	"rulesite/internal/site"
)

// ManifestFile is the name of the manifest in a content folder: the list
// of every page and anchor the site built from that folder has published,
// one address a line, e.g.
//
//	kzfz-2021-7/22.html
//	kzfz-2021-7/22.html#i3-1
//
// Blank lines and lines starting with # are ignored. Officials print these
// addresses in documents, so the build fails when one of them would no
// longer lead to its page and anchor, unless redirects.txt moves its page
// to one that has the anchor. Addresses the manifest lacks are new, and
// allowed; the -write-manifest flag adds them. A content folder without a
// manifest is not checked.
const ManifestFile = "published-urls.txt"

// manifestHeader opens every manifest the build writes.
const manifestHeader = `# Every published page and anchor of the site built from this folder.
# The build fails if one of them no longer leads to its page and anchor;
# a page that moves needs a line "old-path new-path" in redirects.txt.
# Add new addresses with: go run ./cmd/build [-content DIR] -write-manifest
# and review the diff. Remove a line only to unpublish an address on purpose.
`

// citableTags open the elements whose ids are published anchors: the
// paragraphs, items and sub-items of articles, the matters of the
// threshold tables and the bodies of the authority index, as the
// templates write them, up to their id attribute. Other ids (headings,
// form fields) are not addresses anyone cites.
var citableTags = [][]byte{
	[]byte(`<div class="para"`),
	[]byte(`<div class="item"`),
	[]byte(`<div class="subitem"`),
	[]byte(`<div class="matter"`),
	[]byte(`<div class="body"`),
	[]byte(`<section class="para"`),
	[]byte(`<section class="item"`),
	[]byte(`<section class="subitem"`),
	[]byte(`<section class="matter"`),
	[]byte(`<section class="body"`),
}

// Manifest is a parsed manifest file.
type Manifest struct {
	Entries []ManifestEntry
}

// ManifestEntry is one published address and the line that lists it.
type ManifestEntry struct {
	Page, Anchor string // "kzfz-2021-7/22.html", "i3-1" (or "")
	Pos          diag.Pos
}

// Address is the entry as written in the manifest.
func (e ManifestEntry) Address() string {
	if e.Anchor == "" {
		return e.Page
	}
	return e.Page + "#" + e.Anchor
}

// LoadManifest reads the manifest of a content folder; it returns nil
// when the folder has none.
func LoadManifest(content fs.FS, display string) (*Manifest, diag.List, error) {
	data, err := fs.ReadFile(content, ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	m, problems := ParseManifest(data, path.Join(display, ManifestFile))
	return m, problems, nil
}

// ParseManifest parses the lines of a manifest (see ManifestFile). It
// returns the well-formed entries and the problems of the other lines.
func ParseManifest(data []byte, display string) (*Manifest, diag.List) {
	m := &Manifest{}
	var list diag.List
	first := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		text := strings.TrimSpace(line)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		pos := diag.Pos{Filename: display, Line: i + 1, Column: strings.Index(line, text) + 1}
		page, anchor, hasAnchor := strings.Cut(text, "#")
		switch {
		case strings.ContainsAny(text, " \t"):
			list.Add(pos, "want one address a line, e.g. kzfz-2021-7/22.html#i3-1")
		case !validPath(page) || !strings.HasSuffix(page, ".html") || hasAnchor && anchor == "":
			list.Add(pos, "an address is a relative .html page inside the site, with an optional #anchor, e.g. kzfz-2021-7/22.html#i3-1")
		case first[text] > 0:
			list.Addf(pos, "%s is listed twice (first on line %d)", text, first[text])
		default:
			first[text] = i + 1
			m.Entries = append(m.Entries, ManifestEntry{Page: page, Anchor: anchor, Pos: pos})
		}
	}
	return m, list
}

// manifestCheck checks the manifest of the content, if it has one,
// against the pages as they are rendered (redirect pages included): every
// address it lists must lead to a page that has its anchor, directly or
// through a redirect of redirects.txt. Only the pages the manifest names
// are looked into, once each, keeping only their ids, so the check stays
// cheap on a large corpus.
type manifestCheck struct {
	m             *Manifest
	problems      diag.List
	redirects     []site.Redirect
	redirectsFile string
	contentDir    string
	want          map[string]bool
	ids           map[string]map[string]bool // page → its ids; present iff the site has the page
}

// newManifestCheck reads the content's manifest, to be checked against
// the pages and the redirects the build read from the same content; with
// no manifest, the check passes everything.
func newManifestCheck(src Sources, redirects []site.Redirect) (*manifestCheck, error) {
	mc := &manifestCheck{contentDir: src.ContentDir, ids: map[string]map[string]bool{}}
	m, problems, err := LoadManifest(src.Content, src.ContentDir)
	if err != nil || m == nil {
		return mc, err
	}
	mc.m, mc.problems, mc.redirects = m, problems, redirects
	mc.redirectsFile = path.Join(src.ContentDir, "redirects.txt")
	mc.want = m.wanted(redirects)
	return mc, nil
}

// observe records the ids of a page, if the manifest needs them. Pages
// come from site.Stream, one at a time.
func (mc *manifestCheck) observe(f site.File) {
	if mc.m != nil && mc.want[f.Path] {
		mc.ids[f.Path] = elementIDs(f.Data)
	}
}

// observeKept records the ids of pages kept from the previous site at
// prev, reading those the manifest needs; false if one cannot be read,
// and the pages are then rendered again.
func (mc *manifestCheck) observeKept(prev string, files []outFile) bool {
	if mc.m == nil {
		return true
	}
	for _, f := range files {
		if mc.want[f.Path] {
			data, err := os.ReadFile(filepath.Join(prev, filepath.FromSlash(f.Path)))
			if err != nil || digest(data) != f.Sum {
				return false
			}
			mc.observe(site.File{Path: f.Path, Data: data})
		}
	}
	return true
}

// finish reports every listed address that no page observed leads to.
func (mc *manifestCheck) finish() (string, error) {
	if mc.m == nil {
		return fmt.Sprintf("none: %s has no %s, addresses not checked", mc.contentDir, ManifestFile), nil
	}
	problems := append(mc.problems, mc.m.check(mc.ids, mc.redirects, mc.redirectsFile)...)
	if err := problems.Err(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d addresses checked", len(mc.m.Entries)), nil
}

// wanted returns the pages to look into: those listed, or the targets of
// the listed pages that moved.
func (m *Manifest) wanted(redirects []site.Redirect) map[string]bool {
	moved := make(map[string]site.Redirect, len(redirects))
	for _, r := range redirects {
		moved[r.From] = r
	}
	want := map[string]bool{}
	for _, e := range m.Entries {
		if r, ok := moved[e.Page]; ok {
			want[r.To] = true
		} else {
			want[e.Page] = true
		}
	}
	return want
}

// check reports every entry that no longer leads to its page and anchor,
// given the ids of the pages wanted names (a page is absent from ids iff
// the site lacks it). redirectsFile is the display path of redirects.txt,
// for the advice.
func (m *Manifest) check(ids map[string]map[string]bool, redirects []site.Redirect, redirectsFile string) diag.List {
	moved := make(map[string]site.Redirect, len(redirects))
	for _, r := range redirects {
		moved[r.From] = r
	}
	var list diag.List
	for _, e := range m.Entries {
		r, isMoved := moved[e.Page]
		page := e.Page
		if isMoved {
			page = r.To
		}
		have, ok := ids[page]
		switch {
		case !ok && !isMoved:
			list.Addf(e.Pos, "published address %s is gone: the site no longer has %s; restore the page, or add a line %q to %s", e.Address(), e.Page, e.Page+" NEW-PAGE.html", redirectsFile)
		case !ok:
			// The pages stage refuses such a redirect; kept for safety.
			list.Addf(e.Pos, "published address %s is gone: %s:%d sends it to %s, which the site does not have", e.Address(), r.Pos.Filename, r.Pos.Line, r.To)
		case e.Anchor == "" || have[e.Anchor]:
		case isMoved:
			list.Addf(e.Pos, "published address %s is gone: %s:%d sends %s to %s, which has no element with id %q; redirect it to the page that has it", e.Address(), r.Pos.Filename, r.Pos.Line, e.Page, r.To, e.Anchor)
		default:
			list.Addf(e.Pos, "published address %s is gone: %s has no element with id %q; restore it (an anchor cannot be redirected; only deleting this line unpublishes it)", e.Address(), e.Page, e.Anchor)
		}
	}
	return list
}

// elementIDs returns the id attributes of a page's elements.
func elementIDs(data []byte) map[string]bool {
	ids := map[string]bool{}
	scanIDs(data, func(_ []byte, id string) { ids[id] = true })
	return ids
}

// citableIDs returns the ids of a page's citable elements (citableTags),
// in page order.
func citableIDs(data []byte) []string {
	var ids []string
	scanIDs(data, func(before []byte, id string) {
		for _, tag := range citableTags {
			if bytes.HasSuffix(before, tag) {
				ids = append(ids, id)
				return
			}
		}
	})
	return ids
}

// scanIDs calls f with every non-empty id attribute of a page and the
// bytes before it. It is a plain scan for ` id="` rather than an HTML
// parse, some twenty times as fast as a regular expression: the pages are
// our own templates' output, which always quotes attributes that way.
func scanIDs(data []byte, f func(before []byte, id string)) {
	marker := []byte(` id="`)
	for at := 0; ; {
		i := bytes.Index(data[at:], marker)
		if i < 0 {
			return
		}
		start := at + i + len(marker)
		j := bytes.IndexByte(data[start:], '"')
		if j < 0 {
			return
		}
		if j > 0 {
			id := string(data[start : start+j])
			if strings.Contains(id, "&") {
				id = html.UnescapeString(id)
			}
			f(data[:at+i], id)
		}
		at = start + j + 1
	}
}

// PublishedAddresses lists every page and anchor of a built site, sorted:
// every .html page but the redirect pages, and the citable anchors of
// each (not those of calculator.html, whose fallback tables repeat the
// anchors of thresholds.html). The addresses of previous that are not
// among them — addresses that now live behind a redirect — are kept.
func PublishedAddresses(built fs.FS, redirects []site.Redirect, previous *Manifest) ([]string, error) {
	moved := map[string]bool{}
	for _, r := range redirects {
		moved[r.From] = true
	}
	set := map[string]bool{}
	err := fs.WalkDir(built, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" || moved[p] {
			return err
		}
		set[p] = true
		// The calculator's anchors are its form's; those of a full-text
		// page repeat the articles' own, which the manifest holds, and
		// follow them when articles are merged or removed.
		if p == "calculator.html" || path.Base(p) == site.FullTextFile {
			return nil
		}
		data, err := fs.ReadFile(built, p)
		if err != nil {
			return err
		}
		for _, id := range citableIDs(data) {
			set[p+"#"+id] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if previous != nil {
		for _, e := range previous.Entries {
			set[e.Address()] = true
		}
	}
	out := make([]string, 0, len(set))
	for u := range set {
		out = append(out, u)
	}
	sort.Strings(out)
	return out, nil
}

// FormatManifest is the text of a manifest listing addresses.
func FormatManifest(addresses []string) []byte {
	var b bytes.Buffer
	b.WriteString(manifestHeader)
	for _, u := range addresses {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// WriteManifest writes the manifest of the site built in opts.Out into
// the content folder opts.Content: every address the site publishes, and
// every address the content's manifest already lists (the build has
// checked that they still lead somewhere), so the manifest only grows
// unless someone removes a line on purpose. It is the one file the build ever writes into the
// content folder, and it is replaced atomically (a temporary file renamed
// over it); an unchanged manifest is left alone. It returns how many
// addresses the manifest lists and how many of them are new.
func WriteManifest(opts Options) (total, added int, err error) {
	src := os.DirFS(opts.Content)
	display := displayPath(opts.Display, opts.Content)
	previous, problems, err := LoadManifest(src, display)
	if err != nil {
		return 0, 0, err
	}
	if err := problems.Err(); err != nil {
		return 0, 0, err
	}
	redirects, problems, err := LoadRedirects(src, display)
	if err != nil {
		return 0, 0, err
	}
	if err := problems.Err(); err != nil {
		return 0, 0, err
	}
	addresses, err := PublishedAddresses(os.DirFS(opts.Out), redirects, previous)
	if err != nil {
		return 0, 0, err
	}
	added = len(addresses)
	if previous != nil {
		added -= len(previous.Entries)
	}
	data := FormatManifest(addresses)
	target := filepath.Join(opts.Content, ManifestFile)
	if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, data) {
		return len(addresses), added, nil
	}
	if err := writeFileAtomic(target, data); err != nil {
		return 0, 0, err
	}
	return len(addresses), added, nil
}

// writeFileAtomic replaces the file p with data, through a temporary file
// in the same folder renamed over it, so a reader (or a crash) sees the
// old file or the new one, never a part.
func writeFileAtomic(p string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", p, err)
	}
	return nil
}

// displayPath is p as diagnostics show it: relative to the folder dir
// where it can be, slash-separated.
func displayPath(dir, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if dir != "" {
		if rel, err := filepath.Rel(dir, abs); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}
