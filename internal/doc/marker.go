package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// family is a numbering system of a structural unit. Families are listed
// in the order Chinese drafting nests them (一、 → （一） → 1． → （1） → ①),
// which decides what may hold what: a line of a later family inside an
// item of an earlier one is a sub-item.
type family uint8

const (
	famNone       family = iota
	famTiao              // 第一条, 第一百二十条之一: always an article
	famEnum              // 一、
	famParenCN           // （一）, (一)
	famDigit             // 1．, 1., 1、
	famParenDigit        // （1）, (1)
	famCircled           // ①
)

// arabic reports whether the family numbers with Arabic digits.
func (f family) arabic() bool {
	return f == famDigit || f == famParenDigit || f == famCircled
}

// marker is the number that opens a line.
type marker struct {
	fam    family
	num    int
	sub    int    // N of 第X条之N
	label  string // as written, e.g. 第二十二条, 二十二、, （三）, 1．
	arabic bool   // the number is written in Arabic digits

	// slip describes a slip of the source that the label was read past
	// (see scanTiao); "" for a well-formed label.
	slip string
}

// isSpaceRune reports the blanks of the header lines; labels are read
// with isBlank.
func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000'
}

// spanNumeral returns the length of the numeral (Chinese or Arabic, not
// mixed) at the start of s.
func spanNumeral(s string) int {
	i := 0
	chinese, arabic := false, false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := arabicDigit(r); ok && !chinese {
			arabic = true
		} else if isCNNumeralRune(r) && !arabic {
			chinese = true
		} else {
			break
		}
		i += size
	}
	return i
}

// spanDigits returns the length of the Arabic digits at the start of s.
func spanDigits(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := arabicDigit(r); !ok {
			break
		}
		i += size
	}
	return i
}

// spanCNDigits returns the length of the Chinese numeral at the start of s.
func spanCNDigits(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isCNNumeralRune(r) {
			break
		}
		i += size
	}
	return i
}

// isBlank reports any blank that may separate a label from its text:
// the ASCII blanks and every Unicode space separator (U+3000, the
// no-break space U+00A0, the en space U+2002 …), as published texts use
// them all.
func isBlank(r rune) bool {
	return r == '\t' || unicode.Is(unicode.Zs, r)
}

// atLabelEnd reports whether s, the text after a 第X条 label, starts the
// way a label's text does: with a blank, or not at all.
func atLabelEnd(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isBlank(r)
}

// scanMarker classifies the number that opens s, if any.
func scanMarker(s string) marker {
	if s == "" {
		return marker{}
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '第':
		return scanTiao(s)
	case r == '（' || r == '(':
		return scanParen(s, size)
	case r >= '①' && r <= '⑳':
		return marker{fam: famCircled, num: int(r-'①') + 1, label: s[:size], arabic: true}
	case isCNNumeralRune(r):
		n := spanCNDigits(s)
		if strings.HasPrefix(s[n:], "、") {
			if num, ok := ParseNumeral(s[:n]); ok {
				return marker{fam: famEnum, num: num, label: s[:n+len("、")]}
			}
		}
	default:
		if _, ok := arabicDigit(r); ok {
			return scanDigit(s)
		}
	}
	return marker{}
}

// scanTiao reads 第X条 and 第X条之Y followed by a blank or the end.
//
// It also reads two slips of transcription seen in real texts, keeping
// the label as written and recording the slip: － (U+FF0D) typed for 一
// in the number (第三十－条), and the blank that should follow the label
// typed before 条 instead (第十五 条工商行政管理部门…).
func scanTiao(s string) marker {
	rest := s[len("第"):]
	n := spanNumeral(rest)
	var slip string
	num, ok := ParseNumeral(rest[:n])
	if k := spanLookalike(rest); k > n {
		if v, ok2 := ParseNumeral(strings.ReplaceAll(rest[:k], "－", "一")); ok2 {
			n, num, ok = k, v, true
			slip = "－ typed for 一"
		}
	}
	if n == 0 || !ok {
		return marker{}
	}
	end := len("第") + n
	blankBefore := false
	if !strings.HasPrefix(s[end:], "条") {
		b := len(s[end:]) - len(strings.TrimLeftFunc(s[end:], isBlank))
		if b == 0 || !strings.HasPrefix(s[end+b:], "条") {
			return marker{}
		}
		end += b
		blankBefore = true
	}
	end += len("条")
	m := marker{fam: famTiao, num: num, arabic: isArabicNumeral(rest[:n])}
	if tail := s[end:]; strings.HasPrefix(tail, "之") {
		k := spanNumeral(tail[len("之"):])
		sub, ok := ParseNumeral(tail[len("之") : len("之")+k])
		if k == 0 || !ok {
			return marker{}
		}
		m.sub = sub
		end += len("之") + k
	}
	switch {
	case blankBefore && atLabelEnd(s[end:]):
		return marker{} // 第十五 条 then a blank: prose, not a label
	case blankBefore:
		slip = joinSlip(slip, "a blank typed before 条 instead of after it")
	case !atLabelEnd(s[end:]):
		return marker{}
	}
	m.label = s[:end]
	m.slip = slip
	return m
}

// scanTiaoUnspaced reads a label 第X条 (or 第X条之Y) followed directly by
// its text, with no blank (第五条为了…, 第五条“…”). Such a line is an
// article only where its number comes next (see add): a line may also
// begin with a reference, so the text after the label must not read as
// one (第三条第一款…, 第三条、第四条…, 第三条规定的…).
func scanTiaoUnspaced(s string) marker {
	if !strings.HasPrefix(s, "第") {
		return marker{}
	}
	rest := s[len("第"):]
	n := spanCNDigits(rest)
	if n == 0 || !strings.HasPrefix(rest[n:], "条") {
		return marker{}
	}
	num, ok := ParseNumeral(rest[:n])
	if !ok {
		return marker{}
	}
	end := len("第") + n + len("条")
	m := marker{fam: famTiao, num: num}
	if tail := s[end:]; strings.HasPrefix(tail, "之") {
		k := spanCNDigits(tail[len("之"):])
		sub, ok := ParseNumeral(tail[len("之") : len("之")+k])
		if k == 0 || !ok {
			return marker{}
		}
		m.sub = sub
		end += len("之") + k
	}
	tail := s[end:]
	if tail == "" || atLabelEnd(tail) {
		return marker{} // scanTiao's case
	}
	for _, p := range []string{"第", "、", "，", "至", "和", "或", "及", "规定", "所", "的", "中", "以", "（", "("} {
		if strings.HasPrefix(tail, p) {
			return marker{}
		}
	}
	m.label = s[:end]
	return m
}

// spanLookalike returns the length of the Chinese numeral at the start of
// s when － may stand for 一.
func spanLookalike(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isCNNumeralRune(r) && r != '－' {
			break
		}
		i += size
	}
	return i
}

func joinSlip(a, b string) string {
	if a == "" {
		return b
	}
	return a + " and " + b
}

// scanParen reads （一）, (一), （1） and (1); the brackets may be
// full-width or ASCII, independently.
func scanParen(s string, open int) marker {
	rest := s[open:]
	fam := famParenCN
	n := spanCNDigits(rest)
	arabic := false
	if n == 0 {
		n = spanDigits(rest)
		if n == 0 || n > 9 {
			return marker{}
		}
		fam, arabic = famParenDigit, true
	}
	r, size := utf8.DecodeRuneInString(rest[n:])
	if r != '）' && r != ')' {
		return marker{}
	}
	num, ok := ParseNumeral(rest[:n])
	if !ok {
		return marker{}
	}
	if isReference(rest[n+size:]) {
		return marker{}
	}
	return marker{fam: fam, num: num, label: s[:open+n+size], arabic: arabic}
}

// isReference reports whether s, the text after a label （一）, makes the
// label part of a reference to items rather than the label of one: （一）
// 至（三）项所列人员…, （四）、（五）项…, （二）项规定的….
func isReference(s string) bool {
	for _, p := range []string{"至（", "至(", "、（", "、(", "和（", "和(", "或（", "或("} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	// 项 right after the label may begin an item's text (（一）项目投资…):
	// only what follows 项 in a reference makes it one.
	if rest, ok := strings.CutPrefix(s, "项"); ok {
		for _, p := range []string{"所", "规定", "的", "中", "之", "、", "，", "和", "或", "至"} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
	}
	return false
}

// scanDigit reads 1．, 1、 and 1. (not 1.5). Numbers of more than three
// digits are years and amounts, not labels.
func scanDigit(s string) marker {
	n := spanDigits(s)
	if n == 0 || n > 9 || utf8.RuneCountInString(s[:n]) > 3 {
		return marker{}
	}
	r, size := utf8.DecodeRuneInString(s[n:])
	switch r {
	case '．', '、':
	case '.':
		if next, _ := utf8.DecodeRuneInString(s[n+size:]); next >= '0' && next <= '9' {
			return marker{}
		}
	default:
		return marker{}
	}
	num, _ := parseArabic(s[:n])
	if num == 0 {
		return marker{}
	}
	return marker{fam: famDigit, num: num, label: s[:n+size], arabic: true}
}

func isArabicNumeral(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := arabicDigit(r)
	return ok
}

// divisionMarker is the number that opens a part, chapter or section
// heading.
type divisionMarker struct {
	kind   DivisionKind
	num    int
	label  string // 第1章, 第十一章
	title  string // the rest, blanks before it removed
	arabic bool
}

// scanDivision reads 第X编, 第X分编, 第X章 and 第X节 at the start of a
// heading, followed by any blank or none (第六章法律责任, 第五章“上海文化”…),
// unless what follows reads as a reference (see isDivisionReference).
func scanDivision(s string) (divisionMarker, bool) {
	if !strings.HasPrefix(s, "第") {
		return divisionMarker{}, false
	}
	rest := s[len("第"):]
	n := spanNumeral(rest)
	if n == 0 {
		return divisionMarker{}, false
	}
	r, size := utf8.DecodeRuneInString(rest[n:])
	var kind DivisionKind
	switch r {
	case '编':
		kind = Part
	case '分':
		if !strings.HasPrefix(rest[n+size:], "编") {
			return divisionMarker{}, false
		}
		kind, size = Subpart, size+len("编")
	case '章':
		kind = Chapter
	case '节':
		kind = Section
	default:
		return divisionMarker{}, false
	}
	end := len("第") + n + size
	num, ok := ParseNumeral(rest[:n])
	if !ok || isDivisionReference(s[end:]) {
		return divisionMarker{}, false
	}
	return divisionMarker{
		kind:   kind,
		num:    num,
		label:  s[:end],
		title:  strings.TrimLeftFunc(s[end:], isBlank),
		arabic: isArabicNumeral(rest[:n]),
	}, true
}

// isDivisionReference reports whether s, the text right after a label
// 第X章 with no blank, reads as a reference to the division (第二章规定的,
// 第二章第三节, 第二章、第三章) rather than as its title.
func isDivisionReference(s string) bool {
	for _, p := range []string{"规定", "的", "所", "第", "、", "，", "。", "至", "和", "或"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isAppendixMarker reports whether a line opens an appendix: 附件, 附件：,
// 附件1, 附件一 …, 附：, 附录, 附表, 附图：. It does not match 附则, a
// chapter title, nor prose such as 附图中除….
func isAppendixMarker(s string) bool {
	rest, ok := strings.CutPrefix(s, "附")
	if !ok {
		return false
	}
	if strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
		return true
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch r {
	case '件', '录', '表', '图':
	default:
		return false
	}
	rest = rest[size:]
	rest = rest[spanNumeral(rest):]
	if rest == "" || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
		return true
	}
	r, _ = utf8.DecodeRuneInString(rest)
	return isBlank(r)
}
