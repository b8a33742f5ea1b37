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

func ExampleRouteProcedure() {
	r, err := rules.RouteProcedure("43", map[string]string{"issuer": "gov", "to": "other", "kind": "normative", "interest": "no"})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := r.Outcomes[0]
	fmt.Println(o.Decider, o.Action, o.Clause.Citation())
	for _, a := range r.Before {
		fmt.Println("before:", a.Action, a.Clause.Citation())
	}
	for _, a := range o.Steps {
		fmt.Println("-", a.Actor, a.Action)
	}
	for _, a := range r.Duties {
		fmt.Println("after:", a.Action)
	}

	r, _ = rules.RouteProcedure("43", map[string]string{"issuer": "office", "kind": "circular"})
	fmt.Println(r.Ambiguous(), r.Outcomes[0].Reading, "/", r.Outcomes[1].Reading)
	// Output:
	// 区长 签发 第四十三条第（二）项
	// before: 公开征求意见 第十八条第二款
	// before: 合法性审核 第十八条第二款
	// before: 完备性审核 第十八条第二款
	// - 区司法局 合法性审查
	// - 区政府全体会议或区政府常务会议 审定
	// - 分管有关业务工作的副区长 核报
	// - 区长 签发
	// after: 通过政府公报、门户网站等方式向社会公开发布
	// after: 向区人大常委会和市人民政府报送备案
	// true 由区长或副区长签发 / 由区长和副区长共同签发
}
