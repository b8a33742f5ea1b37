package site

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/shopspring/decimal"

	"rulesite/internal/diag"
	"rulesite/internal/doc"
	"rulesite/rules"
)

// rulesPages renders what the site shows of the rules package: the
// threshold tables, the authority index, the calculator page and the links
// from article 二十二 to them. They exist only when the content holds the
// document the rules cite (rules.Source), so that every clause they cite
// links to its text and the build can check the text against the data.
type rulesPages struct {
	doc        *doc.Document
	matters    []*rules.Matter
	general    []*rules.GeneralRule
	procedures []*rules.Procedure
	quotes     [][]rules.Quote // of each procedure, made once for every page
}

// newRulesPages pairs the rules with the document rules.Source names. A
// document of the same title with another number or date is another
// version of the text: when the content holds no
// document with the number rules.Source names, the pages are built for
// that one, and check refuses it, naming both versions, rather than
// leaving the rules pages out without a word.
func newRulesPages(docs []*doc.Document) *rulesPages {
	var other *doc.Document
	for _, d := range docs {
		switch {
		case d.Meta.Number == rules.Source.Number:
			rp := &rulesPages{doc: d, matters: rules.Matters(), general: rules.GeneralRules(), procedures: rules.Procedures()}
			for _, p := range rp.procedures {
				rp.quotes = append(rp.quotes, p.Quotes())
			}
			return rp
		case d.Meta.Title == rules.Source.Title && other == nil:
			other = d
		}
	}
	if other != nil {
		return &rulesPages{doc: other}
	}
	return nil
}

// unitText is the text of a clause as the document writes it, and the
// anchor it has on its article page.
type unitText struct {
	article *doc.Article
	anchor  string
	pos     diag.Pos
	// own is the clause's own text: a sub-item's line, or an item's
	// first line with its continuation lines; full adds the sub-items.
	own, full []string
}

// find locates a rules clause in the document: an article, one of its
// paragraphs (款), an item or a sub-item.
func (rp *rulesPages) find(c rules.Clause) (*unitText, error) {
	var art *doc.Article
	for _, a := range rp.doc.Articles {
		if a.Number == c.Article && a.Sub == 0 {
			art = a
		}
	}
	if art == nil {
		return nil, fmt.Errorf("%s: the document has no article %d", c.Citation(), c.Article)
	}
	paras := art.Paragraphs
	if c.Paragraph > 0 {
		if c.Paragraph > len(paras) {
			return nil, fmt.Errorf("%s: article %d has %d paragraphs", c.Citation(), c.Article, len(paras))
		}
		paras = paras[c.Paragraph-1 : c.Paragraph]
	}
	if c.Item == 0 {
		if c.Paragraph == 0 {
			u := &unitText{article: art, anchor: art.Paragraphs[0].Anchor(), pos: art.Pos}
			u.own = art.TextLines()
			u.full = u.own
			return u, nil
		}
		p := paras[0]
		u := &unitText{article: art, anchor: p.Anchor(), pos: p.Pos, own: []string{p.Text}}
		u.full = append(u.full, p.Text)
		for _, it := range p.Items {
			u.full = append(u.full, it.Text)
			for _, l := range it.Body {
				u.full = append(u.full, l.Text)
			}
		}
		return u, nil
	}
	for _, p := range paras {
		for _, it := range p.Items {
			if it.Number != c.Item {
				continue
			}
			if c.SubItem == 0 {
				u := &unitText{article: art, anchor: it.Anchor(), pos: it.Pos}
				u.own = []string{it.Text}
				u.full = []string{it.Text}
				for _, l := range it.Body {
					if l.Number == 0 {
						u.own = append(u.own, l.Text)
					}
					u.full = append(u.full, l.Text)
				}
				return u, nil
			}
			for _, l := range it.Body {
				if l.Number == c.SubItem {
					return &unitText{article: art, anchor: l.Anchor(), pos: l.Pos, own: []string{l.Text}, full: []string{l.Text}}, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%s: not found in the document", c.Citation())
}

// href is the address of a clause relative to the site root, under
// internal/doc's anchors: the article page alone for a whole article
// (kzfz-2021-7/21.html), #p<k> for a paragraph (18.html#p2), and the
// item's or sub-item's own anchor (43.html#i3, 22.html#i3-1). It is "" for
// a clause the document lacks, which the drift check reports.
func (rp *rulesPages) href(c rules.Clause) string {
	u, err := rp.find(c)
	if err != nil {
		return ""
	}
	if c.Paragraph == 0 && c.Item == 0 {
		return u.article.Path()
	}
	return u.article.Path() + "#" + u.anchor
}

// MatterAnchor is the permanent fragment of a matter on thresholds.html.
func MatterAnchor(id string) string { return "m-" + id }

// MatterName names a matter by its sub-item heading and its title, without
// saying the same words twice: 1．企业类：国有及国有控股企业一次性处置国有资产,
// but 1．需区级财政配套的建设项目申报方案.
func MatterName(m *rules.Matter) string {
	switch {
	case m.Heading == "":
		return m.Title
	case strings.Contains(m.Heading, m.Title):
		return m.Heading
	}
	return m.Heading + "：" + m.Title
}

// CalculatorLink is the calculator's address with the inputs filled in.
func CalculatorLink(matter string, inputs ...[2]string) string {
	q := "matter=" + url.QueryEscape(matter)
	for _, kv := range inputs {
		q += "&" + kv[0] + "=" + url.QueryEscape(kv[1])
	}
	return "calculator.html?" + q
}

// sample picks an amount inside an interval to fill the calculator with:
// its lower end where that belongs to it, else half its upper end.
func sample(iv rules.Interval) string {
	switch {
	case !iv.Lower.Unbounded && iv.Lower.Inclusive && iv.Lower.Amount.Sign() > 0:
		return rules.FormatAmount(iv.Lower.Amount)
	case !iv.Upper.Unbounded:
		return rules.FormatAmount(iv.Upper.Amount.Div(decimal.NewFromInt(2)))
	case !iv.Lower.Unbounded:
		return rules.FormatAmount(iv.Lower.Amount.Add(decimal.NewFromInt(1)))
	}
	return "1"
}

// RangeText states an interval with both ends' semantics spelled out in
// the text's own notation: 500万元（含）至1000万元（不含）.
func RangeText(iv rules.Interval) string {
	end := func(b rules.Bound) string {
		s := b.Written
		if s == "" {
			s = rules.FormatAmount(b.Amount) + "万元"
		}
		if b.Inclusive {
			return s + "（含）"
		}
		return s + "（不含）"
	}
	lowerZero := iv.Lower.Unbounded || (iv.Lower.Written == "" && iv.Lower.Amount.Sign() == 0)
	switch {
	case lowerZero && iv.Upper.Unbounded:
		return "任何金额"
	case lowerZero && iv.Upper.Inclusive:
		return "不超过" + end(iv.Upper)
	case lowerZero:
		return "不足" + strings.TrimSuffix(end(iv.Upper), "（不含）")
	case iv.Upper.Unbounded:
		return end(iv.Lower) + "及以上"
	}
	return end(iv.Lower) + "至" + end(iv.Upper)
}

// readings lists the implicit ends of an interval and how they were read.
func readings(iv rules.Interval) []*rules.Reading {
	var out []*rules.Reading
	for _, b := range []rules.Bound{iv.Lower, iv.Upper} {
		if b.Reading != nil {
			out = append(out, b.Reading)
		}
	}
	return out
}

// ThresholdsPage shows one table per matter of article 二十二.
type ThresholdsPage struct {
	Page
	Doc        *doc.Document
	Article    string // address of article 二十二, relative to the root
	General    []GeneralView
	Categories []CategoryView
}

// GeneralView is a general sentence of the article with its link.
type GeneralView struct {
	Rule    *rules.GeneralRule
	Href    string
	Matters []MatterRef
}

// MatterRef links a matter on the thresholds page.
type MatterRef struct {
	ID, Title, Href string
}

// CategoryView is one item of article 二十二 (（一）向上争取资金类…).
type CategoryView struct {
	Heading string
	Matters []MatterView
}

// MatterView is one matter's tables.
type MatterView struct {
	M      *rules.Matter
	Name   string // heading and title, without repeating one in the other
	Anchor string
	Href   string // its clause, relative to the root
	Tables []TableView
}

// TableView is one band table: a matter's only table, or for 22.5 one per
// band of 合同金额.
type TableView struct {
	Heading  string // for 22.5: the sub-item's heading
	Citation string
	Href     string
	Input    string // label of the input the bands are over
	Basis    string
	Bands    []BandView
	Ladder   template.HTML
	Caption  string
}

// BandView is one row of a table.
type BandView struct {
	Band       *rules.Band
	Range      string
	Readings   []*rules.Reading
	Calculator string // relative to the root
}

func (rp *rulesPages) thresholds(p Page) *ThresholdsPage {
	tp := &ThresholdsPage{Page: p, Doc: rp.doc, Article: rp.href(rules.Clause{Article: 22})}
	for _, g := range rp.general {
		gv := GeneralView{Rule: g, Href: rp.href(g.Clause)}
		if len(g.Matters) < len(rp.matters) {
			for _, id := range g.Matters {
				for _, m := range rp.matters {
					if m.ID == id {
						gv.Matters = append(gv.Matters, MatterRef{ID: id, Title: m.Title, Href: "#" + MatterAnchor(id)})
					}
				}
			}
		}
		tp.General = append(tp.General, gv)
	}
	for _, m := range rp.matters {
		if len(tp.Categories) == 0 || tp.Categories[len(tp.Categories)-1].Heading != m.Category {
			tp.Categories = append(tp.Categories, CategoryView{Heading: m.Category})
		}
		cat := &tp.Categories[len(tp.Categories)-1]
		mv := MatterView{M: m, Name: MatterName(m), Anchor: MatterAnchor(m.ID), Href: rp.href(m.Clause)}
		if len(m.Tables) == 0 {
			tv := TableView{Href: mv.Href, Input: m.Inputs[0].Label, Basis: m.Basis}
			for _, b := range m.Bands {
				tv.Bands = append(tv.Bands, BandView{
					Band:       b,
					Range:      RangeText(b.Interval),
					Readings:   readings(b.Interval),
					Calculator: CalculatorLink(m.ID, [2]string{m.Inputs[0].Name, sample(b.Interval)}),
				})
			}
			tv.Caption = m.Title + "：按" + tv.Input + "划分的决策主体"
			tv.Ladder = ladder(mv.Anchor, tv.Input, m.Bands)
			mv.Tables = append(mv.Tables, tv)
		}
		for i, t := range m.Tables {
			tv := TableView{Heading: t.Heading, Citation: t.Citation(), Href: rp.href(t.Clause), Input: m.Inputs[1].Label, Basis: t.Basis}
			for _, b := range t.Bands {
				tv.Bands = append(tv.Bands, BandView{
					Band:     b,
					Range:    RangeText(b.Interval),
					Readings: append(readings(t.Interval), readings(b.Interval)...),
					Calculator: CalculatorLink(m.ID,
						[2]string{m.Inputs[0].Name, sample(t.Interval)},
						[2]string{m.Inputs[1].Name, sample(b.Interval)}),
				})
			}
			tv.Caption = t.Heading + "：按" + tv.Input + "划分的决策主体"
			tv.Ladder = ladder(fmt.Sprintf("%s-%d", mv.Anchor, i+1), tv.Input, t.Bands)
			mv.Tables = append(mv.Tables, tv)
		}
		cat.Matters = append(cat.Matters, mv)
	}
	return tp
}

// RelatedRule links a clause of article 二十二 to its table and the
// calculator.
type RelatedRule struct {
	Anchor     string // the clause on the article page
	Citation   string
	Title      string
	Table      string // relative to the root; "" where there is none
	Calculator string // relative to the root
}

func (rp *rulesPages) related(a *doc.Article) []RelatedRule {
	if a.Doc != rp.doc {
		return nil
	}
	var out []RelatedRule
	for _, m := range rp.matters {
		if m.Clause.Article != a.Number || a.Sub != 0 {
			continue
		}
		u, err := rp.find(m.Clause)
		if err != nil {
			continue
		}
		out = append(out, RelatedRule{
			Anchor:     u.anchor,
			Citation:   m.Citation(),
			Title:      m.Title,
			Table:      "thresholds.html#" + MatterAnchor(m.ID),
			Calculator: CalculatorLink(m.ID),
		})
	}
	// A procedure is related to every article it quotes, at the first
	// clause of the article it quotes.
	for i, p := range rp.procedures {
		if a.Sub != 0 {
			break
		}
		for _, q := range rp.quotes[i] {
			if q.Clause.Article != a.Number {
				continue
			}
			u, err := rp.find(q.Clause)
			if err != nil {
				continue
			}
			// Named as the text names it: the procedure of its own
			// article by that article (公文审签, 第四十三条), not by the
			// first item it quotes.
			cite := q.Clause.Citation()
			if p.Clause.Article == a.Number {
				cite = p.Citation()
			}
			out = append(out, RelatedRule{
				Anchor:     u.anchor,
				Citation:   cite,
				Title:      p.Title + "：" + p.Question,
				Calculator: CalculatorLink(p.ID),
			})
			break
		}
	}
	return out
}

func (rp *rulesPages) jobs(b *builder) []job {
	wide := func(title, path string) Page {
		p := b.page(title, path)
		p.Wide = true
		return p
	}
	calc := rp.calculator(wide("决策路径计算器", "calculator.html"))
	if b.versions != nil {
		v := b.versions.set.Of(rp.doc)
		calc.Data.Version = versionText(v)
		if v != nil {
			calc.Data.Status = v.Status.String()
		}
	}
	return []job{
		{"thresholds.html", "thresholds.html", rp.thresholds(wide("第二十二条限额表", "thresholds.html")), nil, nil},
		{"authorities.html", "authorities.html", rp.authorities(wide("决策主体索引", "authorities.html")), nil, nil},
		{"calculator.html", "calculator.html", calc, nil, nil},
	}
}

func joinSteps(steps []rules.Step) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = s.Actor + s.Action
	}
	return strings.Join(parts, " → ")
}
