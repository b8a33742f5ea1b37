package site

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"

	"rulesite/internal/doc"
	"rulesite/internal/keyhash"
	"rulesite/internal/versions"
)

// A document's pages (its contents page, its full text, its article
// pages and its comparisons with the previous version, all in its folder)
// and its resolver data are a function of what docKey digests: the
// templates, the site's settings, the document's file, the files and
// statuses of the other versions of its group, the references its text
// makes as resolved, and the units citing its articles. A caller that
// kept the pages of a previous build with their key may keep them
// instead of rendering them again (see Input.Unchanged); the code that
// renders them is the caller's to take into account.

// newKey starts a key with what every page depends on: the templates and
// the site's settings.
func (b *builder) newKey() hash.Hash {
	h := sha256.New()
	h.Write(b.tmpl.sum[:])
	keyhash.Strings(h, b.in.BaseURL, strconv.FormatBool(b.rules != nil))
	return h
}

// docKey returns the key of the pages of d.
func (b *builder) docKey(d *doc.Document) string {
	h := b.newKey()
	// Not d.Path, which names the file in diagnostics only: moving the
	// content folder changes no page.
	h.Write(d.Sum[:])
	keyhash.Strings(h, d.Dir())
	if v := b.versions.set.Of(d); v != nil {
		putGroup(h, v.Group)
	}
	if x := b.cites; x != nil {
		if out := x.out[d]; out != nil {
			keyhash.Strings(h, "links")
			h.Write(out.Sum(nil))
		}
		for _, a := range d.Articles {
			cb := x.citedByOf(a)
			if cb == nil {
				continue
			}
			keyhash.Strings(h, "cited by", a.File(), strconv.Itoa(cb.More))
			for _, list := range [][]*Citing{cb.Same, cb.Other} {
				keyhash.Strings(h, strconv.Itoa(len(list)))
				for _, c := range list {
					keyhash.Strings(h, c.Doc.Citation(), c.Doc.Dir(), c.Article.File(), c.Href(), c.Unit, strconv.FormatBool(c.SameDoc))
					keyhash.Strings(h, c.Refs...)
				}
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// groupKey returns the key of a document's page of versions: newKey's,
// and the files and statuses of its versions.
func (b *builder) groupKey(g *versions.Document) string {
	h := b.newKey()
	putGroup(h, g)
	return hex.EncodeToString(h.Sum(nil))
}

// putGroup writes what a group's pages show of its versions: their
// files, their dates and statuses, which one is in force.
func putGroup(h hash.Hash, g *versions.Document) {
	keyhash.Strings(h, "group", g.Key, g.Title)
	if g.Current != nil {
		keyhash.Strings(h, "current", g.Current.Doc.Dir())
	}
	for _, m := range g.Versions {
		h.Write(m.Doc.Sum[:])
		keyhash.Strings(h, m.Doc.Dir(), m.Effective, m.Status.String(), strconv.Itoa(len(m.Copies)))
		if m.CopyOf != nil {
			keyhash.Strings(h, "copy of", m.CopyOf.Doc.Dir())
		}
	}
}
