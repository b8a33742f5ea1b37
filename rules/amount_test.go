package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // FormatAmount of the result, or the error code
	}{
		{"800", "800"},
		{"800万", "800"},
		{"800万元", "800"},
		{"0.08亿元", "800"},
		{"0.08亿", "800"},
		{"8000000元", "800"},
		{"1,000万元", "1000"},
		{"1，000万元", "1000"},
		{"８００", "800"},
		{"８００．５万元", "800.5"},
		{"１，２３４．５", "1234.5"},
		{"  800 万 元  ", "800"},
		{"\u3000800\u00a0", "800"},
		{"1元", "0.0001"},
		{"0.01元", "0.000001"},
		{"1亿元", "10000"},
		{"1,234,567.89元", "123.456789"},
		{"4999.9999999999999999", "4999.9999999999999999"},
		{"0800", "800"},
		{".5", "0.5"},
		{"5.", "5"},
		{"800.000", "800"},
		{"0", "0"},
		{"0.00亿元", "0"},
		{"", "amount.empty"},
		{" \t ", "amount.empty"},
		{"-800", "amount.negative"},
		{"－800", "amount.negative"},
		{"−800", "amount.negative"},
		{"-0", "amount.negative"},
		{"-abc", "amount.syntax"},
		{"abc", "amount.syntax"},
		{"NaN", "amount.syntax"},
		{"Infinity", "amount.syntax"},
		{"12..5", "amount.syntax"},
		{"1.2.3", "amount.syntax"},
		{"1e5", "amount.syntax"},
		{"1 000", "amount.syntax"},
		{"+800", "amount.syntax"},
		{".", "amount.syntax"},
		{"万元", "amount.syntax"},
		{"\xff800", "amount.syntax"},
		{"800美元", "amount.unit"},
		{"800万元整", "amount.unit"},
		{"800e", "amount.unit"},
		{"1,00", "amount.grouping"},
		{"1,0000", "amount.grouping"},
		{",100", "amount.grouping"},
		{"1234,567", "amount.grouping"},
		{strings.Repeat("9", 64), strings.Repeat("9", 64)},
		{"1" + strings.Repeat("0", 35) + "1.5元", "1" + strings.Repeat("0", 32) + ".00015"},
		{"0.000000000000000000000000000000000001亿元", "0.00000000000000000000000000000001"},
		{strings.Repeat("9", 65), "amount.long"},
		{strings.Repeat("８", 65), "amount.long"},
	}
	for _, tt := range tests {
		v, err := ParseAmount(tt.in)
		got := ""
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Errorf("ParseAmount(%q): %v is not an *Error", tt.in, err)
				continue
			}
			got = e.Code
		} else {
			got = FormatAmount(v)
		}
		if got != tt.want {
			t.Errorf("ParseAmount(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFormatAmount(t *testing.T) {
	tests := []struct {
		d    decimal.Decimal
		want string
	}{
		{decimal.New(8, 2), "800"},
		{decimal.New(800, 0), "800"},
		{decimal.New(80000, -2), "800"},
		{decimal.New(15, -1), "1.5"},
		{decimal.New(123, -5), "0.00123"},
		{decimal.New(-5, -1), "-0.5"},
		{decimal.New(0, 5), "0"},
		{decimal.New(0, -5), "0"},
		{decimal.Zero, "0"},
		{decimal.New(1, 40), "1" + strings.Repeat("0", 40)},
		{decimal.RequireFromString("123456789012345678901234567890.000000000000000000000000000001"), "123456789012345678901234567890.000000000000000000000000000001"},
		{decimal.RequireFromString("-1000000000000000000.5"), "-1000000000000000000.5"},
		{decimal.RequireFromString("1000000000000000000"), "1000000000000000000"},
	}
	for _, tt := range tests {
		if got := FormatAmount(tt.d); got != tt.want {
			t.Errorf("FormatAmount(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

var codes = map[string]bool{
	"amount.empty": true, "amount.long": true, "amount.syntax": true, "amount.grouping": true,
	"amount.unit": true, "amount.negative": true,
}

// FuzzParseAmount checks that ParseAmount never panics, fails only with
// the documented codes and Chinese messages, and that what it accepts is
// a non-negative amount that survives being written out and read back, in
// 万元 and in 元, and that Route answers for it.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"800", "800万", "800万元", "0.08亿元", "8000000元", "1,000万元", "８００", "4999.9999999999999999",
		"", " ", "-1", "abc", "NaN", "Infinity", "12..5", "1e5", "1,00", "800美元", "0", ".5", "5.",
		"１，０００．５万", "\u3000800\u3000", "\xff", strings.Repeat("9", 64),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s)
		if err != nil {
			e, ok := err.(*Error)
			if !ok || !codes[e.Code] || !strings.HasSuffix(e.Message, "。") {
				t.Fatalf("ParseAmount(%q): unexpected error %#v", s, err)
			}
			if _, rerr := Route("22.1.1", map[string]string{"amount": s}); rerr == nil || rerr.(*Error).Code != e.Code {
				t.Fatalf("Route(%q) = %v, want the parser's %s", s, rerr, e.Code)
			}
			return
		}
		if v.Sign() < 0 {
			t.Fatalf("ParseAmount(%q) = %s, negative", s, FormatAmount(v))
		}
		w := FormatAmount(v)
		for _, again := range []string{w, w + "万元", FormatAmount(v.Shift(4)) + "元"} {
			if utf8.RuneCountInString(again) > maxAmountRunes {
				continue
			}
			u, err := ParseAmount(again)
			if err != nil || !u.Equal(v) {
				t.Fatalf("ParseAmount(%q) = %s; reading back %q gives %s, %v", s, w, again, FormatAmount(u), err)
			}
		}
		d, rerr := Route("22.1.1", map[string]string{"amount": s})
		switch {
		case v.IsZero():
			if rerr == nil || rerr.(*Error).Code != "amount.zero" {
				t.Fatalf("Route(%q) = %v, %v; want amount.zero", s, d, rerr)
			}
		case rerr != nil:
			t.Fatalf("Route(%q): %v", s, rerr)
		case !d.Values[0].In.Contains(v) || !d.Values[0].Amount.Equal(v):
			t.Fatalf("Route(%q) put %s in %s", s, w, d.Values[0].In.Text)
		}
	})
}
