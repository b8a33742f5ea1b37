package doc

import (
	"slices"
	"testing"
)

func TestInferKind(t *testing.T) {
	tests := []struct {
		title  string
		header []string
		want   string
	}{
		{"护士条例", []string{"2008年1月31日 中华人民共和国国务院令第517号公布"}, KindAdministrative},
		{"某条例", []string{"2008年1月31日 国务院第1次常务会议通过"}, KindAdministrative},
		{"某规定", []string{"1996年9月19日 经国务院批准　", "1996年10月3日 中华人民共和国交通部令第8号发布　"}, KindAdministrative},
		{"某规定", []string{"1991年5月6日 国家工商行政管理局令第7号发布", "2020年12月14日 国务院第118次常务会议修订通过"}, KindAdministrative},
		{"某条例", []string{"1986年9月15日 中共中央、国务院发布"}, KindAdministrative},
		{"某条例", []string{"2022年1月24日 中共中央政治局会议审议批准", "2022年2月25日 中共中央、国务院发布"}, KindParty},
		{"某条例", []string{"2000年7月24日 中华人民共和国国务院、中华人民共和国中央军事委员会令第288号公布"}, KindAdministrative},
		{"某条令", []string{"2018年4月4日 中央军委发布"}, KindMilitary},
		{"某办法", []string{"1990年11月16日 广播电影电视部令第2号发布"}, KindDepartmental},
		{"某办法", []string{"1987年1月1日 交通部发布"}, KindDepartmental},
		{"某规定", []string{"2021年11月16日 国家互联网信息办公室2021年第20次室务会议审议通过"}, KindDepartmental},
		{"重庆市某条例", []string{"1998年5月29日 重庆市第一届人民代表大会常务委员会第九次会议通过"}, KindLocal},
		{"重庆市实施《全国人民代表大会和地方各级人民代表大会代表法》办法",
			[]string{"1995年1月1日 重庆市人民代表大会常务委员会第十次会议通过《全国人民代表大会…》"}, KindLocal},
		{"某自治县旅游条例", []string{"2019年1月1日 彭水苗族土家族自治县第十七届人民代表大会第三次会议通过", "2019年4月19日 重庆市第五届人民代表大会常务委员会第十次会议批准"}, KindSeparate},
		{"某自治县自治条例", []string{"2019年1月1日 某自治县第十七届人民代表大会第三次会议通过"}, KindAutonomous},
		{"某法", []string{"2019年1月1日 第十三届全国人民代表大会常务委员会第一次会议通过"}, KindLaw},
		{"工资支付暂行规定", []string{"关于印发《工资支付暂行规定》的通知", "劳部发〔1994〕489号"}, KindNormative},
		// No events: the title decides.
		{"中华人民共和国两用物项出口管制条例", nil, KindAdministrative},
		{"国务院关于某事的规定", nil, KindAdministrative},
		{"重庆市某办法", nil, KindLocal},
		{"某自治县某条例", nil, KindSeparate},
		{"某某法", nil, KindLaw},
		{"某某条例", nil, KindAdministrative},
		{"缔结条约管理办法", nil, ""},
		{"城市公共交通办法", nil, ""}, // 市 too early to be a place
		{"某某办法", []string{"1985年12月30日 "}, ""},
	}
	for _, tt := range tests {
		if got := InferKind(tt.title, tt.header); got != tt.want {
			t.Errorf("InferKind(%q, %q) = %q, want %q", tt.title, tt.header, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"state-council/专利法实施细则(2023-12-11).md", "2023-12-11"},
		{"a/b(2021-02-29).md", ""}, // not a date
		{"x.md", ""},
		{"(2021-01-01)x.md", ""},
	} {
		if got := fileDate(tt.name); got != tt.want {
			t.Errorf("fileDate(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct{ s, want string }{
		{"2008年1月31日 中华人民共和国国务院令第517号公布", "2008-01-31"},
		{"一九九五年三月二十六日", "1995-03-26"},
		{"二〇二一年十二月一日", "2021-12-01"},
		{"2021年2月30日", ""},
		{"21年2月3日", ""},
		{"发布", ""},
	} {
		if got, _ := scanCNDate(tt.s); got != tt.want {
			t.Errorf("scanCNDate(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := latestDate([]string{"2008年1月31日 公布", "关于…的通知", "2013年7月18日 修订", "2010年1月1日 修订"}); got != "2013-07-18" {
		t.Errorf("latestDate = %q", got)
	}
}

func TestDeriveSlug(t *testing.T) {
	// Addresses are permanent: this value must never change.
	if got, want := DeriveSlug("建设工程抗震管理条例", "2021-07-19"), "2021-07-19-ac4cis"; got != want {
		t.Errorf("DeriveSlug = %q, want %q", got, want)
	}
	if DeriveSlug("专利法实施细则", "2010-01-09") == DeriveSlug("专利法实施细则", "2023-12-11") {
		t.Error("two versions share an address")
	}
	for _, s := range []string{"kzfz-2021-7", "a", "2021-01-01-abc234"} {
		if !validSlug(s) {
			t.Errorf("validSlug(%q) = false", s)
		}
	}
	for _, s := range []string{"", "-a", "a-", "a--b", "A", "a_b", "a/b", "中文", "a.html"} {
		if validSlug(s) {
			t.Errorf("validSlug(%q) = true", s)
		}
	}
}

func TestParseFrontMatter(t *testing.T) {
	src := "---\r\n# a comment\r\nid: x-1\r\ntitle:   标题  \r\nnotice-signer: \"  右对齐  \"\r\ncc:\r\n  - 甲，\r\n-   乙。\r\nnotice-body:\r\n---\r\n# 标题\r\n"
	fields, body, problems := parseFrontMatter([]byte(src))
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if got := src[body:]; got != "# 标题\r\n" {
		t.Errorf("body %q", got)
	}
	want := []fmField{
		{key: "id", value: "x-1"},
		{key: "title", value: "标题"},
		{key: "notice-signer", value: "  右对齐  "},
		{key: "cc", list: []string{"甲，", "乙。"}},
		{key: "notice-body"},
	}
	if len(fields) != len(want) {
		t.Fatalf("fields %+v", fields)
	}
	for i, f := range fields {
		w := want[i]
		if f.key != w.key || f.value != w.value || !slices.Equal(f.list, w.list) {
			t.Errorf("field %d = %+v, want %+v", i, f, w)
		}
	}
	if _, body, _ := parseFrontMatter([]byte("# 标题\n")); body != 0 {
		t.Errorf("no front matter: body at %d", body)
	}
}

func TestParseByteOrderMark(t *testing.T) {
	for _, src := range []string{
		"\uFEFF---\nid: a\ntitle: 标题\ndate: 2021-01-01\n---\n# 标题\n\n一、甲。\n",
		"\uFEFF# 标题\n\n<!-- INFO END -->\n\n一、甲。\n",
	} {
		d, err := Parse("content/bom(2021-01-01).md", []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if d.Meta.Title != "标题" || len(d.Articles) != 1 {
			t.Errorf("%q: title %q, %d articles", src, d.Meta.Title, len(d.Articles))
		}
	}
}
