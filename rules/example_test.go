package rules_test

import (
	"fmt"

	"rulesite/rules"
)

func ExampleRoute() {
	d, err := rules.Route("22.1.1", map[string]string{"amount": "800万元"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Decider, d.Action, d.Citation())
	for _, s := range d.Steps {
		fmt.Println("-", s.Actor, s.Action)
	}
	fmt.Println(d.Next[0].Text)

	_, err = rules.Route("22.1.1", map[string]string{"amount": "12..5"})
	fmt.Println(err.(*rules.Error).Code)
	// Output:
	// 常务副区长 审定 第二十二条第（一）项第1目
	// - 分管副区长 研究审核
	// - 常务副区长 审定
	// 金额再增加200万元（达到1000万元）即需提请区政府常务会议审定
	// amount.syntax
}

func ExampleParseAmount() {
	for _, s := range []string{"800", "0.08亿元", "8,000,000元", "８００万", "4999.9999999999999999"} {
		v, _ := rules.ParseAmount(s)
		fmt.Println(rules.FormatAmount(v))
	}
	// Output:
	// 800
	// 800
	// 800
	// 800
	// 4999.9999999999999999
}
