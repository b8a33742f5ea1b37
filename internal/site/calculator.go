package site

import (
	"sort"
	"strings"

	"rulesite/rules"
)

// CalculatorPage is the routing calculator: a form over the matters of
// article 二十二 whose answers come from rules.wasm in the browser. The
// form is rendered here, so that it appears before the module has loaded;
// without JavaScript or WebAssembly the page still shows the threshold
// tables (the embedded ThresholdsPage).
type CalculatorPage struct {
	ThresholdsPage
	Groups []CalcGroup
	// Fields are the amount fields the form can show, one per input name
	// across all matters (amount; contract and change for 22.5), in the
	// order a form asks for them. The script relabels them per matter.
	Fields []CalcField
	// Data is what the script needs beyond the form, as JSON.
	Data CalcData
}

// CalcGroup is one category of article 二十二, as the text words it:
// （一）向上争取资金类.
type CalcGroup struct {
	Heading string
	Matters []CalcMatter
}

// CalcMatter is one choice of the matter picker.
type CalcMatter struct {
	ID       string
	Title    string
	Citation string
	// Heading is the sub-item's heading without its number where it says
	// more than Title (企业类, 担保类（国有担保公司对外开展担保业务）).
	Heading string
}

// CalcField is one amount field of the form.
type CalcField struct {
	Name  string // request key: amount, contract, change
	Label string // the label shown before a matter is chosen
}

// CalcData is the script's data, embedded in the page as JSON.
type CalcData struct {
	// Citation is the document's name as formal citations prefix it:
	// 《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）.
	Citation string           `json:"citation"`
	Matters  []CalcMatterData `json:"matters"`
	// Clauses maps every clause a decision can cite (rules.Clause.Path:
	// "22", "22.1", "22.5.2") to its address relative to the site root,
	// anchors included, as the document's pages number them.
	Clauses map[string]string `json:"clauses"`
	// Bodies maps every deciding body to its entry on authorities.html.
	Bodies map[string]string `json:"bodies"`
}

// CalcMatterData is a matter as the script needs it to label the form.
type CalcMatterData struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	Citation string          `json:"citation"`
	Inputs   []CalcInputData `json:"inputs"`
}

// CalcInputData is an input of a matter.
type CalcInputData struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Hint  string `json:"hint"`
	// Marks are the amounts at which a band begins, offered as one-click
	// examples: the boundaries are where staff most need the answer.
	Marks []CalcMark `json:"marks"`
}

// CalcMark is a threshold: Amount in 万元 as plain digits ("500"), Written
// as the text writes it ("500万元", "1亿元").
type CalcMark struct {
	Amount  string `json:"amount"`
	Written string `json:"written"`
}

func (rp *rulesPages) calculator(p Page) *CalculatorPage {
	cp := &CalculatorPage{
		ThresholdsPage: *rp.thresholds(p),
		Data: CalcData{
			Citation: rp.doc.Citation(),
			Clauses:  map[string]string{},
			Bodies:   map[string]string{},
		},
	}
	seenField := map[string]bool{}
	clause := func(c rules.Clause) {
		if href := rp.href(c); href != "" {
			cp.Data.Clauses[c.Path()] = href
		}
	}
	for _, g := range rp.general {
		clause(g.Clause)
	}
	for _, m := range rp.matters {
		if !amountsOnly(m) {
			// The form asks for amounts; a matter that needs another
			// kind of input needs a form of its own.
			continue
		}
		if len(cp.Groups) == 0 || cp.Groups[len(cp.Groups)-1].Heading != m.Category {
			cp.Groups = append(cp.Groups, CalcGroup{Heading: m.Category})
		}
		g := &cp.Groups[len(cp.Groups)-1]
		g.Matters = append(g.Matters, CalcMatter{
			ID:       m.ID,
			Title:    m.Title,
			Citation: m.Citation(),
			Heading:  extraHeading(m),
		})

		md := CalcMatterData{ID: m.ID, Title: m.Title, Citation: m.Citation()}
		for i, in := range m.Inputs {
			md.Inputs = append(md.Inputs, CalcInputData{Name: in.Name, Label: in.Label, Hint: in.Hint, Marks: marks(m, i)})
			if !seenField[in.Name] {
				seenField[in.Name] = true
				// Before a matter is chosen only the first field
				// shows, and it reads 金额.
				label := in.Label
				if len(cp.Fields) == 0 {
					label = "金额"
				}
				cp.Fields = append(cp.Fields, CalcField{Name: in.Name, Label: label})
			}
		}
		cp.Data.Matters = append(cp.Data.Matters, md)

		clause(m.Clause)
		// The item a sub-item belongs to: general rules and notes may
		// cite it.
		clause(rules.Clause{Article: m.Clause.Article, Item: m.Clause.Item})
		for _, t := range m.Tables {
			clause(t.Clause)
		}
		eachDecision(m, func(d *rules.Decision) {
			clause(d.Clause)
			for _, n := range d.Notes {
				clause(n.Clause)
			}
			if a := anchorOfBody(d.Decider); a != "" {
				cp.Data.Bodies[d.Decider] = "authorities.html#" + a
			}
		})
	}
	return cp
}

func amountsOnly(m *rules.Matter) bool {
	for _, in := range m.Inputs {
		if in.Kind != rules.KindAmount {
			return false
		}
	}
	return true
}

// extraHeading returns the sub-item heading of m without its number, when
// it is not just the title again.
func extraHeading(m *rules.Matter) string {
	h := m.Heading
	if i := strings.Index(h, "．"); i >= 0 {
		h = h[i+len("．"):]
	}
	if h == m.Title || h == "" {
		return ""
	}
	return h
}

// marks returns the thresholds of input i of m, ascending: the lower ends
// of every band but the first. For the second input of 22.5 they are the
// thresholds of every table, since the table depends on the first input.
func marks(m *rules.Matter, i int) []CalcMark {
	var bounds []rules.Bound
	add := func(ivs []rules.Interval) {
		for i := 1; i < len(ivs); i++ {
			bounds = append(bounds, ivs[i].Lower)
		}
	}
	switch {
	case len(m.Tables) == 0:
		add(intervals(m.Bands))
	case i == 0:
		var ivs []rules.Interval
		for _, t := range m.Tables {
			ivs = append(ivs, t.Interval)
		}
		add(ivs)
	default:
		for _, t := range m.Tables {
			add(intervals(t.Bands))
		}
	}
	sort.SliceStable(bounds, func(a, b int) bool { return bounds[a].Amount.LessThan(bounds[b].Amount) })
	var out []CalcMark
	for _, b := range bounds {
		amount := rules.FormatAmount(b.Amount)
		if len(out) > 0 && out[len(out)-1].Amount == amount {
			continue
		}
		written := b.Written
		if written == "" {
			written = amount + "万元"
		}
		out = append(out, CalcMark{Amount: amount, Written: written})
	}
	return out
}

func intervals(bands []*rules.Band) []rules.Interval {
	out := make([]rules.Interval, len(bands))
	for i, b := range bands {
		out[i] = b.Interval
	}
	return out
}
