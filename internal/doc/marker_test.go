package doc

import "testing"

func TestScanMarker(t *testing.T) {
	tests := []struct {
		line  string
		fam   family
		num   int
		sub   int
		label string
		slip  bool
	}{
		{"第一条 为了…", famTiao, 1, 0, "第一条", false},
		{"第二十二条　全角空格", famTiao, 22, 0, "第二十二条", false},
		{"第一百二十条之一 …", famTiao, 120, 1, "第一百二十条之一", false},
		{"第5条 阿拉伯数字", famTiao, 5, 0, "第5条", false},
		{"第十条", famTiao, 10, 0, "第十条", false},
		{"第十条规定的事项", famNone, 0, 0, "", false}, // a cross-reference, not a label
		{"第三十－条 …", famTiao, 31, 0, "第三十－条", true},
		{"第十五 条工商…", famTiao, 15, 0, "第十五 条", true},
		{"第十五 条 …", famNone, 0, 0, "", false},
		{"二十二、国有资产…", famEnum, 22, 0, "二十二、", false},
		{"一九八三年…", famNone, 0, 0, "", false},
		{"（三）国有资产处置类。", famParenCN, 3, 0, "（三）", false},
		{"(三)半角", famParenCN, 3, 0, "(三)", false},
		{"（二)混合", famParenCN, 2, 0, "（二)", false},
		{"(一九九五年)", famNone, 0, 0, "", false},
		{"1．企业类。", famDigit, 1, 0, "1．", false},
		{"2.北纬29度", famDigit, 2, 0, "2.", false},
		{"1.5倍", famNone, 0, 0, "", false},
		{"3、中龄林", famDigit, 3, 0, "3、", false},
		{"１．全角数字", famDigit, 1, 0, "１．", false},
		{"2008年", famNone, 0, 0, "", false},
		{"1998、1999年", famNone, 0, 0, "", false},
		{"(1)架空线路", famParenDigit, 1, 0, "(1)", false},
		{"（12）", famParenDigit, 12, 0, "（12）", false},
		{"②在规定的…", famCircled, 2, 0, "②", false},
		{"区政府…", famNone, 0, 0, "", false},
		{"", famNone, 0, 0, "", false},
	}
	for _, tt := range tests {
		m := scanMarker(tt.line)
		if m.fam != tt.fam || m.num != tt.num || m.sub != tt.sub || m.label != tt.label || (m.slip != "") != tt.slip {
			t.Errorf("scanMarker(%q) = %+v, want fam %d num %d sub %d label %q slip %v", tt.line, m, tt.fam, tt.num, tt.sub, tt.label, tt.slip)
		}
	}
}

func TestScanDivision(t *testing.T) {
	tests := []struct {
		text  string
		ok    bool
		kind  DivisionKind
		num   int
		label string
		title string
	}{
		{"第1章   总  则", true, Chapter, 1, "第1章", "总  则"},
		{"第十一章  工作纪律", true, Chapter, 11, "第十一章", "工作纪律"},
		{"第一编 总则", true, Part, 1, "第一编", "总则"},
		{"第三节　电信资费", true, Section, 3, "第三节", "电信资费"},
		{"第二章", true, Chapter, 2, "第二章", ""},
		{"第二章规定的", false, 0, 0, "", ""},
		{"第六章法律责任", true, Chapter, 6, "第六章", "法律责任"},
		{"第二章\u00a0道路运输经营", true, Chapter, 2, "第二章", "道路运输经营"},
		{"第二章\u2002\u2002生命权", true, Chapter, 2, "第二章", "生命权"},
		{"第五章“上海文化”品牌建设", true, Chapter, 5, "第五章", "“上海文化”品牌建设"},
		{"第三分编  准合同", true, Subpart, 3, "第三分编", "准合同"},
		{"第一条 …", false, 0, 0, "", ""},
		{"总则", false, 0, 0, "", ""},
	}
	for _, tt := range tests {
		m, ok := scanDivision(tt.text)
		if ok != tt.ok || m.kind != tt.kind || m.num != tt.num || m.label != tt.label || m.title != tt.title {
			t.Errorf("scanDivision(%q) = %+v, %v", tt.text, m, ok)
		}
	}
}

func TestIsAppendixMarker(t *testing.T) {
	for _, s := range []string{"附：", "附:", "附件", "附件：", "附件：印章规格式样(略)", "附件1", "附件一 辅助指挥", "附录", "附录：", "附表", "附图：", "附图 消防救援衔标志式样"} {
		if !isAppendixMarker(s) {
			t.Errorf("isAppendixMarker(%q) = false", s)
		}
	}
	for _, s := range []string{"附则", "附 则", "附图中除必需的词语外", "附近", "第一条 附件", ""} {
		if isAppendixMarker(s) {
			t.Errorf("isAppendixMarker(%q) = true", s)
		}
	}
}
