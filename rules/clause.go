package rules

import "strconv"

// Clause locates a provision in the Work Rules: article (条), paragraph
// (款), item (项) and sub-item (目). A zero Paragraph, Item or SubItem
// means the provision is the article, paragraph or item as a whole.
// Paragraph is set only in articles of more than one paragraph (十八,
// 二十三), where a citation names it: 第十八条第二款.
type Clause struct {
	Article   int
	Paragraph int
	Item      int
	SubItem   int
}

// Path returns the clause path used as an identifier: "22", "22.2",
// "22.1.1", and with a paragraph "18.p2" or "10.p2.1".
func (c Clause) Path() string {
	s := strconv.Itoa(c.Article)
	if c.Paragraph > 0 {
		s += ".p" + strconv.Itoa(c.Paragraph)
	}
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
// 第二十二条第（一）项第1目, 第十八条第二款. Article 二十二 has a single
// paragraph, so no paragraph number appears in its citations. An invalid
// clause gives "".
func (c Clause) Citation() string {
	if c.Article <= 0 || c.Paragraph < 0 || c.Item < 0 || c.SubItem < 0 || (c.Item == 0 && c.SubItem > 0) {
		return ""
	}
	s := "第" + chineseNumeral(c.Article) + "条"
	if c.Paragraph > 0 {
		s += "第" + chineseNumeral(c.Paragraph) + "款"
	}
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

// parseClause reads a clause path as Path writes it.
func parseClause(s string) (c Clause, ok bool) {
	var n [4]int
	k := 0 // the part being read: 0 article, 1 paragraph, 2 item, 3 sub-item
	digits := false
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case isDigit(b):
			if n[k] > 999 {
				return c, false
			}
			n[k], digits = n[k]*10+int(b-'0'), true
		case b == '.' && digits && k < 3:
			k, digits = k+1, false
			if k == 1 && (i+1 >= len(s) || s[i+1] != 'p') {
				k = 2
			}
		case b == 'p' && k == 1 && !digits:
		default:
			return c, false
		}
	}
	c = Clause{n[0], n[1], n[2], n[3]}
	return c, digits && c.Citation() != "" && (k != 1 || n[1] > 0)
}

// contains reports whether d is c or lies inside it.
func (c Clause) contains(d Clause) bool {
	switch {
	case c.Article != d.Article:
		return false
	case c.Paragraph != 0 && c.Paragraph != d.Paragraph:
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

// Less reports whether c comes before d in the text.
func (c Clause) Less(d Clause) bool {
	if c.Article != d.Article {
		return c.Article < d.Article
	}
	if c.Paragraph != d.Paragraph {
		return c.Paragraph < d.Paragraph
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
