package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"rulesite/internal/browsertest"
)

const workRules = "《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号）"

// TestSlipSentence checks the 依据 a clerk pastes into a 请示: one sentence
// naming the rule, the case and the answer, then the general rules that
// may also apply; and that the two copy buttons copy it and the detailed
// list, over http and from disk.
func TestSlipSentence(t *testing.T) {
	ctx := browsertest.New(t)
	dir := siteDir(t)
	for scheme, page := range map[string]string{
		"http": serve(t, dir).URL + "calculator.html",
		"file": browsertest.FileURL(t, dir, "calculator.html"),
	} {
		t.Run(scheme, func(t *testing.T) {
			for _, c := range []struct{ query, want string }{
				{"?matter=22.2&amount=800", "根据" + workRules + "第二十二条第（二）项“200万元（含）—1000万元的提请区长办公会议审定”的规定，本事项（资金金额800万元）应提请区长办公会议审定。\n" +
					"此外，根据该规则第二十二条“对外签订正式协议一律提请区政府常务会议研究”的规定，涉及对外签订正式协议的，不论金额多少，一律提请区政府常务会议研究。"},
				{"?matter=43&issuer=gov&to=city", "根据" + workRules + "第四十三条第（一）项"},
				{"?matter=43&issuer=office&kind=circular", "原文可作两种理解：由区长或副区长签发；由区长和副区长共同签发。"},
			} {
				open(t, ctx, page+c.query)
				eval[bool](t, ctx, recordCopies)
				// Every answer names the version of the Work Rules it rests on.
				const version = "所依据的版本：《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号，2021年4月1日起施行），现行有效"
				if got := eval[string](t, ctx, `(document.querySelector("#result .version") || {}).textContent || ""`); got != version {
					t.Errorf("%s: the answer names its version as %q, want %q", c.query, got, version)
				}
				sentence := eval[string](t, ctx, `document.getElementById("slip-sentence").textContent`)
				if !strings.HasPrefix(sentence, c.want) && !strings.Contains(sentence, c.want) {
					t.Errorf("%s: the sentence is\n%s\nwant it to hold\n%s", c.query, sentence, c.want)
				}
				if got := copied(t, ctx, "#copy-sentence"); got != sentence {
					t.Errorf("%s: 复制依据 copied %q, want the sentence %q", c.query, got, sentence)
				}
				list := eval[string](t, ctx, `document.getElementById("slip-text").textContent`)
				if got := copied(t, ctx, "#copy-slip"); got != list || !strings.HasPrefix(got, "事项：") {
					t.Errorf("%s: 复制详细依据 copied %q, want the list %q", c.query, got, list)
				}
			}
		})
	}
}

// TestCalculatorPrint prints a decision: the matter, the inputs, the
// answer, the 依据, the date and the address — and not the form, the
// matters or the reference tables, which made 16 pages.
func TestCalculatorPrint(t *testing.T) {
	ctx := browsertest.New(t)
	open(t, ctx, serve(t, siteDir(t)).URL+"calculator.html?matter=22.2&amount=800")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Text   string  `json:"text"`
		Height float64 `json:"height"`
	}
	p := eval[printed](t, ctx, `({text: document.body.innerText, height: document.documentElement.scrollHeight})`)
	for _, want := range []string{
		"事项：财政性资金安排（第二十二条第（二）项）；资金金额800万元。",
		"区长办公会议",
		"根据" + workRules + "第二十二条第（二）项",
		"计算日期：",
		"本页地址：http://",
		"calculator.html?matter=22.2&amount=800",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("the printed page lacks %q:\n%s", want, p.Text)
		}
	}
	for _, not := range []string{"1. 选择事项", "第二十二条限额表", "复制依据"} {
		if strings.Contains(p.Text, not) {
			t.Errorf("the printed page shows %q", not)
		}
	}
	// An A4 page is about 1,100 CSS px tall: a result is a page or two.
	if p.Height > 3300 {
		t.Errorf("the printed page is %.0f px tall, more than three sheets", p.Height)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
}
