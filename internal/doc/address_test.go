package doc

import "testing"

const addressSource = `---
id: test-address
title: 地址测试条例
number: 测试令第1号
date: 2020-01-01
---
# 地址测试条例

第一条 单款条文：

（一）甲；

（二）乙：

1．子一；

2．子二。

第二条 多款条文。

第二款：

（一）甲；

（二）乙；

（三）丙：

1．子一；

2．子二。

第二条之一 插入的条文。

第三条 以一、编号的项：

一、甲；

二、乙。

第四条 以1．编号的项：

1．甲；

2．乙。

第五条 以(1)编号的项：

(1)甲，包括：

①子一；

②子二。

(2)乙。
`

func TestAddresses(t *testing.T) {
	d, err := Parse("content/address.md", []byte(addressSource))
	if err != nil {
		t.Fatal(err)
	}
	art := func(i int) *Article { return d.Articles[i] }
	item := func(a, p, i int) *Item { return art(a).Paragraphs[p].Items[i] }
	line := func(a, p, i, l int) *Line { return item(a, p, i).Body[l] }
	tests := []struct {
		name                           string
		file, anchor, citation, formal string
	}{
		{"article", art(0).File(), "", art(0).Citation(), art(0).FormalCitation()},
		{"single-paragraph item", "", item(0, 0, 1).Anchor(), item(0, 0, 1).Citation(), ""},
		{"single-paragraph sub-item", "", line(0, 0, 1, 1).Anchor(), line(0, 0, 1, 1).Citation(), line(0, 0, 1, 1).FormalCitation()},
		{"paragraph", "", art(1).Paragraphs[1].Anchor(), art(1).Paragraphs[1].Citation(), ""},
		{"paragraph of a single-paragraph article", "", art(0).Paragraphs[0].Anchor(), art(0).Paragraphs[0].Citation(), ""},
		{"multi-paragraph item", "", item(1, 1, 2).Anchor(), item(1, 1, 2).Citation(), ""},
		{"multi-paragraph sub-item", "", line(1, 1, 2, 0).Anchor(), line(1, 1, 2, 0).Citation(), ""},
		{"article 之一", art(2).File(), "", art(2).Citation(), ""},
		{"item 一、", "", item(3, 0, 1).Anchor(), item(3, 0, 1).Citation(), ""},
		{"item 1．", "", item(4, 0, 0).Anchor(), item(4, 0, 0).Citation(), ""},
		{"item (1)", "", item(5, 0, 0).Anchor(), item(5, 0, 0).Citation(), ""},
		{"sub-item ①", "", line(5, 0, 0, 1).Anchor(), line(5, 0, 0, 1).Citation(), ""},
		{"page", art(5).Path(), "", art(5).Citation(), ""},
	}
	want := []struct{ file, anchor, citation, formal string }{
		{"1.html", "", "第一条", "《地址测试条例》（测试令第1号）第一条"},
		{"", "i2", "第一条第（二）项", ""},
		{"", "i2-2", "第一条第（二）项第2目", "《地址测试条例》（测试令第1号）第一条第（二）项第2目"},
		{"", "p2", "第二条第二款", ""},
		{"", "p1", "第一条", ""},
		{"", "p2-i3", "第二条第二款第（三）项", ""},
		{"", "p2-i3-1", "第二条第二款第（三）项第1目", ""},
		{"2-1.html", "", "第二条之一", ""},
		{"", "i2", "第三条第二项", ""},
		{"", "i1", "第四条第1项", ""},
		{"", "i1", "第五条第（1）项", ""},
		{"", "i1-2", "第五条第（1）项第②目", ""},
		{"test-address/5.html", "", "第五条", ""},
	}
	for i, tt := range tests {
		w := want[i]
		if tt.file != w.file || tt.anchor != w.anchor || tt.citation != w.citation || tt.formal != w.formal {
			t.Errorf("%s: got %q %q %q %q, want %q %q %q %q", tt.name,
				tt.file, tt.anchor, tt.citation, tt.formal, w.file, w.anchor, w.citation, w.formal)
		}
	}
	if got, want := d.Citation(), "《地址测试条例》（测试令第1号）"; got != want {
		t.Errorf("document citation %q, want %q", got, want)
	}
	d.Meta.Number = ""
	if got, want := art(0).FormalCitation(), "《地址测试条例》第一条"; got != want {
		t.Errorf("without 文号: %q, want %q", got, want)
	}
}

// TestDeriveAddress pins derived addresses. The first was derived before
// part names and undated documents had addresses (testdata/address.txtar
// of that time): a document with a date and no part name keeps it.
func TestDeriveAddress(t *testing.T) {
	tests := []struct {
		title, part, date, want string
	}{
		{"同名条例", "", "2020-01-01", "2020-01-01-4gef33"},
		{"中华人民共和国民法典", "", "2021-01-01", "2021-01-01-xjj2us"},
		{"中华人民共和国民法典", "人格权编", "2021-01-01", "2021-01-01-22uxty"},
		{"中华人民共和国民法典", "侵权责任编", "2021-01-01", "2021-01-01-2lkqa3"},
		{"中华人民共和国民法典", "第四编 人格权", "2021-01-01", "2021-01-01-z4nibg"},
		{"中华人民共和国民法典", "第四编\u3000\u3000人格权", "2021-01-01", "2021-01-01-z4nibg"}, // blanks do not count
		{"无日期条例", "", "", "undated-a5irzh"},
		{"另一无日期条例", "", "", "undated-lufehl"},
		{"无日期条例", "第一编", "", "undated-umhrkx"},
	}
	for _, tt := range tests {
		got := DeriveAddress(tt.title, tt.part, tt.date)
		if got != tt.want {
			t.Errorf("DeriveAddress(%q, %q, %q) = %s, want %s", tt.title, tt.part, tt.date, got, tt.want)
		}
		if !validSlug(got) {
			t.Errorf("DeriveAddress(%q, %q, %q) = %s, not a valid address", tt.title, tt.part, tt.date, got)
		}
		if tt.part == "" && DeriveSlug(tt.title, tt.date) != got {
			t.Errorf("DeriveSlug(%q, %q) = %s, want DeriveAddress's %s", tt.title, tt.date, DeriveSlug(tt.title, tt.date), got)
		}
	}
}
