package rules

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Error is a problem with a request that the user can act on. Code is
// stable ASCII, for programs; Message is Simplified Chinese, for people,
// and says what to do.
//
// Codes:
//
//	matter.empty     no matter given
//	matter.unknown   no matter has that id
//	input.missing    an input the matter needs is absent
//	input.unknown    an input the matter does not take is present
//	amount.empty     the amount is empty or only spaces
//	amount.long      the amount is longer than 64 characters
//	amount.syntax    not a number in a form this package accepts (abc, NaN, Infinity, 12..5, 1e5)
//	amount.grouping  thousands separators in the wrong places (1,00)
//	amount.unit      a unit other than 元, 万, 万元, 亿, 亿元
//	amount.negative  a minus sign
//	amount.zero      zero, which no band of article 二十二 covers
//	choice.missing   a choice the procedure asks is absent or empty
//	choice.unknown   a choice is not among the options offered
//	internal         an inconsistency inside this package (reported by Check)
type Error struct {
	Code    string
	Message string
	// Input names the input at fault (amount, contract, change, or a
	// procedure's choice such as issuer); empty
	// when the error is not about one input.
	Input string
}

// Error returns the code and the message, without final punctuation.
func (e *Error) Error() string {
	s := e.Code
	if e.Input != "" {
		s += " (" + e.Input + ")"
	}
	return s + ": " + strings.TrimSuffix(e.Message, "。")
}

// maxAmountRunes bounds the length of an amount: no genuine amount of
// article 二十二 needs more, and the bound keeps the cost of hostile input
// small.
const maxAmountRunes = 64

const acceptedForms = "例如 800、800万元、0.08亿元、8000000元、1,000万元；不写单位按万元计"

// ParseAmount reads an amount as staff type it and returns it in 万元,
// exactly.
//
// A bare number means 万元. The units 元, 万, 万元, 亿 and 亿元 may follow
// the number, with or without spaces. Full-width digits, points, commas
// and spaces (８００，．) are read as their ASCII forms. Commas may group
// the integer part by thousands (1,000 or 1，000), and must then group it
// correctly. Leading and trailing spaces are ignored.
//
// Anything else is an *Error: empty input, a sign, exponents, NaN,
// Infinity, a second point, digits separated by spaces, unknown units.
// Zero is accepted here (it is a well-formed amount); [Route] rejects it.
func ParseAmount(s string) (decimal.Decimal, error) {
	v, code, detail := parseAmount(s)
	if code != "" {
		return decimal.Decimal{}, &Error{Code: code, Message: message(code, "", detail)}
	}
	return v, nil
}

// message returns the message for an error code of ParseAmount, Route or
// RouteProcedure. For an amount, label is the label of the input ("" from
// ParseAmount) and what the amount or unit at fault; for a choice, label
// is the question and what the value given; for a matter, label is the
// id given and what the list of ids; for input.unknown, label is the name
// given and what the inputs the matter needs.
func message(code, label, what string) string {
	field := "" // "金额：", to say which field is at fault
	if label != "" {
		field = label + "："
	}
	switch code {
	case "amount.empty":
		return field + "请填写金额，" + acceptedForms + "。"
	case "amount.long":
		return field + "金额过长（超过64个字符）。请检查是否多输入了数字，" + acceptedForms + "。"
	case "amount.negative":
		return field + "金额不能为负数。请填写不带负号的金额；减少的数额也填正数。"
	case "amount.zero":
		return field + "金额须大于0。本条各档次只适用于大于0的金额。"
	case "amount.unit":
		return field + "不支持的单位“" + clip(what) + "”。金额单位只能是元、万元或亿元，" + acceptedForms + "。"
	case "amount.grouping":
		return field + "千位分隔符的位置不对（“" + clip(what) + "”）。请每三位数字用一个逗号分隔，如 1,000 或 12,500，或者不用分隔符。"
	case "amount.syntax":
		if what == "" {
			return field + "金额中含有无法识别的字符。请只填写数字和单位，" + acceptedForms + "。"
		}
		return field + "无法识别的金额“" + clip(what) + "”。请只填写数字和单位，" + acceptedForms + "。"
	case "matter.empty":
		return "请选择事项。可选事项：" + what + "。"
	case "matter.unknown":
		return "没有编号为“" + clip(label) + "”的事项。可选事项：" + what + "。"
	case "input.unknown":
		return "没有名为“" + clip(label) + "”的输入。本事项需要：" + what + "。"
	case "input.missing":
		return "请填写" + label + "。"
	case "choice.missing":
		return "请选择“" + label + "”。"
	case "choice.unknown":
		return "“" + label + "”中没有可选的“" + clip(what) + "”。请从所列选项中选择。"
	}
	return "内部错误：事项" + label + "的档次表未覆盖该金额。请联系网站维护人员。"
}

// parseAmount does the work of ParseAmount, returning an error code and
// the text the message should quote instead of an error. (Hand-written
// loops stand in for package strings here, to keep rules.wasm small.)
func parseAmount(s string) (v decimal.Decimal, code, detail string) {
	if !utf8.ValidString(s) {
		return v, "amount.syntax", ""
	}
	if utf8.RuneCountInString(s) > maxAmountRunes {
		return v, "amount.long", ""
	}
	// Normalize, dropping leading and trailing spaces.
	t := make([]byte, 0, len(s))
	for _, r := range s {
		if r = normalize(r); r != ' ' || len(t) > 0 {
			t = utf8.AppendRune(t, r)
		}
	}
	for len(t) > 0 && t[len(t)-1] == ' ' {
		t = t[:len(t)-1]
	}
	orig := string(t)
	if len(t) == 0 {
		return v, "amount.empty", ""
	}
	negative := t[0] == '-'
	if negative {
		t = t[1:]
		for len(t) > 0 && t[0] == ' ' {
			t = t[1:]
		}
	}

	// The number: digits, commas before the point, one point.
	var digits []byte // without separators
	i, intEnd, commas, frac := 0, len(t), 0, -1
scan:
	for ; i < len(t); i++ {
		switch c := t[i]; {
		case isDigit(c):
			digits = append(digits, c)
			if frac >= 0 {
				frac++
			}
		case c == ',' && frac < 0:
			commas++
		case c == '.' && frac < 0:
			frac, intEnd = 0, i
		default:
			break scan
		}
	}
	if frac < 0 {
		intEnd = i
	}
	if len(digits) == 0 {
		return v, "amount.syntax", orig
	}
	// The rest is the unit, spaces allowed. Digits or separators there
	// mean a number the parser does not read: 12..5, 1.2.3, 1 000, 1e5.
	var unit []byte
	for _, c := range t[i:] {
		if isDigit(c) || c == '.' || c == ',' || c == '+' || c == '-' {
			return v, "amount.syntax", orig
		}
		if c != ' ' {
			unit = append(unit, c)
		}
	}
	shift := int32(0)
	switch string(unit) {
	case "", "万", "万元":
	case "元":
		shift = -4
	case "亿", "亿元":
		shift = 4
	default:
		return v, "amount.unit", string(unit)
	}
	if commas > 0 && !validGrouping(t[:intEnd]) {
		return v, "amount.grouping", orig
	}
	if negative {
		return v, "amount.negative", ""
	}
	if frac > 0 {
		shift -= int32(frac)
	}
	return fromDigits(digits, shift), "", ""
}

// fromDigits returns the decimal digits × 10^exp, exactly. It sums
// chunks of up to 18 digits with decimal's own Add, because big.Int's
// SetString would add its scanner to rules.wasm.
func fromDigits(digits []byte, exp int32) decimal.Decimal {
	v := decimal.New(0, exp)
	for len(digits) > 0 {
		k := len(digits) % 18
		if k == 0 {
			k = 18
		}
		var chunk int64
		for _, c := range digits[:k] {
			chunk = chunk*10 + int64(c-'0')
		}
		digits = digits[k:]
		v = v.Add(decimal.New(chunk, exp+int32(len(digits))))
	}
	return v
}

// normalize maps the full-width and typographic forms of the characters
// an amount may contain to ASCII, and every kind of space to ' '.
func normalize(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '．':
		return '.'
	case r == '，':
		return ','
	case r == '－' || r == '−' || r == '‐' || r == '‑' || r == '–' || r == '﹣':
		return '-'
	case r == '\u3000' || r == '\u00a0' || r == '\u202f' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
		return ' '
	}
	return r
}

// clip shortens s to 20 characters for quoting in a message.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == 20 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// validGrouping reports whether intPart, digits and commas, groups its
// digits by thousands: 1 to 3 digits, then groups of exactly 3.
func validGrouping(intPart []byte) bool {
	group, groups := 0, 0
	for _, c := range intPart {
		if c != ',' {
			group++
			continue
		}
		if group < 1 || group > 3 || groups > 0 && group != 3 {
			return false
		}
		group, groups = 0, groups+1
	}
	return groups == 0 || group == 3
}

// FormatAmount writes an amount in 万元 as plain decimal digits, without
// exponent or trailing zeros ("800", "0.0001", "4999.9999999999999999").
// Unlike decimal's String it does not depend on decimal's package-level
// settings, so the same amount always prints the same.
func FormatAmount(d decimal.Decimal) string {
	// The digits of the coefficient, 18 at a time from the right:
	// big.Int's String would add its formatter to rules.wasm.
	coef := d.Coefficient()
	sign := ""
	if coef.Sign() < 0 {
		sign = "-"
		coef.Neg(coef)
	}
	base, rem := big.NewInt(1e18), new(big.Int)
	digits := ""
	for coef.Sign() > 0 {
		coef.QuoRem(coef, base, rem)
		chunk := strconv.FormatInt(rem.Int64(), 10)
		if coef.Sign() > 0 {
			chunk = zeros(18-len(chunk)) + chunk
		}
		digits = chunk + digits
	}
	exp := int(d.Exponent())
	switch {
	case digits == "":
		return "0"
	case exp >= 0:
		return sign + digits + zeros(exp)
	}
	if len(digits) <= -exp {
		digits = zeros(1-exp-len(digits)) + digits
	}
	point := len(digits) + exp
	end := len(digits)
	for end > point && digits[end-1] == '0' {
		end--
	}
	if end == point {
		return sign + digits[:point]
	}
	return sign + digits[:point] + "." + digits[point:end]
}

// zeros returns n zeros.
func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}
