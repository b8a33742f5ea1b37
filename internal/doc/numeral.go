package doc

import (
	"strconv"
	"strings"
)

// cnDigits are the Chinese digits by value; regulations write numbers
// with them and the units 十, 百, 千, 零 marking a gap (一百零五).
var cnDigits = [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// FormatNumeral writes n (1 ≤ n ≤ 9999) in Chinese numerals the way
// article numbers are written: 10 → 十, 22 → 二十二, 105 → 一百零五,
// 110 → 一百一十, 120 → 一百二十. It returns "" for n out of range.
func FormatNumeral(n int) string {
	if n <= 0 || n > 9999 {
		return ""
	}
	digit := func(d int) string { return cnDigits[d] }
	if n < 10 {
		return digit(n)
	}
	if n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + digit(n-10)
	}
	var b strings.Builder
	units := [...]struct {
		value int
		name  string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	gap := false // a zero digit seen since the last non-zero one
	started := false
	for _, u := range units {
		d := n / u.value % 10
		if d == 0 {
			if started {
				gap = true
			}
			continue
		}
		if gap {
			b.WriteString("零")
			gap = false
		}
		b.WriteString(digit(d))
		b.WriteString(u.name)
		started = true
	}
	return b.String()
}

// numeralVariants maps the variant characters ParseNumeral accepts to
// those FormatNumeral writes.
var numeralVariants = strings.NewReplacer("〇", "零", "两", "二")

// ParseNumeral reads a positive number written in Chinese numerals
// (二十二, 一百零五, 一百二十, 一十五) or in Arabic digits, ASCII or
// full-width (22, ２２). It accepts only the canonical Chinese form, so
// that a slip such as 二二 or 十十 is not taken for a number; 〇 may stand
// for 零 and 两 for 二.
func ParseNumeral(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseArabic(s); ok {
		return n, n > 0
	}
	n, ok := parseChinese(s)
	if !ok || n <= 0 {
		return 0, false
	}
	// Round-trip to reject non-canonical spellings.
	norm := s
	if strings.ContainsAny(s, "〇两") {
		norm = numeralVariants.Replace(s)
	}
	canon := FormatNumeral(n)
	if norm != canon && !(n >= 10 && n < 20 && norm == "一"+canon) {
		return 0, false
	}
	return n, true
}

// parseArabic reads ASCII or full-width decimal digits.
func parseArabic(s string) (int, bool) {
	n := 0
	for _, r := range s {
		d, ok := arabicDigit(r)
		if !ok {
			return 0, false
		}
		n = n*10 + d
		if n > 1e6 {
			return 0, false
		}
	}
	return n, true
}

func arabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// cnDigit returns the value of a Chinese digit character.
func cnDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func cnUnit(r rune) (int, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

func isCNNumeralRune(r rune) bool {
	_, d := cnDigit(r)
	_, u := cnUnit(r)
	return d || u
}

// parseChinese evaluates a Chinese numeral leniently; ParseNumeral checks
// the spelling afterwards.
func parseChinese(s string) (int, bool) {
	total, digit := 0, -1
	for _, r := range s {
		if d, ok := cnDigit(r); ok {
			if digit > 0 {
				return 0, false // two digits in a row: 二二
			}
			digit = d
			continue
		}
		u, ok := cnUnit(r)
		if !ok {
			return 0, false
		}
		if digit == -1 {
			if u != 10 || total != 0 {
				return 0, false
			}
			digit = 1 // 十 at the start stands for 一十
		}
		if digit == 0 {
			return 0, false // 零十
		}
		total += digit * u
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total, true
}

// formatLike writes n in the numeral system of the label it is compared
// with: Arabic when the label uses Arabic digits, Chinese otherwise.
func formatLike(n int, arabic bool) string {
	if arabic {
		return strconv.Itoa(n)
	}
	return FormatNumeral(n)
}
