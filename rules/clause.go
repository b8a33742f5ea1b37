package rules

import "strconv"

// Clause locates a provision in the Work Rules: article (条), item (项)
// and sub-item (目). Zero Item or SubItem means the provision is the
// article or item as a whole.
type Clause struct {
	Article int
	Item    int
	SubItem int
}

// Path returns the clause path used as an identifier: "22", "22.2",
// "22.1.1".
func (c Clause) Path() string {
	s := strconv.Itoa(c.Article)
	if c.Item > 0 {
		s += "." + strconv.Itoa(c.Item)
		if c.SubItem > 0 {
			s += "." + strconv.Itoa(c.SubItem)
		}
	}
	return s
}

// Citation returns the short formal citation of the clause, following the
// convention of Chinese legislative drafting: 第二十二条, 第二十二条第（二）项,
// 第二十二条第（一）项第1目. Article 二十二 has a single paragraph (款), so
// no paragraph number appears. An invalid clause gives "".
func (c Clause) Citation() string {
	if c.Article <= 0 || c.Item < 0 || c.SubItem < 0 || (c.Item == 0 && c.SubItem > 0) {
		return ""
	}
	s := "第" + chineseNumeral(c.Article) + "条"
	if c.Item > 0 {
		s += "第（" + chineseNumeral(c.Item) + "）项"
		if c.SubItem > 0 {
			s += "第" + strconv.Itoa(c.SubItem) + "目"
		}
	}
	return s
}

// String returns the citation.
func (c Clause) String() string { return c.Citation() }

// contains reports whether d is c or lies inside it.
func (c Clause) contains(d Clause) bool {
	switch {
	case c.Article != d.Article:
		return false
	case c.Item == 0:
		return true
	case c.Item != d.Item:
		return false
	case c.SubItem == 0:
		return true
	}
	return c.SubItem == d.SubItem
}

// less orders clauses as they appear in the text.
func (c Clause) less(d Clause) bool {
	if c.Article != d.Article {
		return c.Article < d.Article
	}
	if c.Item != d.Item {
		return c.Item < d.Item
	}
	return c.SubItem < d.SubItem
}

var digits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumeral writes n (1 ≤ n ≤ 999) as the text numbers its articles
// and items: 十, 十二, 二十二, 一百零五, 一百二十. Other values are written
// in Arabic numerals.
func chineseNumeral(n int) string {
	if n < 1 || n > 999 {
		return strconv.Itoa(n)
	}
	h, t, u := n/100, n/10%10, n%10
	s := ""
	if h > 0 {
		s = digits[h] + "百"
		if t == 0 && u > 0 {
			s += "零"
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			s += digits[t]
		}
		s += "十"
	}
	if u > 0 {
		s += digits[u]
	}
	return s
}
