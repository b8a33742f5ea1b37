package cite

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"rulesite/internal/doc"
)

// Outline is what resolution needs of a document: its addresses and the
// numbers of its units. The site publishes it (with the units' text) for
// the resolver in the browser; field names are short for that reason.
type Outline struct {
	Dir   string `json:"d"` // folder, e.g. kzfz-2021-7
	Title string `json:"t"` // 标题
	// Cite is what formal citations start with: 《标题》（文号）. The
	// site's list of documents leaves it out where it is 《标题》.
	Cite string `json:"c,omitempty"`
	Date string `json:"v,omitempty"` // version date, YYYY-MM-DD, or ""
	// Name tells the version apart in citations (versions.Version.Name:
	// 2017年修正), "" for a document of one version.
	Name string `json:"vn,omitempty"`
	// Group is the key shared by the versions of one document; the
	// site's list leaves it out for a document of one version.
	Group string `json:"g,omitempty"`
	// Current: the version in force (or the only or latest version of a
	// document none of whose versions is known to be in force).
	Current bool `json:"cur,omitempty"`
	// Amends: the document amends another (修改决定, 修正案), so that
	// the bare references of its text name the amended text.
	Amends   bool             `json:"am,omitempty"`
	Articles []OutlineArticle `json:"a,omitempty"`
}

// OutlineArticle is an article: its number and paragraphs.
type OutlineArticle struct {
	N     int           `json:"n"`
	Sub   int           `json:"s,omitempty"` // 之一 → 1
	Paras []OutlinePara `json:"p"`
}

// OutlinePara is a paragraph (款) and its items.
type OutlinePara struct {
	Text  string        `json:"x,omitempty"`
	Items []OutlineItem `json:"i,omitempty"`
}

// OutlineItem is an item (项) or a sub-item (目). C is its number as
// citations write it when that is not the default (（三） for an item, 1
// for a sub-item): 三 for an item labelled 三、, （1） for (1).
type OutlineItem struct {
	N    int           `json:"n"`
	C    string        `json:"c,omitempty"`
	Text string        `json:"x,omitempty"` // its lines in reading order, sub-items included, joined by "\n"
	Subs []OutlineItem `json:"s,omitempty"`
}

// NewOutline returns the outline of d; cite is the name its citations
// start with (doc.Document.Citation, or the version's), group the key of
// its versions. withText keeps the units' text.
func NewOutline(d *doc.Document, cite, group string, current, withText bool) Outline {
	o := Outline{Dir: d.Dir(), Title: d.Meta.Title, Cite: cite, Date: d.Meta.Date, Group: group, Current: current, Amends: Amends(d.Meta.Title)}
	for _, a := range d.Articles {
		oa := OutlineArticle{N: a.Number, Sub: a.Sub}
		for _, p := range a.Paragraphs {
			op := OutlinePara{}
			if withText {
				op.Text = p.Text
			}
			for _, it := range p.Items {
				oi := OutlineItem{N: it.Number, C: citedPart(it.Citation(), p.Citation(), "项", itemNumber(it.Number))}
				lines := []string{it.Text}
				for _, l := range it.Body {
					lines = append(lines, l.Text)
					if l.Number == 0 {
						continue
					}
					s := OutlineItem{N: l.Number, C: citedPart(l.Citation(), it.Citation(), "目", strconv.Itoa(l.Number))}
					if withText {
						s.Text = l.Text
					}
					oi.Subs = append(oi.Subs, s)
				}
				if withText {
					oi.Text = strings.Join(lines, "\n")
				}
				op.Items = append(op.Items, oi)
			}
			oa.Paras = append(oa.Paras, op)
		}
		o.Articles = append(o.Articles, oa)
	}
	return o
}

// citedPart returns the number part of a unit's citation (（三） of
// 第二十二条第（三）项) when it is not def.
func citedPart(full, parent, unit, def string) string {
	c := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(full, parent), "第"), unit)
	if c == def {
		return ""
	}
	return c
}

func itemNumber(n int) string { return "（" + doc.FormatNumeral(n) + "）" }

// Amends reports whether a title is that of an amendment: 关于修改《…》的决定,
// …修正案. The bare references of such a text name the text it amends.
func Amends(title string) bool {
	return strings.Contains(title, "修正案") || (strings.Contains(title, "修改") && strings.Contains(title, "《"))
}

// ruleEndings end the titles of rules (法, 条例, 办法…), as against the
// other names written in 《》: licences, reports, forms, newspapers.
var ruleEndings = []string{"法", "法典", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "守则", "条令", "纲要", "制度", "意见", "通知", "公约", "协定", "修正案", "批复", "答复", "规范", "标准"}

// RuleTitle reports whether a title in 《》 names a rule, by its ending
// (a bracketed part after it, 修正案（九）, aside): only those count as
// documents the site could hold.
func RuleTitle(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasSuffix(t, "）") {
		if i := strings.LastIndex(t, "（"); i > 0 {
			t = t[:i]
		}
	}
	for _, e := range ruleEndings {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

// aliasLead opens the short name a text gives a document it has just
// named: 《中华人民共和国行政复议法实施条例》（以下简称《条例》）.
const aliasLead = "（以下简称《"

// Alias returns the short name given at the start of rest, the text
// right after a title (条例 for （以下简称《条例》）), or "". Later
// references to 《条例》 in the same text name the titled document.
func Alias(rest string) string {
	if !strings.HasPrefix(rest, aliasLead) {
		return ""
	}
	name, tail, ok := strings.Cut(rest[len(aliasLead):], "》")
	if !ok || !strings.HasPrefix(tail, "）") || name == "" || len([]rune(name)) > 20 {
		return ""
	}
	return name
}

// NormTitle is the key titles are matched by: without blanks, without a
// leading 中华人民共和国, with 〈〉 read as 《》.
func NormTitle(t string) string {
	t = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '〈':
			return '《'
		case r == '〉':
			return '》'
		}
		return r
	}, t)
	return strings.TrimPrefix(t, titlePrefix)
}

// Library is the documents references resolve against.
type Library struct {
	Docs    []Outline
	byTitle map[string][]int
	byDir   map[string]int
	// Default is the document a citation without one names in Parse's
	// citations (the site's own rules), -1 for none.
	Default int
}

// NewLibrary indexes docs by title and folder.
func NewLibrary(docs []Outline) *Library {
	l := &Library{Docs: docs, byTitle: map[string][]int{}, byDir: map[string]int{}, Default: -1}
	for i, d := range docs {
		k := NormTitle(d.Title)
		l.byTitle[k] = append(l.byTitle[k], i)
		l.byDir[d.Dir] = i
	}
	if len(docs) == 1 {
		l.Default = 0
	}
	return l
}

// Doc returns the index of the document in folder dir, or -1.
func (l *Library) Doc(dir string) int {
	if i, ok := l.byDir[dir]; ok {
		return i
	}
	return -1
}

// Context is the citing unit: indexes into the Library (-1 where not
// known). Para and Item are 0-based like Article.
type Context struct {
	Doc, Article, Para, Item int
	// Date is the citing text's date (YYYY-MM-DD), which chooses the
	// version of a cited document; "" for the version in force.
	Date string
}

// NoContext is the context of a citation typed outside any text.
var NoContext = Context{Doc: -1, Article: -1, Para: -1, Item: -1}

// Target is a resolved unit: indexes into the Library (-1 below the
// unit named), its address and formal citation.
type Target struct {
	Doc, Article, Para, Item, Sub int
	Href                          string // dir/file#anchor from the site root; dir/index.html for a document
	Citation                      string
}

// Error codes: why a reference was not resolved.
const (
	CodeSyntax        = "syntax"
	CodeNoDocument    = "document.missing"
	CodeNotRule       = "title.other"
	CodeNoVersion     = "version.missing"
	CodeAmbiguousDoc  = "document.ambiguous"
	CodeUnnamed       = "document.unnamed"
	CodeNamed         = "document.unbracketed"
	CodeAmendment     = "amendment"
	CodeNoContext     = "context.missing"
	CodeAnaphora      = "context.anaphora"
	CodeNoArticle     = "article.missing"
	CodeRepeatArticle = "article.repeated"
	CodeNoPara        = "paragraph.missing"
	CodeNoItem        = "item.missing"
	CodeRepeatItem    = "item.repeated"
	CodeAmbiguousItem = "item.ambiguous"
	CodeNoSub         = "subitem.missing"
	CodeRepeatSub     = "subitem.repeated"
)

// Error says why a reference cannot be resolved: Code for counting, Msg
// in Chinese for readers.
type Error struct {
	Code string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

func fail(code, msg string) (*Target, *Error) { return nil, &Error{Code: code, Msg: msg} }

// candidates returns the documents a reference names, one version of
// each document: the citing one for 本法 or none, else those of its
// title in the version of the citing date.
func (l *Library) candidates(r *Ref, ctx Context) ([]int, *Error) {
	if r.Named {
		t := l.titleEnding(r.Before)
		if t == "" {
			return nil, &Error{CodeNamed, "文件名未加书名号，无法确定所指文件"}
		}
		named := *r
		named.Named, named.Title = false, t
		r = &named
	}
	if r.Anaphora {
		return nil, &Error{CodeAnaphora, "“该条”“该款”所指须从上文判断"}
	}
	if r.Title == "" {
		if ctx.Doc < 0 {
			if l.Default >= 0 {
				return []int{l.Default}, nil
			}
			return nil, &Error{CodeUnnamed, "未指明文件：请写明文件名称，如《中华人民共和国行政复议法》第十条"}
		}
		if r.Self == "" && l.Docs[ctx.Doc].Amends {
			return nil, &Error{CodeAmendment, "修改决定所引条文属于被修改的文件"}
		}
		return []int{ctx.Doc}, nil
	}
	all := l.byTitle[NormTitle(r.Title)]
	if len(all) == 0 {
		if !RuleTitle(r.Title) {
			return nil, &Error{CodeNotRule, "《" + r.Title + "》不是法规文件的名称"}
		}
		return nil, &Error{CodeNoDocument, "本站未收录《" + r.Title + "》"}
	}
	// One version per document: the latest dated no later than the
	// citing text, or the current one when the date is not known.
	groups := map[string][]int{}
	var keys []string
	for _, i := range all {
		g := l.Docs[i].Group
		if _, ok := groups[g]; !ok {
			keys = append(keys, g)
		}
		groups[g] = append(groups[g], i)
	}
	sort.Strings(keys)
	var out []int
	for _, g := range keys {
		best := -1
		for _, i := range groups[g] {
			d := l.Docs[i]
			if r.Version != "" {
				// The version the citation names: by its name, or by
				// its year when the citation gives the year alone.
				if d.Name == r.Version || (d.Name != "" && strings.HasSuffix(r.Version, "年") && strings.HasPrefix(d.Date, strings.TrimSuffix(r.Version, "年"))) {
					best = i
					break
				}
				continue
			}
			if ctx.Date == "" || d.Date == "" {
				if d.Current || len(groups[g]) == 1 {
					best = i
					break
				}
				continue
			}
			if d.Date <= ctx.Date && (best < 0 || d.Date > l.Docs[best].Date) {
				best = i
			}
		}
		if best >= 0 {
			out = append(out, best)
		}
	}
	if len(out) == 0 {
		if r.Version != "" {
			return nil, &Error{CodeNoVersion, "本站未收录《" + r.Title + "》（" + r.Version + "）"}
		}
		return nil, &Error{CodeNoVersion, "本站未收录引用时施行的《" + r.Title + "》版本"}
	}
	return out, nil
}

// titleEnding returns the longest end of s that is the title of a
// document of the library, with or without 中华人民共和国 (刑法 in
// 依照刑法), or "".
func (l *Library) titleEnding(s string) string {
	rs := []rune(s)
	for k := range rs {
		if t := string(rs[k:]); len(l.byTitle[NormTitle(t)]) > 0 {
			return t
		}
	}
	return ""
}

// Resolve resolves a reference made at ctx.
func (l *Library) Resolve(r *Ref, ctx Context) (*Target, *Error) {
	if r.Named {
		if t := l.titleEnding(r.Before); t != "" {
			named := *r
			named.Named, named.Title = false, t
			r = &named
		}
	}
	docs, err := l.candidates(r, ctx)
	if err != nil {
		return nil, err
	}
	if !r.hasUnit() {
		if len(docs) > 1 {
			// The parts of one text (the Civil Code): the first part
			// stands for the text.
			sort.Ints(docs)
		}
		d := l.Docs[docs[0]]
		return &Target{Doc: docs[0], Article: -1, Para: -1, Item: -1, Sub: -1, Href: d.Dir + "/index.html", Citation: d.Cite}, nil
	}
	var found *Target
	var firstErr *Error
	for _, di := range docs {
		t, e := l.resolveIn(di, r, ctx)
		if e != nil {
			if firstErr == nil || (firstErr.Code == CodeNoArticle && e.Code != CodeNoArticle) {
				firstErr = e
			}
			continue
		}
		if found != nil {
			return fail(CodeAmbiguousDoc, "《"+r.Title+"》有多个文件含有此条")
		}
		found = t
	}
	if found == nil {
		return nil, firstErr
	}
	return found, nil
}

func (l *Library) resolveIn(di int, r *Ref, ctx Context) (*Target, *Error) {
	d := &l.Docs[di]
	same := di == ctx.Doc
	t := &Target{Doc: di, Article: -1, Para: -1, Item: -1, Sub: -1}
	// Article.
	switch {
	case r.Article > 0:
		n := 0
		for i, a := range d.Articles {
			if a.N == r.Article && a.Sub == r.ArticleSub {
				t.Article = i
				n++
			}
		}
		name := articleName(r.Article, r.ArticleSub)
		if n == 0 {
			return fail(CodeNoArticle, d.Cite+"没有"+name)
		}
		if n > 1 {
			return fail(CodeRepeatArticle, d.Cite+"的"+name+"编号重复，无法确定所指")
		}
	case !same || ctx.Article < 0:
		return fail(CodeNoContext, "“"+r.Text+"”是相对引用，须在条文中使用")
	case r.ArticleRel == Prev:
		if ctx.Article == 0 {
			return fail(CodeNoArticle, "本条之前没有条文")
		}
		t.Article = ctx.Article - 1
	default: // 本条, or a paragraph or item of the citing article
		t.Article = ctx.Article
	}
	a := &d.Articles[t.Article]
	// Paragraph.
	switch {
	case r.Para > 0:
		if r.Para > len(a.Paras) {
			return fail(CodeNoPara, articleName(a.N, a.Sub)+"没有第"+doc.FormatNumeral(r.Para)+"款")
		}
		t.Para = r.Para - 1
	case r.ParaRel != "":
		if !same || t.Article != ctx.Article || ctx.Para < 0 {
			return fail(CodeNoContext, "“"+r.Text+"”是相对引用，须在条文中使用")
		}
		t.Para = ctx.Para
		if r.ParaRel == Prev {
			t.Para = ctx.Para - r.ParaCount
			if t.Para < 0 {
				return fail(CodeNoPara, "本款之前没有第"+strconv.Itoa(r.ParaCount)+"款")
			}
		}
	}
	// Item.
	switch {
	case r.Item > 0:
		if t.Para < 0 {
			// The paragraph is not named: the one that has the item —
			// the citing paragraph first, else the only one with such
			// an item.
			if same && t.Article == ctx.Article && ctx.Para >= 0 && countItems(a.Paras[ctx.Para].Items, r.Item) > 0 {
				t.Para = ctx.Para
			} else {
				var with []int
				for pi, p := range a.Paras {
					if countItems(p.Items, r.Item) > 0 {
						with = append(with, pi)
					}
				}
				switch len(with) {
				case 0:
					return fail(CodeNoItem, articleName(a.N, a.Sub)+"没有第"+itemNumber(r.Item)+"项")
				case 1:
					t.Para = with[0]
				default:
					return fail(CodeAmbiguousItem, articleName(a.N, a.Sub)+"有几款都有第"+itemNumber(r.Item)+"项，须写明第几款")
				}
			}
		}
		items := a.Paras[t.Para].Items
		switch countItems(items, r.Item) {
		case 0:
			return fail(CodeNoItem, paraName(a, t.Para)+"没有第"+itemNumber(r.Item)+"项")
		case 1:
			t.Item = indexItem(items, r.Item)
		default:
			return fail(CodeRepeatItem, paraName(a, t.Para)+"的第"+itemNumber(r.Item)+"项编号重复，无法确定所指")
		}
	case r.ItemRel != "":
		if !same || t.Article != ctx.Article || ctx.Item < 0 || (t.Para >= 0 && t.Para != ctx.Para) {
			return fail(CodeNoContext, "“"+r.Text+"”是相对引用，须在项中使用")
		}
		t.Para, t.Item = ctx.Para, ctx.Item
		if r.ItemRel == Prev {
			if ctx.Item == 0 {
				return fail(CodeNoItem, "本项之前没有项")
			}
			t.Item--
		}
	}
	// Sub-item.
	if r.Subitem > 0 {
		if t.Item < 0 {
			if !same || t.Article != ctx.Article || ctx.Item < 0 {
				return fail(CodeNoContext, "“"+r.Text+"”未指明哪一项")
			}
			t.Para, t.Item = ctx.Para, ctx.Item
		}
		subs := a.Paras[t.Para].Items[t.Item].Subs
		switch countItems(subs, r.Subitem) {
		case 0:
			return fail(CodeNoSub, "该项没有第"+strconv.Itoa(r.Subitem)+"目")
		case 1:
			t.Sub = indexItem(subs, r.Subitem)
		default:
			return fail(CodeRepeatSub, "该项的第"+strconv.Itoa(r.Subitem)+"目编号重复，无法确定所指")
		}
	}
	t.Href, t.Citation = l.address(t)
	return t, nil
}

func countItems(items []OutlineItem, n int) int {
	c := 0
	for _, it := range items {
		if it.N == n {
			c++
		}
	}
	return c
}

func indexItem(items []OutlineItem, n int) int {
	for i, it := range items {
		if it.N == n {
			return i
		}
	}
	return -1
}

func articleName(n, sub int) string {
	s := "第" + doc.FormatNumeral(n) + "条"
	if sub > 0 {
		s += "之" + doc.FormatNumeral(sub)
	}
	return s
}

func paraName(a *OutlineArticle, p int) string {
	s := articleName(a.N, a.Sub)
	if len(a.Paras) > 1 {
		s += "第" + doc.FormatNumeral(p+1) + "款"
	}
	return s
}

// ArticleFile is an article's page in its document's folder (see
// doc.Article.File): 22.html, 120-1.html. Articles whose number repeats
// are never resolved, so no _k suffix occurs.
func ArticleFile(n, sub int) string {
	f := strconv.Itoa(n)
	if sub > 0 {
		f += "-" + strconv.Itoa(sub)
	}
	return f + ".html"
}

// address returns the target's address and formal citation, by the
// rules of internal/doc (Article.File, Paragraph/Item/Line Anchor and
// Citation).
func (l *Library) address(t *Target) (string, string) {
	d := &l.Docs[t.Doc]
	a := &d.Articles[t.Article]
	href := d.Dir + "/" + ArticleFile(a.N, a.Sub)
	cite := d.Cite + articleName(a.N, a.Sub)
	if t.Para < 0 {
		return href, cite
	}
	many := len(a.Paras) > 1
	anchor := ""
	if many {
		anchor = "p" + strconv.Itoa(t.Para+1)
		cite += "第" + doc.FormatNumeral(t.Para+1) + "款"
	}
	if t.Item >= 0 {
		it := &a.Paras[t.Para].Items[t.Item]
		ia := "i" + strconv.Itoa(it.N)
		if many {
			ia = anchor + "-" + ia
		}
		anchor = ia
		cite += "第" + orDefault(it.C, itemNumber(it.N)) + "项"
		if t.Sub >= 0 {
			s := &it.Subs[t.Sub]
			anchor += "-" + strconv.Itoa(s.N)
			cite += "第" + orDefault(s.C, strconv.Itoa(s.N)) + "目"
		}
	}
	if anchor == "" {
		anchor = "p1" // the single paragraph of an article
	}
	return href + "#" + anchor, cite
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
