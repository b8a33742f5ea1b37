package rules

// Body is a body the rules name as deciding or signing, with the
// permanent ASCII anchor it has wherever the site lists what it decides
// (authorities.html#mayor). The anchor is data, not derived from the
// name, so that addresses printed in documents outlive any rewording.
type Body struct {
	Name   string // as the text names it: 区政府常务会议
	Anchor string // stable ASCII: executive-meeting
}

// bodies are every body that decides a band of article 二十二, is named
// by a general rule or answers a procedure, in rank order: meetings
// first, then leaders, offices and departments. Check requires every
// body the data names to be here, so a body added to the data is added
// here, beside it, and nowhere else.
var bodies = []Body{
	{"区委常委会会议", "party-standing-committee"},
	{"区政府全体会议", "plenary-meeting"},
	{"区政府常务会议", "executive-meeting"},
	{"区长办公会议", "mayor-office-meeting"},
	{"区政府专题会议", "topic-meeting"},
	{"区长", "mayor"},
	{"区长、副区长", "mayor-and-deputy-mayors"},
	{"常务副区长", "executive-deputy-mayor"},
	{"负责区政府常务工作的副区长", "deputy-mayor-for-executive-work"},
	{"负责常务工作的副区长", "deputy-mayor-in-charge-of-executive-work"},
	{"分管副区长", "deputy-mayor"},
	{"其他副区长", "other-deputy-mayor"},
	{"其AB角对应的副区长", "ab-partner-deputy-mayor"},
	{"分管国资工作的区政府领导同志", "soe-leader"},
	{"区政府领导同志", "district-leader"},
	{"区政府办公室主任", "office-director"},
	{"区政府部门", "district-department"},
	{"区国资委", "sasac"},
	{"区财政局", "finance-bureau"},
	{"主管部门（镇乡街道）", "competent-department"},
	{"行业主管部门", "industry-department"},
	{"企业", "enterprise"},
}

// Bodies returns the bodies in rank order, as the caller's own copy.
func Bodies() []Body { return cloneEach(bodies, nil) }

// BodyAnchor returns the permanent anchor of the body with the given
// name, or "".
func BodyAnchor(name string) string {
	for _, b := range bodies {
		if b.Name == name {
			return b.Anchor
		}
	}
	return ""
}

// named lists every body the data names, each once, in the order met:
// the deciders of the bands, those of the general rules, and the bodies
// of the procedures' outcomes (each alternative of an Either).
func named(c *catalogue) []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, m := range c.matters {
		eachBand(m, func(_ *Table, _ int, b *Band) { add(b.Decision.Decider) })
	}
	for _, g := range c.general {
		for _, d := range g.Deciders {
			add(d)
		}
	}
	for i := range procedures {
		for _, b := range procedures[i].Branches {
			for _, o := range b.Outcomes {
				for _, n := range o.Bodies() {
					add(n)
				}
			}
		}
	}
	return names
}

// bodies reports every body the data names that has no anchor, and
// anchors that are not stable ASCII or repeat.
func (k *checker) bodies(c *catalogue) {
	anchors := map[string]bool{}
	for _, b := range bodies {
		if !isToken(b.Anchor) || anchors[b.Anchor] || b.Name == "" {
			k.addf("body "+b.Name, "anchor "+b.Anchor+" empty, not a token, or repeated")
		}
		anchors[b.Anchor] = true
	}
	for _, n := range named(c) {
		if BodyAnchor(n) == "" {
			k.addf("body "+n, "named by the data but not in bodies (rules/bodies.go), so it has no permanent anchor")
		}
	}
}
