// Package versions groups the files that are versions of one document,
// decides which version is in force, and compares consecutive versions
// article by article (新旧对照).
//
// # Grouping
//
// Files are versions of one document when their front matter names the
// same document key (document: xingzheng-fuyi-fa). A file without that
// key belongs to the document of its title and part name (see
// doc.DeriveAddress): 统计法 2009 and 统计法 2024 are one document, the
// parts of the Civil Code stay apart. A document's key is its front
// matter's, else "d-" and six base32 characters of a SHA-256 hash of
// title and part name; it gives the stable address v/<key>/index.html,
// which lists the versions and leads to the one in force. Each version
// keeps its own address (doc.Document.Slug).
//
// # Status (时效性)
//
// Versions are ordered by their version date (doc.Meta.Date: the front
// matter's date, the file name's, or the latest date of the header).
// Two files of one document with the same version date claim the same
// version: the first in the order of their addresses is the version, the
// others are listed as its copies. A file without any date cannot be
// placed in the order: its status is 时效性未知.
//
// The dates are compared with an as-of date, which the caller passes
// (the site: the day of the build, or the build's -as-of date, so that a
// text adopted but not yet in force shows as 尚未生效 until its day).
// A version's effective date is the front matter's effective, else a
// header line "…自2024年1月1日起施行", else the same words in one of the
// last three articles when that date is not before the version date (an
// amendment keeps the first version's date there); else it is not
// stated (shown as 未载明) and the version date stands in for it. Then, for dated versions in order:
//
//   - repealed (front matter) on or before the as-of date, or
//     repealed-by given: 已废止; a repeal applies to every version;
//   - effective after the as-of date: 尚未生效;
//   - superseded by a later version already effective: 已修改;
//   - otherwise 现行有效, as far as the files say: the content does not
//     record repeals other than in front matter.
package versions

import (
	"crypto/sha256"
	"encoding/base32"
	"sort"
	"strconv"
	"strings"
	"time"

	"rulesite/internal/doc"
)

// Status is the validity (时效性) of a version.
type Status int

const (
	Unknown       Status = iota // 时效性未知: the files give no date
	InForce                     // 现行有效
	Amended                     // 已修改: a later version has replaced it
	Repealed                    // 已废止
	NotYetInForce               // 尚未生效
)

// String returns the status as readers see it.
func (s Status) String() string {
	switch s {
	case InForce:
		return "现行有效"
	case Amended:
		return "已修改"
	case Repealed:
		return "已废止"
	case NotYetInForce:
		return "尚未生效"
	}
	return "时效性未知"
}

// Class returns a short ASCII name of the status for markup and filters.
func (s Status) Class() string {
	switch s {
	case InForce:
		return "in-force"
	case Amended:
		return "amended"
	case Repealed:
		return "repealed"
	case NotYetInForce:
		return "pending"
	}
	return "unknown"
}

// Statuses lists every status in the order filters show them.
var Statuses = []Status{InForce, Amended, Repealed, NotYetInForce, Unknown}

// Version is one file of a document.
type Version struct {
	Doc *doc.Document
	// Effective is the 施行 date, YYYY-MM-DD, or "" when no file says.
	Effective string
	Status    Status
	// Copies are other files claiming the same version (same document,
	// same version date), in the order of their addresses; CopyOf is set
	// on each of them to the version they repeat.
	Copies []*Version
	CopyOf *Version
	// Group is the document the version belongs to.
	Group *Document
}

// Date returns the version date, "" when the file gives none.
func (v *Version) Date() string { return v.Doc.Meta.Date }

// Name returns what tells this version apart in a citation: 2017年修正,
// 2009年修订, 2021年 for a version date without an event, or "" for an
// undated version.
func (v *Version) Name() string {
	d := v.Date()
	if d == "" {
		return ""
	}
	year := d[:4]
	for _, l := range v.Doc.Header {
		l = strings.TrimSpace(l)
		if iso := leadingDate(l); iso != d {
			continue
		}
		for _, ev := range []string{"修正", "修订", "公布", "通过"} {
			if strings.Contains(l, ev) {
				return year + "年" + ev
			}
		}
	}
	return year + "年"
}

// Citation returns the version's name as citations prefix it: the
// document's citation, followed for a version not in force by its name in
// brackets, e.g. 《中华人民共和国行政复议法》（2017年修正）.
func (v *Version) Citation() string {
	c := v.Doc.Citation()
	if v.Status != InForce && len(v.Group.Versions) > 1 && v.Name() != "" {
		c += "（" + v.Name() + "）"
	}
	return c
}

// Document is one document: all the files that are versions of it.
type Document struct {
	Key   string
	Title string
	// Versions are in order of version date, oldest first; undated
	// versions follow in the order of their addresses.
	Versions []*Version
	// Current is the version in force, or nil when none is (repealed,
	// not yet in force, or no date known).
	Current *Version
}

// Path returns the document's stable page, v/<key>/index.html.
func (d *Document) Path() string { return "v/" + d.Key + "/index.html" }

// Latest returns the newest dated version, else the first.
func (d *Document) Latest() *Version {
	for i := len(d.Versions) - 1; i >= 0; i-- {
		if d.Versions[i].Date() != "" {
			return d.Versions[i]
		}
	}
	return d.Versions[0]
}

// Pair is two consecutive dated versions of a document.
type Pair struct{ Old, New *Version }

// ComparePath returns the page of the comparison, in the newer version's
// folder: <new>/compare-<old>.html.
func (p Pair) ComparePath() string {
	return p.New.Doc.Dir() + "/compare-" + p.Old.Doc.Dir() + ".html"
}

// Pairs returns the consecutive pairs of dated versions, oldest first.
func (d *Document) Pairs() []Pair {
	var dated []*Version
	for _, v := range d.Versions {
		if v.Date() != "" && v.CopyOf == nil {
			dated = append(dated, v)
		}
	}
	var ps []Pair
	for i := 1; i < len(dated); i++ {
		ps = append(ps, Pair{dated[i-1], dated[i]})
	}
	return ps
}

// Set is the documents of a site with an index from file to version.
type Set struct {
	Documents []*Document // in order of key
	AsOf      string
	byDoc     map[*doc.Document]*Version
}

// Of returns the version a file is, nil if the file is not in the set.
func (s *Set) Of(d *doc.Document) *Version {
	if s == nil {
		return nil
	}
	return s.byDoc[d]
}

// Key returns the document key of a file: its front matter's document,
// else "d-" and a hash of its title and part name.
func Key(d *doc.Document) string {
	if d.Meta.Document != "" {
		return d.Meta.Document
	}
	sum := sha256.Sum256([]byte(d.Meta.Title + "\n" + d.PartName()))
	return "d-" + strings.ToLower(base32.StdEncoding.EncodeToString(sum[:]))[:6]
}

// AsOf returns the latest date any of the files gives: version date,
// effective or repeal date.
func AsOf(docs []*doc.Document) string {
	latest := ""
	for _, d := range docs {
		for _, s := range []string{d.Meta.Date, d.Meta.Effective, d.Meta.Repealed} {
			if s > latest {
				latest = s
			}
		}
	}
	return latest
}

// Today returns asOf, or today's date (UTC) when asOf is "": the date a
// build decides statuses for.
func Today(asOf string) string {
	if asOf == "" {
		return time.Now().UTC().Format(time.DateOnly)
	}
	return asOf
}

// Group groups the files into documents and decides every version's
// status as of the date asOf (YYYY-MM-DD).
func Group(docs []*doc.Document, asOf string) *Set {
	s := &Set{AsOf: asOf, byDoc: make(map[*doc.Document]*Version, len(docs))}
	byKey := map[string]*Document{}
	sorted := append([]*doc.Document(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Slug < sorted[j].Slug })
	for _, d := range sorted {
		k := Key(d)
		g := byKey[k]
		if g == nil {
			g = &Document{Key: k, Title: d.Meta.Title}
			byKey[k] = g
			s.Documents = append(s.Documents, g)
		}
		v := &Version{Doc: d, Effective: effective(d), Group: g}
		s.byDoc[d] = v
		g.Versions = append(g.Versions, v)
	}
	sort.Slice(s.Documents, func(i, j int) bool { return s.Documents[i].Key < s.Documents[j].Key })
	for _, g := range s.Documents {
		g.settle(asOf)
	}
	return s
}

// settle orders the versions, folds copies and sets the statuses.
func (g *Document) settle(asOf string) {
	sort.SliceStable(g.Versions, func(i, j int) bool {
		a, b := g.Versions[i].Date(), g.Versions[j].Date()
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	var kept []*Version
	for _, v := range g.Versions {
		if n := len(kept); n > 0 && v.Date() != "" && kept[n-1].Date() == v.Date() {
			kept[n-1].Copies = append(kept[n-1].Copies, v)
			v.CopyOf = kept[n-1]
			continue
		}
		kept = append(kept, v)
	}
	repealed := false
	for _, v := range g.Versions {
		m := v.Doc.Meta
		if m.RepealedBy != "" || (m.Repealed != "" && m.Repealed <= asOf) {
			repealed = true
		}
	}
	var dated []*Version
	for _, v := range kept {
		if v.Date() != "" {
			dated = append(dated, v)
		}
	}
	for i, v := range dated {
		start := v.Effective
		if start == "" {
			start = v.Date()
		}
		switch {
		case repealed:
			v.Status = Repealed
		case start > asOf:
			v.Status = NotYetInForce
		case i+1 < len(dated) && startOf(dated[i+1]) <= asOf:
			v.Status = Amended
		default:
			v.Status = InForce
			g.Current = v
		}
	}
	for _, v := range kept {
		for _, c := range v.Copies {
			c.Status = v.Status
		}
	}
	g.Versions = append(kept, copiesOf(g.Versions, kept)...)
}

func startOf(v *Version) string {
	if v.Effective != "" {
		return v.Effective
	}
	return v.Date()
}

// copiesOf returns the versions of all that are not in kept.
func copiesOf(all, kept []*Version) []*Version {
	in := map[*Version]bool{}
	for _, k := range kept {
		in[k] = true
	}
	var out []*Version
	for _, v := range all {
		if !in[v] {
			out = append(out, v)
		}
	}
	return out
}

// effective returns the 施行 date of a file: its front matter's, else
// the first line of its promulgation notice or header reading
// …自<date>起施行 (or 实施, 执行), else the same words in one of the last
// three articles when that date is not before the version date (an
// amendment (修正) keeps the text's first effective date, which is earlier
// and says nothing about the amendment), else "".
//
// 自发布之日起施行 (公布, 印发; 施行, 实施, 执行) names the version date
// itself. In the notice and the header it always does; in the articles
// only when the header records no amendment or revision, since an amended
// law keeps the sentence of its first promulgation.
func effective(d *doc.Document) string {
	if d.Meta.Effective != "" {
		return d.Meta.Effective
	}
	var lines []string
	if d.Meta.Notice != nil {
		lines = append(lines, d.Meta.Notice.Body...)
	}
	lines = append(lines, d.Header...)
	for _, l := range lines {
		if iso := effectiveIn(l, d.Meta.Date); iso != "" {
			return iso
		}
	}
	if d.Meta.Date == "" {
		return ""
	}
	since := d.Meta.Date
	for _, l := range d.Header {
		if strings.Contains(l, "修正") || strings.Contains(l, "修订") || strings.Contains(l, "修改") {
			since = ""
			break
		}
	}
	for i := len(d.Articles) - 1; i >= 0 && i >= len(d.Articles)-3; i-- {
		for _, l := range d.Articles[i].TextLines() {
			if iso := effectiveIn(l, since); iso != "" && iso >= d.Meta.Date {
				return iso
			}
		}
	}
	return ""
}

// effectiveVerbs are the words that close an effective-date clause.
var effectiveVerbs = []string{"起施行", "起实施", "起执行"}

// effectiveIn returns the date of the first 自<date>起施行 in line, or, when
// published is not "", published for 自发布之日起施行 and its variants;
// else "".
func effectiveIn(l, published string) string {
	for {
		i := strings.Index(l, "自")
		if i < 0 {
			return ""
		}
		l = l[i+len("自"):]
		if iso := leadingDate(l); iso != "" {
			for _, v := range effectiveVerbs {
				if j := strings.Index(l, v); j >= 0 && j < 40 {
					return iso
				}
			}
		}
		if published != "" {
			for _, on := range []string{"发布之日", "公布之日", "印发之日"} {
				for _, v := range effectiveVerbs {
					if strings.HasPrefix(l, on+v) {
						return published
					}
				}
			}
		}
	}
}

// leadingDate reads a date 2021年4月1日 (Arabic digits) at the start of s
// and returns it as YYYY-MM-DD, or "".
func leadingDate(s string) string {
	num := func(s string) (int, int) {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 {
			return 0, 0
		}
		v, _ := strconv.Atoi(s[:n])
		return v, n
	}
	y, n := num(s)
	if n != 4 || !strings.HasPrefix(s[n:], "年") {
		return ""
	}
	s = s[n+len("年"):]
	m, n := num(s)
	if n == 0 || !strings.HasPrefix(s[n:], "月") {
		return ""
	}
	s = s[n+len("月"):]
	d, n := num(s)
	if n == 0 || !strings.HasPrefix(s[n:], "日") || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	return strconv.Itoa(y) + "-" + pad(m) + "-" + pad(d)
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ChineseDate writes an ISO date YYYY-MM-DD as 2021年4月1日; anything else
// is returned as it is.
func ChineseDate(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}
