package doc

import "testing"

var numerals = []struct {
	n int
	s string
}{
	{1, "一"},
	{2, "二"},
	{9, "九"},
	{10, "十"},
	{11, "十一"},
	{19, "十九"},
	{20, "二十"},
	{22, "二十二"},
	{99, "九十九"},
	{100, "一百"},
	{101, "一百零一"},
	{105, "一百零五"},
	{110, "一百一十"},
	{111, "一百一十一"},
	{120, "一百二十"},
	{199, "一百九十九"},
	{200, "二百"},
	{1000, "一千"},
	{1005, "一千零五"},
	{1010, "一千零一十"},
	{1050, "一千零五十"},
	{1100, "一千一百"},
	{1234, "一千二百三十四"},
	{9999, "九千九百九十九"},
}

func TestFormatNumeral(t *testing.T) {
	for _, tt := range numerals {
		if got := FormatNumeral(tt.n); got != tt.s {
			t.Errorf("FormatNumeral(%d) = %q, want %q", tt.n, got, tt.s)
		}
	}
	for _, n := range []int{0, -1, 10000} {
		if got := FormatNumeral(n); got != "" {
			t.Errorf("FormatNumeral(%d) = %q, want \"\"", n, got)
		}
	}
}

func TestParseNumeral(t *testing.T) {
	for _, tt := range numerals {
		if got, ok := ParseNumeral(tt.s); !ok || got != tt.n {
			t.Errorf("ParseNumeral(%q) = %d, %v, want %d", tt.s, got, ok, tt.n)
		}
	}
	// Every number round-trips.
	for n := 1; n <= 9999; n++ {
		if got, ok := ParseNumeral(FormatNumeral(n)); !ok || got != n {
			t.Fatalf("ParseNumeral(FormatNumeral(%d)) = %d, %v", n, got, ok)
		}
	}
	alternatives := []struct {
		s string
		n int
	}{
		{"一十五", 15}, // 一十 for 十
		{"一百〇五", 105},
		{"两百", 200},
		{"22", 22},
		{"２２", 22}, // full-width digits
		{"1", 1},
	}
	for _, tt := range alternatives {
		if got, ok := ParseNumeral(tt.s); !ok || got != tt.n {
			t.Errorf("ParseNumeral(%q) = %d, %v, want %d", tt.s, got, ok, tt.n)
		}
	}
	for _, s := range []string{
		"", "0", "零", "二二", "十十", "百", "一百五", "一百零", "一百十", "一千零零五",
		"十一百", "二十零", "一二", "２2x", "一0", "第一", "三十－",
	} {
		if got, ok := ParseNumeral(s); ok {
			t.Errorf("ParseNumeral(%q) = %d, want failure", s, got)
		}
	}
}
