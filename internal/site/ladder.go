package site

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"rulesite/rules"
)

// Ladder geometry, in SVG user units. Bands are drawn with equal widths:
// the amounts span 10万元 to 1亿元, and what matters is the order of the
// bands and which side of each boundary an amount on it falls.
const (
	ladderWidth  = 720
	ladderMargin = 8
	bandTop      = 8
	bandHeight   = 56
	axisY        = bandTop + bandHeight
	ladderHeight = axisY + 44
)

// bandFills tell neighbouring bands apart; all are light enough for black
// text (contrast above 12:1).
var bandFills = []string{"#fbe9e7", "#e8f0fb", "#fdf3d7", "#e6f4ea", "#f1e8f7", "#e4f3f3"}

// ladder draws a band table as a row of steps, with every boundary's amount
// below it and a filled dot on the side of the band that includes it. The
// picture is decoration for sighted readers; the table beside it carries
// the same facts, so the SVG's text alternative summarises it.
func ladder(id, input string, bands []*rules.Band) template.HTML {
	n := len(bands)
	if n == 0 {
		return ""
	}
	w := float64(ladderWidth-2*ladderMargin) / float64(n)
	var b strings.Builder
	var desc []string
	for _, band := range bands {
		desc = append(desc, RangeText(band.Interval)+"："+band.Decision.Decider+band.Decision.Action)
	}
	fmt.Fprintf(&b, `<svg class="ladder" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d">`,
		ladderWidth, ladderHeight, ladderWidth, ladderHeight, id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s：决策主体阶梯图</title>`, id, esc(input))
	fmt.Fprintf(&b, `<desc id="%s-d">%s</desc>`, id, esc(strings.Join(desc, "；")))
	for i, band := range bands {
		x := float64(ladderMargin) + float64(i)*w
		// Higher bands are drawn taller: a step up for each band.
		rise := float64(bandHeight) * 0.35 * float64(n-1-i) / float64(max(n-1, 1))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#555" stroke-width="1"/>`,
			x, bandTop+rise, w, bandHeight-rise, bandFills[i%len(bandFills)])
		lines := wrapLabel(band.Decision.Decider, w)
		lines = append(lines, band.Decision.Action)
		cy := bandTop + rise + (bandHeight-rise)/2 - float64(len(lines)-1)*7
		for j, l := range lines {
			weight := ""
			if j < len(lines)-1 {
				weight = ` font-weight="bold"`
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" text-anchor="middle" dominant-baseline="middle" fill="#1b1b1b"%s>%s</text>`,
				x+w/2, cy+float64(j)*14, weight, esc(l))
		}
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1b1b1b" stroke-width="1.5"/>`, ladderMargin, axisY, ladderWidth-ladderMargin, axisY)
	for i := 1; i < n; i++ {
		x := float64(ladderMargin) + float64(i)*w
		lower := bands[i].Lower
		label := lower.Written
		if label == "" {
			label = rules.FormatAmount(lower.Amount) + "万元"
		}
		// The dot sits inside the band the boundary belongs to.
		dx := 7.0
		if !lower.Inclusive {
			dx = -7
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#1b1b1b" stroke-width="1.5"/>`, x, axisY-6, x, axisY+6)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%d" r="4" fill="#1b1b1b"/>`, x+dx, axisY)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12" text-anchor="middle" fill="#1b1b1b">%s</text>`, x, axisY+22, esc(label))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#555">● 表示分界金额属于圆点所在的档次；金额向右增大。</text>`, ladderMargin, ladderHeight-4)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// wrapLabel splits a body's name into lines that fit a band of width w at
// 12 units a character.
func wrapLabel(s string, w float64) []string {
	per := int((w - 8) / 12)
	if per < 2 {
		per = 2
	}
	if utf8.RuneCountInString(s) <= per {
		return []string{s}
	}
	r := []rune(s)
	var lines []string
	for len(r) > per {
		lines = append(lines, string(r[:per]))
		r = r[per:]
	}
	return append(lines, string(r))
}

func esc(s string) string { return template.HTMLEscapeString(s) }
