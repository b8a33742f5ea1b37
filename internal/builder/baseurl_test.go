package builder

import "testing"

func TestNormalizeBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"http://10.1.2.3/guize":    "http://10.1.2.3/guize/",
		"https://zw.kz.gov/rules/": "https://zw.kz.gov/rules/",
		"http://intranet":          "http://intranet/",
		"http://intranet/规则库/":     "http://intranet/%E8%A7%84%E5%88%99%E5%BA%93/",
	} {
		got, err := NormalizeBaseURL(in)
		if err != nil || got != want {
			t.Errorf("NormalizeBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"intranet/guize", "/guize/", "file:///E:/site/", "ftp://x/", "http://x/?a=1", "http://x/#top", "http://u:p@x/"} {
		if got, err := NormalizeBaseURL(bad); err == nil {
			t.Errorf("NormalizeBaseURL(%q) = %q; want an error", bad, got)
		}
	}
}
