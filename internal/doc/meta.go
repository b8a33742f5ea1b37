package doc

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Kinds that InferKind returns.
const (
	KindLaw            = "法律"
	KindAdministrative = "行政法规"
	KindMilitary       = "军事法规"
	KindLocal          = "地方性法规"
	KindAutonomous     = "自治条例"
	KindSeparate       = "单行条例"
	KindDepartmental   = "部门规章"
	KindParty          = "党内法规"
	KindNormative      = "规范性文件"
	KindJudicial       = "司法解释" // adopted by the 审判委员会 of the Supreme People's Court or the 检察委员会 of the Supreme People's Procuratorate
)

// InferKind derives the kind (类别) of a document that does not state it
// from its header lines (the adoption and amendment history) and title.
//
// Each event line of the header, "<date> <event>", is classified by the
// body it names (the first rule that matches); the people's congress
// rules look only outside the titles in 《》 that an event may quote:
//
//   - a people's congress of an autonomous county or prefecture
//     (…自治县第…届人民代表大会…): 自治条例 when the title ends in
//     自治条例, else 单行条例;
//   - 全国人民代表大会: 法律;
//   - any other 人民代表大会 (of a province or city, or its standing
//     committee): 地方性法规;
//   - a body of the Party alone (中共中央政治局会议审议批准): 党内法规;
//   - 国务院 or 政务院 (国务院令, 国务院常务会议, 国务院批准, a 国务院
//     decision amending it; also jointly with 中共中央 or 中央军委):
//     行政法规;
//   - 中央军事委员会 or 中央军委 alone: 军事法规;
//   - a department's order or meeting (…部令第N号, 令第, 部务会议,
//     室务会议) or a release by a department (…部发布, …局公布): 部门规章.
//
// The document takes the first of these kinds, in this order, that any
// of its events has: a regulation issued by a department with the State
// Council's approval, or later amended by the State Council, is a
// 行政法规; one approved by the Politburo and issued jointly with the
// State Council is a 党内法规.
//
// Without events, a header line that is a document number (…〔1995〕12号)
// makes it a 规范性文件 issued by notice. Failing that, the title
// decides: …自治县… or …自治州… as above; a title ending in 法 (not 办法)
// is a 法律; one starting with 国务院 or 中华人民共和国 is a 行政法规; one
// starting with a place name (…省, …市, …自治区) is a 地方性法规; any
// other ending in 条例 is a 行政法规. Otherwise the kind is unknown and
// InferKind returns "".
func InferKind(title string, header []string) string {
	best := -1
	for _, line := range header {
		event, ok := eventText(line)
		if !ok {
			continue
		}
		if k := kindOfEvent(title, event); k != "" {
			r := slices.Index(kindPriority, k)
			if best < 0 || r < best {
				best = r
			}
		}
	}
	if best >= 0 {
		return kindPriority[best]
	}
	for _, line := range header {
		if isDocumentNumber(strings.TrimSpace(line)) {
			return KindNormative
		}
	}
	switch {
	case strings.Contains(title, "自治县") || strings.Contains(title, "自治州"):
		return autonomousKind(title)
	case strings.HasSuffix(title, "法") && !strings.HasSuffix(title, "办法"):
		return KindLaw
	case strings.HasPrefix(title, "国务院"), strings.HasPrefix(title, "中华人民共和国"):
		return KindAdministrative
	case startsWithPlace(title):
		return KindLocal
	case strings.HasSuffix(title, "条例"):
		return KindAdministrative
	}
	return ""
}

// kindPriority orders the kinds of events: a document has the first kind
// that any of its events has.
var kindPriority = []string{
	KindAutonomous, KindSeparate, KindLaw, KindLocal,
	KindParty, KindAdministrative, KindMilitary, KindJudicial, KindDepartmental,
}

func autonomousKind(title string) string {
	if strings.HasSuffix(title, "自治条例") {
		return KindAutonomous
	}
	return KindSeparate
}

// kindOfEvent applies the event rules of InferKind to one event.
func kindOfEvent(title, e string) string {
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(e, s) {
				return true
			}
		}
		return false
	}
	bare := withoutTitles(e)
	congress := strings.Contains(bare, "人民代表大会")
	switch {
	case congress && (strings.Contains(bare, "自治县") || strings.Contains(bare, "自治州")):
		return autonomousKind(title)
	case congress && strings.Contains(bare, "全国人民代表大会"):
		return KindLaw
	case congress:
		return KindLocal
	case has("中共中央") && !has("国务院"):
		return KindParty
	case has("国务院", "政务院"):
		return KindAdministrative
	case has("中央军事委员会", "中央军委"):
		return KindMilitary
	case has("最高人民法院审判委员会", "最高人民检察院") && has("审判委员会", "检察委员会"):
		return KindJudicial
	case has("令第", "部令", "务会议"):
		return KindDepartmental
	}
	for _, verb := range []string{"发布", "公布"} {
		issuer, _, ok := strings.Cut(e, verb)
		if !ok {
			continue
		}
		for _, body := range []string{"部", "局", "署", "委员会", "办公室", "银行", "总局"} {
			if strings.HasSuffix(strings.TrimSpace(issuer), body) || strings.Contains(issuer, body+"、") {
				return KindDepartmental
			}
		}
	}
	return ""
}

// withoutTitles removes the titles in 《》 that s quotes.
func withoutTitles(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// startsWithPlace reports whether a title starts with the name of a
// province or city: at least two characters then 省, 市 or 自治区, within
// the first nine.
func startsWithPlace(title string) bool {
	runes := []rune(title)
	for i, r := range runes {
		if i >= 9 || r == '《' {
			break
		}
		if (r == '省' || r == '市') && i >= 2 {
			return true
		}
		if r == '区' && i >= 4 && string(runes[i-2:i+1]) == "自治区" {
			return true
		}
	}
	return false
}

// isDocumentNumber reports whether s is a document number such as
// 人薪发［1995］12号 or 开州府发〔2021〕7号.
func isDocumentNumber(s string) bool {
	if !strings.HasSuffix(s, "号") {
		return false
	}
	for _, open := range []string{"〔", "［", "[", "（", "("} {
		i := strings.Index(s, open)
		if i <= 0 {
			continue
		}
		rest := s[i+len(open):]
		if n := spanDigits(rest); n == len("2021") {
			return true
		}
	}
	return false
}

// eventText returns the event of a header line "<date> <event>"; a line
// with a date and nothing else has none.
func eventText(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if _, n := scanCNDate(line); n > 0 {
		e := strings.TrimFunc(line[n:], isSpaceRune)
		return e, e != ""
	}
	return "", false
}

// scanCNDate reads a date written 2021年4月1日 or 一九九五年三月二十六日
// at the start of s and returns it as YYYY-MM-DD with its length in
// bytes; n is 0 if s does not start with a valid date.
func scanCNDate(s string) (iso string, n int) {
	year, i := 0, 0
	digits := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d, ok := arabicDigit(r)
		if !ok {
			d, ok = cnDigit(r)
		}
		if !ok {
			break
		}
		year = year*10 + d
		digits++
		i += size
	}
	if digits != 4 || !strings.HasPrefix(s[i:], "年") {
		return "", 0
	}
	i += len("年")
	month, k := leadingNumber(s[i:])
	if k == 0 || !strings.HasPrefix(s[i+k:], "月") {
		return "", 0
	}
	i += k + len("月")
	day, k := leadingNumber(s[i:])
	if k == 0 || !strings.HasPrefix(s[i+k:], "日") {
		return "", 0
	}
	i += k + len("日")
	iso = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	if !validDate(iso) {
		return "", 0
	}
	return iso, i
}

// leadingNumber reads the numeral (Chinese or Arabic) at the start of s.
func leadingNumber(s string) (int, int) {
	n := spanNumeral(s)
	v, ok := ParseNumeral(s[:n])
	if !ok {
		return 0, 0
	}
	return v, n
}

func validDate(iso string) bool {
	_, err := time.Parse(time.DateOnly, iso)
	return err == nil
}

// fileDate returns the version date of a corpus file name such as
// 专利法实施细则(2023-12-11).md, or "".
func fileDate(name string) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if !strings.HasSuffix(base, ")") || len(base) < len("(2006-01-02)") {
		return ""
	}
	d := base[len(base)-len("2006-01-02)") : len(base)-1]
	if base[len(base)-len("(2006-01-02)")] != '(' || !validDate(d) {
		return ""
	}
	return d
}

// latestDate returns the latest date at the start of any of the lines, or
// "".
func latestDate(lines []string) string {
	latest := ""
	for _, l := range lines {
		if d, n := scanCNDate(strings.TrimSpace(l)); n > 0 && d > latest {
			latest = d
		}
	}
	return latest
}

// DeriveSlug returns the permanent address segment of a document that has
// no id in its front matter and no part name: its version date, a hyphen,
// and six base32 characters of a SHA-256 hash of its title and date, e.g.
// 2019-09-26-k3vq7a. It depends on nothing but the title and the date, so
// a file can move without its address changing; a document whose title
// is corrected gets a new address unless its front matter pins an id.
// See DeriveAddress for documents with a part name or without a date.
func DeriveSlug(title, date string) string { return DeriveAddress(title, "", date) }

// validSlug reports whether an id is usable as a URL segment on any file
// system: lower-case ASCII letters and digits in hyphen-separated groups.
func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
