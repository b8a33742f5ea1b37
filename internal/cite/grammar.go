// Package cite reads the references Chinese rules make to their own
// units and to other documents (依照本条例第三十条, 前款所称, 《中华人民共和国
// 预算法》第十条第二款) and resolves each to the address of the unit it
// names on the site, or to a reason why it cannot.
//
// # Grammar
//
// A reference is an optional document, then a chain of units from the
// largest to the smallest, each optional but at least one present:
//
//	document   《title》, with or without 中华人民共和国, optionally
//	           followed by one bracketed note（文号 or 2017年修正）;
//	           本法, 本条例, 本规则, 本办法, 本规定… (the citing document)
//	article    第二十二条, 第22条, 第一百二十条之一; 本条; 前条, 上一条, 上条
//	paragraph  第二款, 第2款; 本款; 前款, 前两款 (the first of the two)
//	item       第（三）项, 第(三)项, 第三项, 第3项; 本项; 前项
//	sub-item   第1目, 第一目
//
// Numbers are Chinese numerals in their canonical spelling (二十二, 一百零五;
// 两 and 〇 accepted), Arabic digits, ASCII or full-width, or circled
// numbers ① to ⑳ (第①项, as items labelled so are cited). A list or a
// range goes on with 、 和 及 以及 或 或者 与 至 到 and a further chain
// that inherits the document and the larger units it leaves out:
// 第二十二条第（三）项、第（四）项 names two items of article 二十二;
// 第十条至第十五条 names articles 十 and 十五 as the ends of a range
// (Ref.Through on the second). After a document, the list may also go on
// with （四）项 written without 第.
//
// Scan finds references in running text, where every unit needs its 第,
// 本 or 前. Parse reads one citation as staff type it, more loosely:
// 第 may be left out (二十二条（三）1), an item may be written （三） or
// 3 without 项 and a bare number after an item is its sub-item, the
// whole may be dotted (22.3.1: article, item, sub-item), and a document
// may be named without 《》 (行政复议法第十条). Blanks are ignored.
//
// # Resolution
//
// Resolve takes a reference, the citing unit (Context) and the site's
// documents (an Outline per document) and returns the unit's address —
// document folder, article file and anchor, as internal/doc assigns them
// — and its formal citation, or an *Error whose Code says why not:
// the document is not on the site, or not in the version in force at the
// citing text's date; the article, paragraph, item or sub-item does not
// exist or its number repeats; a relative reference has no citing unit;
// the document is named without 《》 (刑法第十条); the reference is made
// by an amendment (修改决定, 修正案) to the text it amends. Nothing is
// guessed: a reference that admits two readings is not resolved.
//
// The TypeScript twin in web/lib/cite implements the same grammar and
// resolution; testdata/cases.json drives both.
package cite

import (
	"strings"

	"rulesite/internal/doc"
)

// Rel is a unit named relative to the citing unit.
type Rel string

const (
	This Rel = "this" // 本条, 本款, 本项
	Prev Rel = "prev" // 前条, 上一条, 前款, 前两款, 前项
)

// Ref is one reference as written.
type Ref struct {
	Text  string `json:"text"`            // the characters the reference spans
	Title string `json:"title,omitempty"` // the document's title inside 《》 (or as typed), "" for none
	Self  string `json:"self,omitempty"`  // 本法, 本条例…: the citing document
	// Version is the version a title's note names, 2017年修正 in
	// 《中华人民共和国行政复议法》（2017年修正）第十条, as the site's own
	// citations of a version not in force read; "" for none.
	Version string `json:"version,omitempty"`
	// Named: a document named without 《》 stands right before the units
	// (刑法第十条, 该法第三条); Before holds the Chinese characters before
	// the units (up to 40), which resolution reads the name from.
	Named  bool   `json:"named,omitempty"`
	Before string `json:"-"`
	// Anaphora: the units follow 该条, 该款, 同条… (the article or
	// paragraph named before): which one is a matter of reading.
	Anaphora bool `json:"anaphora,omitempty"`

	Article    int `json:"article,omitempty"`
	ArticleSub int `json:"articleSub,omitempty"` // 之一 → 1
	ArticleRel Rel `json:"articleRel,omitempty"`
	Para       int `json:"para,omitempty"`
	ParaRel    Rel `json:"paraRel,omitempty"`
	ParaCount  int `json:"paraCount,omitempty"` // 前两款 → 2
	Item       int `json:"item,omitempty"`
	ItemRel    Rel `json:"itemRel,omitempty"`
	Subitem    int `json:"subitem,omitempty"`
	// Through marks the second end of a range (第十条至第十五条).
	Through bool `json:"through,omitempty"`

	// Start and End are the reference's offsets in bytes in the text
	// Scan read.
	Start int `json:"-"`
	End   int `json:"-"`
}

// Kind classifies a reference for the build's figures.
type Kind string

const (
	KindTitle    Kind = "title"       // 《…》 alone: a document
	KindDocument Kind = "document"    // 《…》第十条: a unit of a named document
	KindArticle  Kind = "article"     // 第十条, 本法第十条: a unit of the citing document
	KindRelative Kind = "relative"    // 本条, 前款, 第二款, 上一条
	KindNamed    Kind = "unbracketed" // 刑法第十条
)

// Kinds lists the kinds in the order reports show them.
var Kinds = []Kind{KindArticle, KindRelative, KindDocument, KindTitle, KindNamed}

// Kind returns the reference's kind.
func (r *Ref) Kind() Kind {
	switch {
	case r.Named:
		return KindNamed
	case r.Title != "" && !r.hasUnit():
		return KindTitle
	case r.Title != "":
		return KindDocument
	case r.Article > 0:
		return KindArticle
	}
	return KindRelative
}

func (r *Ref) hasUnit() bool {
	return r.Article > 0 || r.ArticleRel != "" || r.Para > 0 || r.ParaRel != "" || r.Item > 0 || r.ItemRel != "" || r.Subitem > 0
}

// level of the largest unit a chain names: 1 article … 4 sub-item.
func (r *Ref) level() int {
	switch {
	case r.Article > 0 || r.ArticleRel != "":
		return 1
	case r.Para > 0 || r.ParaRel != "":
		return 2
	case r.Item > 0 || r.ItemRel != "":
		return 3
	case r.Subitem > 0:
		return 4
	}
	return 5
}

// inherit fills in what a chain of a list leaves out from the one before.
func (r *Ref) inherit(prev *Ref) {
	r.Title, r.Self, r.Version, r.Named, r.Before, r.Anaphora = prev.Title, prev.Self, prev.Version, prev.Named, prev.Before, prev.Anaphora
	l := r.level()
	if l > 1 {
		r.Article, r.ArticleSub, r.ArticleRel = prev.Article, prev.ArticleSub, prev.ArticleRel
	}
	if l > 2 {
		r.Para, r.ParaRel, r.ParaCount = prev.Para, prev.ParaRel, prev.ParaCount
	}
	if l > 3 {
		r.Item, r.ItemRel = prev.Item, prev.ItemRel
	}
}

// selfWords name the citing document: 本 and one of them.
var selfWords = []string{"实施细则", "实施办法", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "守则", "制度", "法典", "法"}

// docSuffixes end the name of a document written without 《》 (刑法,
// 民事诉讼法, 该条例) right before 第.
var docSuffixes = []string{"法", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "法典", "修正案"}

// anaphors name a unit named before: 该条第二款 is the second paragraph
// of the article the sentence spoke of, not of the citing one.
var anaphors = []string{"该条", "该款", "该项", "同条", "同款"}

// connectors join the chains of a list or range.
var connectors = []string{"以及", "或者", "、", "和", "及", "或", "与", "至", "到"}

const titlePrefix = "中华人民共和国"

type parser struct {
	rs      []rune
	lenient bool
}

func (p *parser) at(i int) rune {
	if i < len(p.rs) {
		return p.rs[i]
	}
	return 0
}

func (p *parser) has(i int, s string) bool {
	for _, r := range s {
		if p.at(i) != r {
			return false
		}
		i++
	}
	return true
}

func isNumeralRune(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') || strings.ContainsRune(chineseNumerals, r)
}

// number reads a number at i and returns it with the index after it.
func (p *parser) number(i int) (int, int) {
	if r := p.at(i); r >= '①' && r <= '⑳' {
		return int(r-'①') + 1, i + 1 // an item labelled ① is cited 第①项
	}
	j := i
	for j < len(p.rs) && isNumeralRune(p.rs[j]) && j-i < 8 {
		j++
	}
	if j == i {
		return 0, i
	}
	n, ok := doc.ParseNumeral(string(p.rs[i:j]))
	if !ok {
		return 0, i
	}
	return n, j
}

// skipBlanks skips blanks in lenient mode.
func (p *parser) skip(i int) int {
	if !p.lenient {
		return i
	}
	for i < len(p.rs) && (p.rs[i] == ' ' || p.rs[i] == '\u3000' || p.rs[i] == '\t' || p.rs[i] == '\u00a0') {
		i++
	}
	return i
}

// numbered reads [第] NUM unit; 第 is required unless lenient.
func (p *parser) numbered(i int, unit rune) (int, int) {
	j := i
	if p.at(j) == '第' {
		j++
	} else if !p.lenient {
		return 0, i
	}
	n, k := p.number(p.skip(j))
	if n == 0 {
		return 0, i
	}
	k = p.skip(k)
	if p.at(k) != unit {
		return 0, i
	}
	return n, k + 1
}

// paren reads （NUM） or (NUM) and returns the number and the index after.
func (p *parser) paren(i int) (int, int) {
	open := p.at(i)
	if open != '（' && open != '(' {
		return 0, i
	}
	n, j := p.number(p.skip(i + 1))
	j = p.skip(j)
	if n == 0 || (p.at(j) != '）' && p.at(j) != ')') {
		return 0, i
	}
	return n, j + 1
}

// chain reads a chain of units at i into r; it returns the index after
// it, or i when there is none.
func (p *parser) chain(i int, r *Ref) int {
	j := p.skip(i)
	// Article.
	switch {
	case p.has(j, "本条") && !p.has(j, "本条例"):
		r.ArticleRel, j = This, j+2
	case p.has(j, "前条"):
		r.ArticleRel, j = Prev, j+2
	case p.has(j, "上一条"):
		r.ArticleRel, j = Prev, j+3
	case p.has(j, "上条"):
		r.ArticleRel, j = Prev, j+2
	default:
		if n, k := p.numbered(j, '条'); n > 0 {
			r.Article, j = n, k
			if p.at(k) == '之' {
				if m, k2 := p.number(k + 1); m > 0 {
					r.ArticleSub, j = m, k2
				}
			}
		}
	}
	j = p.skip(j)
	// Paragraph.
	switch {
	case p.has(j, "本款"):
		r.ParaRel, j = This, j+2
	case p.has(j, "前款"):
		r.ParaRel, r.ParaCount, j = Prev, 1, j+2
	case p.at(j) == '前':
		if n, k := p.number(j + 1); n > 0 && n < 10 && p.at(k) == '款' {
			r.ParaRel, r.ParaCount, j = Prev, n, k+1
		}
	default:
		if n, k := p.numbered(j, '款'); n > 0 {
			r.Para, j = n, k
		}
	}
	j = p.skip(j)
	// Item.
	switch {
	case p.has(j, "本项"):
		r.ItemRel, j = This, j+2
	case p.has(j, "前项"):
		r.ItemRel, j = Prev, j+2
	default:
		k := j
		if p.at(k) == '第' {
			k++
		}
		if n, k2 := p.paren(p.skip(k)); n > 0 {
			k2 = p.skip(k2)
			switch {
			case p.at(k2) == '项':
				r.Item, j = n, k2+1
			case p.lenient:
				r.Item, j = n, k2
			}
		} else if n, k2 := p.numbered(j, '项'); n > 0 {
			r.Item, j = n, k2
		}
	}
	j = p.skip(j)
	// Sub-item.
	if n, k := p.numbered(j, '目'); n > 0 {
		r.Subitem, j = n, k
	} else if p.lenient && r.Item > 0 {
		if n, k := p.number(j); n > 0 {
			r.Subitem, j = n, k
		}
	}
	if !r.hasUnit() {
		return i
	}
	return j
}

// title reads 《…》 at i (nested 〈〉 and 《》 allowed) and returns the
// title and the index after it.
func (p *parser) title(i int) (string, int) {
	if p.at(i) != '《' {
		return "", i
	}
	depth := 0
	for j := i; j < len(p.rs) && j-i < 120; j++ {
		switch p.rs[j] {
		case '《':
			depth++
		case '》':
			depth--
			if depth == 0 {
				if j == i+1 {
					return "", i
				}
				return string(p.rs[i+1 : j]), j + 1
			}
		case '\n':
			return "", i
		}
	}
	return "", i
}

// note skips one bracketed note after a title, （开州府发〔2021〕7号） or
// （2017年修正）, when a chain follows it.
func (p *parser) note(i int) int {
	if p.at(i) != '（' && p.at(i) != '(' {
		return i
	}
	for j := i + 1; j < len(p.rs) && j-i < 30; j++ {
		switch p.rs[j] {
		case '）', ')':
			return j + 1
		case '（', '(', '\n', '《', '》':
			return i
		}
	}
	return i
}

// versionName reports whether a note names a version: 2017年修正,
// 2009年修订, 2021年.
func versionName(s string) bool {
	rs := []rune(s)
	if len(rs) < 5 || rs[4] != '年' {
		return false
	}
	for _, r := range rs[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	switch string(rs[5:]) {
	case "", "修正", "修订", "公布", "通过":
		return true
	}
	return false
}

// self reads 本法, 本条例… at i.
func (p *parser) self(i int) (string, int) {
	if p.at(i) != '本' {
		return "", i
	}
	for _, w := range selfWords {
		if p.has(i+1, w) {
			return "本" + w, i + 1 + len([]rune(w))
		}
	}
	return "", i
}

// named reports whether a document name written without 《》 ends right
// before i (刑法第十条), rather than 本法 or a title in 《》.
func (p *parser) named(i int) bool {
	for _, s := range docSuffixes {
		rs := []rune(s)
		k := i - len(rs)
		if k < 0 || string(p.rs[k:i]) != s {
			continue
		}
		// 本法第十条 is the document itself, handled by self.
		if k > 0 && p.rs[k-1] == '本' {
			continue
		}
		if k == 0 || p.rs[k-1] == '》' {
			continue
		}
		return true
	}
	return false
}

// isHan reports whether r is a Chinese character (the basic block and
// extension A), the same test as the TypeScript twin's.
func isHan(r rune) bool {
	return (r >= 0x4e00 && r <= 0x9fff) || (r >= 0x3400 && r <= 0x4dbf) || r == '〇'
}

// before returns the run of Chinese characters right before i, at most 40.
func (p *parser) before(i int) string {
	k := i
	for k > 0 && i-k < 40 && isHan(p.rs[k-1]) {
		k--
	}
	return string(p.rs[k:i])
}

// anaphor reports whether 该条, 该款… ends right before i.
func (p *parser) anaphor(i int) bool {
	for _, s := range anaphors {
		if i >= 2 && string(p.rs[i-2:i]) == s {
			return true
		}
	}
	return false
}

// ref reads one reference at i with its list, appending to out, and
// returns the index after the last chain read; i when none starts at i.
func (p *parser) ref(i int, out *[]Ref) int {
	var r Ref
	j := i
	if t, k := p.title(j); t != "" {
		r.Title = t
		j = k
		if k2 := p.note(k); k2 > k {
			var probe Ref
			if v := string(p.rs[k+1 : k2-1]); versionName(v) {
				r.Version, j = v, k2
			} else if p.chain(k2, &probe) > k2 {
				j = k2
			}
		}
	} else if s, k := p.self(j); s != "" {
		r.Self = s
		j = k
	} else if p.lenient {
		// A document named without 《》 before the chain: everything up
		// to the first unit.
		if k := p.bareTitle(j); k > j {
			r.Title = strings.TrimSpace(string(p.rs[j:k]))
			j = k
		}
	} else if p.named(j) {
		r.Named, r.Before = true, p.before(j)
	} else if p.anaphor(j) {
		r.Anaphora = true
	}
	end := p.chain(j, &r)
	if end == j {
		switch {
		case p.lenient && p.dotted(j, &r):
			end = len(p.rs)
		case r.Title != "":
			end = j // a document alone
		default:
			return i
		}
	}
	r.Start, r.End = i, end
	*out = append(*out, r)
	// A list or range.
	for {
		k := end
		var c string
		for _, s := range connectors {
			if p.has(k, s) {
				c = s
				break
			}
		}
		if c == "" || !r.hasUnit() {
			break
		}
		k += len([]rune(c))
		var next Ref
		e := p.chain(k, &next)
		if e == k {
			break
		}
		next.inherit(&r)
		next.Through = c == "至" || c == "到"
		next.Start, next.End = k, e
		*out = append(*out, next)
		r, end = next, e
	}
	return end
}

// bareTitle returns the end of a document name typed without 《》 before
// the first unit of a lenient citation, or i.
func (p *parser) bareTitle(i int) int {
	for k := i; k < len(p.rs); k++ {
		var probe Ref
		if p.chain(k, &probe) > k || p.dottedAt(k) {
			// A name with 《》 inside is a sentence, which Scan reads.
			if k > i && !isNumeralRune(p.rs[k-1]) && !strings.ContainsAny(string(p.rs[i:k]), "《》") {
				return k
			}
			return i
		}
	}
	return i
}

// chineseNumerals are the characters a number is written with in Chinese
// (两 and 〇 accepted).
const chineseNumerals = "零〇一二两三四五六七八九十百千"

// chineseNumber reads a query that is a number in Chinese numerals alone
// (二十二), or followed by 、 as texts in the Work Rules' shape label their
// articles (二十二、): like 22, it names an article.
func chineseNumber(q string) (int, bool) {
	s := strings.TrimSpace(strings.TrimSuffix(q, "、"))
	if s == "" || strings.TrimLeft(s, chineseNumerals) != "" {
		return 0, false
	}
	return doc.ParseNumeral(s)
}

// dottedAt reports whether a dotted citation (22.3.1) starts at i and
// runs to the end.
func (p *parser) dottedAt(i int) bool {
	var r Ref
	return p.dotted(i, &r)
}

// dotted reads 22, 22.3 or 22.3.1 (article, item, sub-item) to the end
// of the text into r.
func (p *parser) dotted(i int, r *Ref) bool {
	var nums []int
	j := i
	for {
		k := j
		for k < len(p.rs) && ((p.rs[k] >= '0' && p.rs[k] <= '9') || (p.rs[k] >= '０' && p.rs[k] <= '９')) {
			k++
		}
		if k == j {
			return false
		}
		n, ok := doc.ParseNumeral(string(p.rs[j:k]))
		if !ok {
			return false
		}
		nums = append(nums, n)
		j = p.skip(k)
		if j == len(p.rs) {
			break
		}
		if p.rs[j] != '.' && p.rs[j] != '．' || len(nums) == 3 {
			return false
		}
		j = p.skip(j + 1)
	}
	r.Article = nums[0]
	if len(nums) > 1 {
		r.Item = nums[1]
	}
	if len(nums) > 2 {
		r.Subitem = nums[2]
	}
	return true
}

// triggers are the characters a reference can start with in running text.
const triggers = "第本前上《"

// Scan returns the references in text, in order. It reads every
// character at most a bounded number of times: the whole of a large
// corpus is scanned in linear time.
func Scan(text string) []Ref {
	if !strings.ContainsAny(text, triggers) {
		return nil
	}
	p := &parser{rs: []rune(text)}
	var out []Ref
	for i := 0; i < len(p.rs); {
		if !strings.ContainsRune(triggers, p.rs[i]) {
			i++
			continue
		}
		n := len(out)
		end := p.ref(i, &out)
		if end == i {
			i++
			continue
		}
		for k := n; k < len(out); k++ {
			out[k].Text = string(p.rs[out[k].Start:out[k].End])
		}
		i = end
	}
	// Rune offsets to byte offsets, in one pass.
	byteAt, ri := 0, 0
	conv := func(target int) int {
		for ri < target {
			byteAt += len(string(p.rs[ri]))
			ri++
		}
		return byteAt
	}
	for k := range out {
		out[k].Start = conv(out[k].Start)
		out[k].End = conv(out[k].End)
	}
	return out
}

// Parse reads a citation as typed or pasted (see the package comment)
// into its references: one, or several for a list. Text that is not a
// citation as a whole, such as a sentence pasted from a 公文, gives the
// references Scan finds in it. It fails with an
// *Error of code "syntax" when the whole text is not a citation.
func Parse(q string) ([]Ref, error) {
	q = strings.TrimSpace(q)
	p := &parser{rs: []rune(q), lenient: true}
	var out []Ref
	i := p.skip(0)
	if p.dotted(i, &Ref{}) {
		var r Ref
		p.dotted(i, &r)
		r.Text = q
		return []Ref{r}, nil
	}
	if n, ok := chineseNumber(q); ok {
		return []Ref{{Article: n, Text: q}}, nil
	}
	end := p.ref(i, &out)
	if end == i || p.skip(end) != len(p.rs) {
		// A sentence pasted whole (依据《…》第十条的规定。): its
		// references as running text has them.
		if refs := Scan(q); len(refs) > 0 {
			return refs, nil
		}
		return nil, &Error{Code: CodeSyntax, Msg: "无法识别的引用：" + q}
	}
	for k := range out {
		out[k].Text = strings.TrimSpace(string(p.rs[out[k].Start:out[k].End]))
		if out[k].Title != "" {
			out[k].Title = strings.Trim(out[k].Title, "《》 ")
		}
	}
	return out, nil
}
