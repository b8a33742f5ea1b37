package site

import (
	"rulesite/rules"
)

// bodyAnchors gives every deciding body a permanent ASCII fragment on
// authorities.html. A body the rules name that is missing here fails the
// build, so that no anchor is ever derived from something that may change.
var bodyAnchors = []struct{ name, anchor string }{
	{"区委常委会会议", "party-standing-committee"},
	{"区政府全体会议", "plenary-meeting"},
	{"区政府常务会议", "executive-meeting"},
	{"区长办公会议", "mayor-office-meeting"},
	{"区政府专题会议", "topic-meeting"},
	{"区长", "mayor"},
	{"常务副区长", "executive-deputy-mayor"},
	{"分管副区长", "deputy-mayor"},
	{"分管国资工作的区政府领导同志", "soe-leader"},
	{"区政府办公室主任", "office-director"},
	{"区国资委", "sasac"},
	{"区财政局", "finance-bureau"},
	{"主管部门（镇乡街道）", "competent-department"},
	{"行业主管部门", "industry-department"},
	{"企业", "enterprise"},
}

// AuthoritiesPage lists, for each body, what it decides.
type AuthoritiesPage struct {
	Page
	Bodies []BodyView
}

// BodyView is one body and its entries, in clause order.
type BodyView struct {
	Name    string
	Anchor  string
	Entries []AuthorityEntry
	General []GeneralView
}

// AuthorityEntry is one band a body decides.
type AuthorityEntry struct {
	Matter   *rules.Matter
	Table    string // for 22.5: the table's heading
	Range    string
	Decision *rules.Decision
	Steps    string
	Href     string // the clause, relative to the root
	Band     string // the band on thresholds.html, relative to the root
}

func (rp *rulesPages) authorities(p Page) *AuthoritiesPage {
	ap := &AuthoritiesPage{Page: p}
	index := map[string]int{}
	body := func(name string) *BodyView {
		i, ok := index[name]
		if !ok {
			i = len(ap.Bodies)
			index[name] = i
			ap.Bodies = append(ap.Bodies, BodyView{Name: name, Anchor: anchorOfBody(name)})
		}
		return &ap.Bodies[i]
	}
	// Bodies appear in rank order, then any others in order of appearance.
	for _, b := range bodyAnchors {
		if rp.decides(b.name) {
			body(b.name)
		}
	}
	for _, m := range rp.matters {
		add := func(table string, b *rules.Band) {
			d := b.Decision
			bv := body(d.Decider)
			bv.Entries = append(bv.Entries, AuthorityEntry{
				Matter:   m,
				Table:    table,
				Range:    RangeText(b.Interval),
				Decision: d,
				Steps:    joinSteps(d.Steps),
				Href:     rp.href(d.Clause),
				Band:     "thresholds.html#" + MatterAnchor(m.ID),
			})
		}
		for _, b := range m.Bands {
			add("", b)
		}
		for _, t := range m.Tables {
			for _, b := range t.Bands {
				add(t.Heading, b)
			}
		}
	}
	for _, g := range rp.general {
		for _, name := range g.Deciders {
			bv := body(name)
			bv.General = append(bv.General, GeneralView{Rule: g, Href: rp.href(g.Clause)})
		}
	}
	return ap
}

// decides reports whether a body decides any band or is named by a general
// rule.
func (rp *rulesPages) decides(name string) bool {
	for _, m := range rp.matters {
		found := false
		eachDecision(m, func(d *rules.Decision) {
			if d.Decider == name {
				found = true
			}
		})
		if found {
			return true
		}
	}
	for _, g := range rp.general {
		for _, d := range g.Deciders {
			if d == name {
				return true
			}
		}
	}
	return false
}

func anchorOfBody(name string) string {
	for _, b := range bodyAnchors {
		if b.name == name {
			return b.anchor
		}
	}
	return ""
}
