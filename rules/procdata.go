package rules

// This file holds the procedures as plain values, one branch per rule of
// the text, each stated whole where it is written: its conditions, then
// what the text answers, with the clause it comes from and its words.
//
// The decider, action, wording and basis of outcomes, the actors, actions
// and basis of steps and duties, and the basis of notes are quoted from
// the text verbatim; labels, hints, readings and the texts of notes are
// written for the reader. Where the text names alternatives itself
// ("由区长或负责区政府常务工作的副区长签发"), the outcome lists them in
// Either and is one answer; several outcomes in a branch are readings of
// words that allow more than one, each saying how it reads them. Check
// verifies the data against itself and enumerates every combination of
// answers; CheckText verifies every quotation against the text.
// yesNo are the options of a yes/no question.
var yesNo = []Option{{Value: "yes", Label: "是"}, {Value: "no", Label: "否"}}

var procedures = []Procedure{
	{
		ID: "6", Title: "出差期间主持工作", Clause: Clause{Article: 6},
		Role: "主持或代管工作的领导", Verb: "主持或代管工作",
		Question: "区长、副区长出差（出访）期间，由谁主持或代管其工作？",
		Inputs: []Input{
			{Name: "absent", Label: "出差（出访）的是", Kind: KindChoice,
				Options: []Option{
					{Value: "mayor", Label: "区长"},
					{Value: "deputy", Label: "副区长"},
				}},
		},
		Branches: []Branch{
			{ID: "mayor", Clause: Clause{Article: 6}, When: []Condition{{Input: "absent", Values: []string{"mayor"}}},
				Outcomes: []Outcome{
					{Decider: "负责常务工作的副区长或其他副区长", Either: []string{"负责常务工作的副区长", "其他副区长"}, Action: "主持区政府工作", Clause: Clause{Article: 6},
						Wording: "由负责常务工作的副区长或其他副区长主持区政府工作",
						Basis:   "区长出差（出访）期间，受区长委托，由负责常务工作的副区长或其他副区长主持区政府工作",
						Steps: []Act{
							{Actor: "区长", Action: "委托", Clause: Clause{Article: 6},
								Basis: "受区长委托"},
							{Actor: "负责常务工作的副区长或其他副区长", Action: "主持区政府工作", Clause: Clause{Article: 6},
								Basis: "由负责常务工作的副区长或其他副区长主持区政府工作"},
						}},
				}},
			{ID: "deputy", Clause: Clause{Article: 6}, When: []Condition{{Input: "absent", Values: []string{"deputy"}}},
				Outcomes: []Outcome{
					{Decider: "其AB角对应的副区长", Action: "代管其工作", Clause: Clause{Article: 6},
						Wording: "由其AB角对应的副区长代管其工作",
						Basis:   "副区长出差（出访）期间，由其AB角对应的副区长代管其工作",
						Steps: []Act{
							{Actor: "其AB角对应的副区长", Action: "代管其工作", Clause: Clause{Article: 6},
								Basis: "由其AB角对应的副区长代管其工作"},
						}},
				}},
		},
	},
	{
		ID: "7", Title: "重大事项", Clause: Clause{Article: 7},
		Role: "决策主体", Verb: "决定",
		Question: "区政府工作中的重大事项由谁讨论决定，紧急时怎样处理？",
		Inputs: []Input{
			{Name: "urgent", Label: "是否为来不及召开会议而又必须及时处理的紧急或突发性重大事件", Kind: KindChoice, Options: yesNo},
			{Name: "decision", Label: "是否属重大行政决策", Kind: KindChoice, Hint: "按《重大行政决策程序暂行条例》界定。",
				When: []Condition{{Input: "urgent", Values: []string{"no"}}}, Options: yesNo},
		},
		Branches: []Branch{
			{ID: "meeting", Clause: Clause{Article: 7}, When: []Condition{{Input: "urgent", Values: []string{"no"}}},
				Outcomes: []Outcome{
					{Decider: "区政府全体会议或区政府常务会议", Either: []string{"区政府全体会议", "区政府常务会议"}, Action: "讨论决定", Clause: Clause{Article: 7},
						Wording: "必须经区政府全体会议或区政府常务会议讨论决定",
						Basis:   "区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定",
						Steps: []Act{
							{Actor: "区政府全体会议或区政府常务会议", Action: "讨论决定", Clause: Clause{Article: 7},
								Basis: "必须经区政府全体会议或区政府常务会议讨论决定"},
						}},
				}},
			{ID: "urgent", Clause: Clause{Article: 7}, When: []Condition{{Input: "urgent", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "协调处理", Clause: Clause{Article: 7},
						Wording: "由分管副区长协调处理",
						Basis:   "对紧急或突发性重大事件，来不及召开会议而又必须及时处理的，由分管副区长协调处理后，及时向区长报告",
						Steps: []Act{
							{Actor: "分管副区长", Action: "协调处理", Clause: Clause{Article: 7},
								Basis: "由分管副区长协调处理"},
						}},
				}},
		},
		Provisions: []Provision{
			{When: []Condition{{Input: "urgent", Values: []string{"yes"}}},
				Duties: []Act{
					{Actor: "分管副区长", Action: "及时向区长报告", Clause: Clause{Article: 7},
						Basis: "由分管副区长协调处理后，及时向区长报告"},
				}},
			{When: []Condition{{Input: "decision", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "公众参与", Clause: Clause{Article: 20},
						Basis: "把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大决策的必经程序"},
					{Actor: "", Action: "专家论证", Clause: Clause{Article: 20},
						Basis: "把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大决策的必经程序"},
					{Actor: "", Action: "风险评估", Clause: Clause{Article: 20},
						Basis: "把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大决策的必经程序"},
					{Actor: "", Action: "合法性审查", Clause: Clause{Article: 20},
						Basis: "把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大决策的必经程序"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 20},
						Text:  "集体讨论决定也是重大决策的必经程序；重大决策须严格执行《重大行政决策程序暂行条例》。",
						Basis: "区政府及各部门要严格执行《重大行政决策程序暂行条例》"},
				}},
			{When: []Condition{{Input: "urgent", Values: []string{"no"}}},
				Duties: []Act{
					{Actor: "", Action: "及时公布", Clause: Clause{Article: 26},
						Basis: "区政府全体会议和区政府常务会议讨论决定的事项，区政府及各部门制定的政策，除依法需要保密的外，应及时公布"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 26},
						Text:  "依法需要保密的，不公布。",
						Basis: "除依法需要保密的外"},
				}},
		},
	},
	{
		ID: "21", Title: "会议事项", Clause: Clause{Article: 21},
		Role: "决策主体", Verb: "决定",
		Question: "这一事项由哪一会议讨论决定，之前须经哪些程序？",
		Inputs: []Input{
			{Name: "kind", Label: "事项", Kind: KindChoice, Hint: "按第二十一条、第二十二条首句和第十八条第二款所列事项选择。",
				Options: []Option{
					{Value: "plan", Label: "全区国民经济和社会发展计划"},
					{Value: "budget", Label: "财政预算及执行"},
					{Value: "budget-adjust", Label: "财政预算调整"},
					{Value: "accounts", Label: "财政决算"},
					{Value: "debt", Label: "债务管控"},
					{Value: "planning", Label: "重大规划"},
					{Value: "macro", Label: "贯彻国家宏观调控和改革开放的重大政策措施"},
					{Value: "social", Label: "社会管理重要事务"},
					{Value: "normative", Label: "区政府规范性文件"},
					{Value: "dept-normative", Label: "需报请区政府批准的区级部门规范性文件"},
					{Value: "assets", Label: "国有资产处置"},
					{Value: "project", Label: "重大项目投资"},
					{Value: "funds", Label: "财政性资金安排"},
					{Value: "soe", Label: "国有企业投融资"},
					{Value: "agreement", Label: "相关协议签订"},
					{Value: "investment", Label: "招商引资"},
					{Value: "other", Label: "其他事项"},
				}},
			{Name: "formal", Label: "是否对外签订正式协议", Kind: KindChoice,
				When:    []Condition{{Input: "kind", Values: []string{"assets", "project", "funds", "soe", "agreement", "investment"}}},
				Options: yesNo},
			{Name: "interest", Label: "是否涉及市场主体和社会公众切身利益", Kind: KindChoice,
				When:    []Condition{{Input: "kind", Values: []string{"normative", "dept-normative"}}},
				Options: yesNo},
			{Name: "dept", Label: "是否为区政府部门提请区政府研究决定的重大事项", Kind: KindChoice,
				Options: yesNo},
			{Name: "others", Label: "是否涉及其他部门", Kind: KindChoice,
				When:    []Condition{{Input: "dept", Values: []string{"yes"}}},
				Options: yesNo},
			{Name: "towns", Label: "是否涉及镇乡（街道）", Kind: KindChoice,
				When:    []Condition{{Input: "dept", Values: []string{"yes"}}},
				Options: yesNo},
			{Name: "market", Label: "是否涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等市场主体经济活动", Kind: KindChoice,
				When:    []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "kind", Values: []string{"investment"}, Not: true}},
				Options: yesNo},
			{Name: "stability", Label: "是否涉及重大公共利益和公众权益、容易引发社会稳定问题", Kind: KindChoice,
				When:    []Condition{{Input: "dept", Values: []string{"yes"}}},
				Options: yesNo},
		},
		Branches: []Branch{
			{ID: "meeting", Clause: Clause{Article: 21}, When: []Condition{{Input: "kind", Values: []string{"plan", "budget", "budget-adjust", "accounts", "debt", "planning", "macro", "social"}}},
				Outcomes: []Outcome{
					{Decider: "区政府全体会议或区政府常务会议", Either: []string{"区政府全体会议", "区政府常务会议"}, Action: "讨论决定", Clause: Clause{Article: 21},
						Wording: "须经区政府全体会议或区政府常务会议讨论决定",
						Basis:   "全区国民经济和社会发展计划、财政预算及执行、财政预算调整、财政决算、债务管控、重大规划、贯彻国家宏观调控和改革开放的重大政策措施、社会管理重要事务、政府规范性文件等须经区政府全体会议或区政府常务会议讨论决定",
						Steps: []Act{
							{Actor: "区政府全体会议或区政府常务会议", Action: "讨论决定", Clause: Clause{Article: 21},
								Basis: "须经区政府全体会议或区政府常务会议讨论决定"},
						}},
				}},
			{ID: "normative", Clause: Clause{Article: 18, Paragraph: 2}, When: []Condition{{Input: "kind", Values: []string{"normative", "dept-normative"}}},
				Outcomes: []Outcome{
					{Decider: "区政府全体会议或区政府常务会议", Either: []string{"区政府全体会议", "区政府常务会议"}, Action: "审议决定", Clause: Clause{Article: 18, Paragraph: 2},
						Wording: "提请区政府全体会议或区政府常务会议审议决定",
						Basis:   "区政府规范性文件及需报请区政府批准的区级部门规范性文件，提请区政府全体会议或区政府常务会议审议决定",
						Steps: []Act{
							{Actor: "区政府全体会议或区政府常务会议", Action: "审议决定", Clause: Clause{Article: 18, Paragraph: 2},
								Basis: "提请区政府全体会议或区政府常务会议审议决定"},
						}},
				}},
			{ID: "assets", Clause: Clause{Article: 22}, When: []Condition{{Input: "kind", Values: []string{"assets"}}, {Input: "formal", Values: []string{"yes"}, Not: true}},
				Outcomes: []Outcome{
					{Decider: "区政府常务会议", Action: "讨论决定", Clause: Clause{Article: 22},
						Wording: "分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定",
						Basis:   "国有资产处置、重大项目投资、财政性资金安排、国有企业投融资、相关协议签订和招商引资等事宜，分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定",
						Steps: []Act{
							{Actor: "区政府常务会议", Action: "讨论决定", Clause: Clause{Article: 22},
								Basis: "分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 22, Item: 3},
						Text:  "第（三）项规定国有资产处置按金额由企业、区国资委、分管国资工作的区政府领导同志、主管部门（镇乡街道）、区财政局决定，或提请区政府常务会议、区委常委会会议审定，未提请区长办公会议或区政府专题会议；故本句所列会议中只有区政府常务会议讨论决定国有资产处置。",
						Basis: "500万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定"},
				}},
			{ID: "amount", Clause: Clause{Article: 22}, When: []Condition{{Input: "kind", Values: []string{"project", "funds", "soe", "investment", "agreement"}}, {Input: "formal", Values: []string{"yes"}, Not: true}},
				Outcomes: []Outcome{
					{Decider: "区政府常务会议、区长办公会议、区政府专题会议", Either: []string{"区政府常务会议", "区长办公会议", "区政府专题会议"}, Action: "讨论决定", Clause: Clause{Article: 22},
						Wording: "分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定",
						Basis:   "国有资产处置、重大项目投资、财政性资金安排、国有企业投融资、相关协议签订和招商引资等事宜，分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定",
						Steps: []Act{
							{Actor: "区政府常务会议、区长办公会议、区政府专题会议", Action: "讨论决定", Clause: Clause{Article: 22},
								Basis: "分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 22},
						Text: "本句未写明哪一事宜由哪一会议讨论决定；第二十二条各项另按金额档次规定，部分档次由区政府领导同志、部门或企业决定，或提请区委常委会会议审定。"},
				}},
			{ID: "agreement", Clause: Clause{Article: 22}, When: []Condition{{Input: "formal", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "区政府常务会议", Action: "研究", Clause: Clause{Article: 22},
						Wording: "一律提请区政府常务会议研究",
						Basis:   "对外签订正式协议一律提请区政府常务会议研究",
						Steps: []Act{
							{Actor: "区政府常务会议", Action: "研究", Clause: Clause{Article: 22},
								Basis: "一律提请区政府常务会议研究"},
						}},
				}},
			{ID: "other", Clause: Clause{Article: 21}, When: []Condition{{Input: "kind", Values: []string{"other"}}, {Input: "dept", Values: []string{"no"}}},
				Notes: []Note{
					{Clause: Clause{Article: 21},
						Text: "第二十一条、第二十二条所列事项之后均有“等”字，本规则未写明该事项由哪一会议讨论决定。"},
					{Clause: Clause{Article: 7},
						Text:  "如属区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定。",
						Basis: "区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定"},
				}},
			{ID: "major", Clause: Clause{Article: 7}, When: []Condition{{Input: "kind", Values: []string{"other"}}, {Input: "dept", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "区政府全体会议或区政府常务会议", Either: []string{"区政府全体会议", "区政府常务会议"}, Action: "讨论决定", Clause: Clause{Article: 7},
						Wording: "必须经区政府全体会议或区政府常务会议讨论决定",
						Basis:   "区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定",
						Steps: []Act{
							{Actor: "区政府全体会议或区政府常务会议", Action: "讨论决定", Clause: Clause{Article: 7},
								Basis: "必须经区政府全体会议或区政府常务会议讨论决定"},
						}},
				}},
		},
		Provisions: []Provision{
			{
				Notes: []Note{
					{Clause: Clause{Article: 21},
						Text:  "需提请区委常委会会议审议的，按区委工作规则执行。",
						Basis: "需提请区委常委会会议审议的事项按《中国共产党重庆市开州区委员会工作规则》《中国共产党重庆市开州区第十四届委员会常务委员会工作规则》执行"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"normative", "dept-normative"}}},
				Before: article18Review,
				Duties: []Act{
					{Actor: "", Action: "通过政府公报、门户网站等方式向社会公开发布", Clause: Clause{Article: 18, Paragraph: 3},
						Basis: "规范性文件应当及时通过政府公报、门户网站等方式向社会公开发布，未经公开发布的，不得作为行政管理依据"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"normative"}}},
				Before: []Act{
					{Actor: "区司法局", Action: "合法性审查", Clause: Clause{Article: 43, Item: 2},
						Basis: "经区司法局进行合法性审查"},
				},
				Duties: []Act{
					{Actor: "", Action: "向区人大常委会和市人民政府报送备案", Clause: Clause{Article: 18, Paragraph: 3},
						Basis: "区政府规范性文件公布后应按规定及时向区人大常委会和市人民政府报送备案"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 21},
						Text:  "第二十一条亦规定政府规范性文件须经区政府全体会议或区政府常务会议讨论决定。",
						Basis: "政府规范性文件等须经区政府全体会议或区政府常务会议讨论决定"},
					{Clause: Clause{Article: 43, Item: 2},
						Text:  "审定后，由分管有关业务工作的副区长核报区长签发（见公文审签）。",
						Basis: "区政府出台规范性文件，经区司法局进行合法性审查，区政府全体会议或区政府常务会议审定后，由分管有关业务工作的副区长核报区长签发"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"normative", "dept-normative"}}, {Input: "interest", Values: []string{"yes"}}},
				Before: article18Interest, Notes: article18Hearing},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "深入调查研究", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "区政府各部门提请区政府研究决定的重大事项，必须经过深入调查研究，进行合法性、必要性、科学性、可行性和可控性评估论证"},
					{Actor: "", Action: "合法性、必要性、科学性、可行性和可控性评估论证", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "区政府各部门提请区政府研究决定的重大事项，必须经过深入调查研究，进行合法性、必要性、科学性、可行性和可控性评估论证"},
				},
				Duties: []Act{
					{Actor: "", Action: "跟踪决策实施情况，了解利益相关方和社会公众对决策实施的意见和建议，全面评估决策执行效果，及时调整完善", Clause: Clause{Article: 23, Paragraph: 2},
						Basis: "在重大决策执行过程中，要跟踪决策实施情况，了解利益相关方和社会公众对决策实施的意见和建议，全面评估决策执行效果，及时调整完善"},
				}},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "others", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "充分协商", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及其他部门的，应当充分协商"},
				}},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "towns", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "事先征求意见", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及镇乡（街道）的，应当事先征求意见"},
				}},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "market", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "公平竞争审查", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查"},
				}},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "kind", Values: []string{"investment"}}},
				Before: []Act{
					{Actor: "", Action: "公平竞争审查", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 23, Paragraph: 1},
						Text:  "第二十三条列明招商引资涉及市场主体经济活动，应当进行公平竞争审查。",
						Basis: "涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查"},
				}},
			{When: []Condition{{Input: "dept", Values: []string{"yes"}}, {Input: "stability", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "社会稳定风险评估", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及重大公共利益和公众权益、容易引发社会稳定问题的，要进行社会稳定风险评估，并采取听证会等多种形式听取各方面意见"},
					{Actor: "", Action: "采取听证会等多种形式听取各方面意见", Clause: Clause{Article: 23, Paragraph: 1},
						Basis: "涉及重大公共利益和公众权益、容易引发社会稳定问题的，要进行社会稳定风险评估，并采取听证会等多种形式听取各方面意见"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"project", "funds", "soe", "investment", "agreement"}}, {Input: "formal", Values: []string{"yes"}, Not: true}},
				Notes: []Note{
					{Clause: Clause{Article: 22},
						Text:  "由区政府专题会议审定的，须报区长和常务副区长同意。",
						Basis: "区政府专题会议审定事项须报区长和常务副区长同意"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"assets"}}},
				See: []string{"22.3.1", "22.3.2"}},
			{When: []Condition{{Input: "kind", Values: []string{"funds"}}},
				See: []string{"22.1.3", "22.2"}},
			{When: []Condition{{Input: "kind", Values: []string{"debt"}}},
				See: []string{"22.1.2"}},
			{When: []Condition{{Input: "kind", Values: []string{"soe"}}},
				See: []string{"22.4", "22.6.2"}},
			{When: []Condition{{Input: "kind", Values: []string{"project"}}},
				Notes: []Note{
					{Clause: Clause{Article: 22},
						Text: "原文未写明重大项目投资对应第二十二条哪一项；所列三项规定了与项目投资有关的金额档次。"},
				},
				See: []string{"22.1.1", "22.4", "22.5"}},
			{When: []Condition{{Input: "kind", Values: []string{"investment", "agreement"}}, {Input: "formal", Values: []string{"yes"}, Not: true}},
				Notes: []Note{
					{Clause: Clause{Article: 22},
						Text: "第二十二条各项未对该事宜规定金额档次。"},
				}},
		},
	},
	{
		ID: "42", Title: "公文报送与审批", Clause: Clause{Article: 42},
		Role: "办理人", Verb: "办理",
		Question: "镇乡（街道）、区政府部门报送区政府的公文怎样报送，由谁审批？",
		Inputs: []Input{
			{Name: "sender", Label: "报送单位", Kind: KindChoice,
				Options: []Option{
					{Value: "town", Label: "镇乡人民政府（街道办事处）"},
					{Value: "dept", Label: "区政府部门"},
				}},
			{Name: "personal", Label: "是否直接向区政府领导同志个人报送", Kind: KindChoice,
				Options: yesNo},
			{Name: "exception", Label: "直接报送的情形", Kind: KindChoice, Hint: "按第四十一条所列例外情形选择。",
				When: []Condition{{Input: "personal", Values: []string{"yes"}}},
				Options: []Option{
					{Value: "assigned", Label: "区政府领导同志交办的个别具体事项"},
					{Value: "secret", Label: "确需直接报送的敏感绝密事项"},
					{Value: "emergency", Label: "重大突发事件"},
					{Value: "foreign", Label: "部分涉外事项"},
					{Value: "none", Label: "以上都不是"},
				}},
			{Name: "request", Label: "是否为请示性公文", Kind: KindChoice,
				When:    []Condition{{Input: "sender", Values: []string{"dept"}}},
				Options: yesNo},
			{Name: "others", Label: "是否涉及其他部门职权", Kind: KindChoice,
				When:    []Condition{{Input: "request", Values: []string{"yes"}}},
				Options: yesNo},
			{Name: "agreed", Label: "经协商是否达成一致意见", Kind: KindChoice,
				When:    []Condition{{Input: "others", Values: []string{"yes"}}},
				Options: yesNo},
			{Name: "major", Label: "是否为重大事项", Kind: KindChoice, Hint: "原文未界定何为重大事项。",
				When:    []Condition{{Input: "personal", Values: []string{"no"}}},
				Options: yesNo},
		},
		Branches: []Branch{
			{ID: "personal", Clause: Clause{Article: 41}, When: []Condition{{Input: "personal", Values: []string{"yes"}}, {Input: "exception", Values: []string{"none"}}},
				Notes: []Note{
					{Clause: Clause{Article: 41},
						Text:  "除所列情形外，一般不得直接向区政府领导同志个人报送公文，应报送区政府。",
						Basis: "除区政府领导同志交办的个别具体事项和确需直接报送的敏感绝密事项、重大突发事件以及部分涉外事项外，一般不得直接向区政府领导同志个人报送公文"},
				}},
			{ID: "direct", Clause: Clause{Article: 41}, When: []Condition{{Input: "personal", Values: []string{"yes"}}, {Input: "exception", Values: []string{"none"}, Not: true}},
				Notes: []Note{
					{Clause: Clause{Article: 41},
						Text:  "此类公文可直接向区政府领导同志个人报送；本规则未写明其由谁审批。",
						Basis: "除区政府领导同志交办的个别具体事项和确需直接报送的敏感绝密事项、重大突发事件以及部分涉外事项外，一般不得直接向区政府领导同志个人报送公文"},
				}},
			{ID: "major", Clause: Clause{Article: 42}, When: []Condition{{Input: "personal", Values: []string{"no"}}, {Input: "major", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "审批", Clause: Clause{Article: 42},
						Wording: "重大事项报区长审批",
						Basis:   "各镇乡人民政府（街道办事处）、区政府各部门报送区政府审批的公文，由区政府办公室提出拟办意见，按照区政府领导同志分工呈批，并根据需要由区政府领导同志转请区政府其他领导同志核批，重大事项报区长审批",
						Steps: []Act{
							{Actor: "区政府办公室", Action: "提出拟办意见", Clause: Clause{Article: 42},
								Basis: "由区政府办公室提出拟办意见"},
							{Actor: "区长", Action: "审批", Clause: Clause{Article: 42},
								Basis: "重大事项报区长审批"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 42},
						Text: "原文未写明重大事项是否先按区政府领导同志分工呈批，再报区长审批。"},
				}},
			{ID: "division", Clause: Clause{Article: 42}, When: []Condition{{Input: "personal", Values: []string{"no"}}, {Input: "major", Values: []string{"no"}}},
				Outcomes: []Outcome{
					{Decider: "区政府领导同志", Action: "审批", Clause: Clause{Article: 42},
						Wording: "报送区政府审批的公文，由区政府办公室提出拟办意见，按照区政府领导同志分工呈批",
						Basis:   "各镇乡人民政府（街道办事处）、区政府各部门报送区政府审批的公文，由区政府办公室提出拟办意见，按照区政府领导同志分工呈批",
						Steps: []Act{
							{Actor: "区政府办公室", Action: "提出拟办意见", Clause: Clause{Article: 42},
								Basis: "由区政府办公室提出拟办意见"},
							{Actor: "区政府领导同志", Action: "审批", Clause: Clause{Article: 42},
								Basis: "报送区政府审批的公文，由区政府办公室提出拟办意见，按照区政府领导同志分工呈批"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 42},
						Text:  "按分管工作呈送有关区政府领导同志审批；根据需要，由区政府领导同志转请区政府其他领导同志核批。",
						Basis: "根据需要由区政府领导同志转请区政府其他领导同志核批"},
				}},
		},
		Provisions: []Provision{
			{
				Notes: []Note{
					{Clause: Clause{Article: 41},
						Text:  "报送区政府的公文应当符合《党政机关公文处理工作条例》等规定。",
						Basis: "报送区政府的公文，应当符合《党政机关公文处理工作条例》等规定"},
				}},
			{When: []Condition{{Input: "others", Values: []string{"yes"}}},
				Before: []Act{
					{Actor: "", Action: "与有关部门充分协商", Clause: Clause{Article: 41},
						Basis: "各部门报送区政府的请示性公文，凡涉及其他部门职权的，必须主动与有关部门充分协商"},
				}},
			{When: []Condition{{Input: "agreed", Values: []string{"no"}}},
				Before: []Act{
					{Actor: "主办部门", Action: "列明各方理据", Clause: Clause{Article: 41},
						Basis: "经协商不能达成一致意见的，主办部门应列明各方理据，提出办理建议，与有关部门负责人会签后报区政府决定"},
					{Actor: "主办部门", Action: "提出办理建议", Clause: Clause{Article: 41},
						Basis: "经协商不能达成一致意见的，主办部门应列明各方理据，提出办理建议，与有关部门负责人会签后报区政府决定"},
					{Actor: "主办部门", Action: "与有关部门负责人会签", Clause: Clause{Article: 41},
						Basis: "经协商不能达成一致意见的，主办部门应列明各方理据，提出办理建议，与有关部门负责人会签后报区政府决定"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 41},
						Text:  "经协商不能达成一致意见的，会签后报区政府决定。",
						Basis: "与有关部门负责人会签后报区政府决定"},
				}},
		},
	},
	{
		ID: "43", Title: "公文审签", Clause: Clause{Article: 43},
		Role: "签发人", Verb: "签发",
		Question: "这份公文由谁签发，签发前须经哪些程序？",
		Inputs: []Input{
			{Name: "issuer", Label: "发文机关", Kind: KindChoice, Hint: "以谁的名义行文。",
				Options: []Option{
					{Value: "gov", Label: "区政府"},
					{Value: "office", Label: "区政府办公室"},
					{Value: "party-group", Label: "区政府党组"},
					{Value: "joint", Label: "党政联合行文"},
				}},
			{Name: "to", Label: "主送机关", Kind: KindChoice,
				When: []Condition{{Input: "issuer", Values: []string{"gov"}}},
				Options: []Option{
					{Value: "city", Label: "市政府、市政府办公厅"},
					{Value: "city-dept", Label: "市政府有关部门"},
					{Value: "npc", Label: "区人大及其常委会"},
					{Value: "cppcc", Label: "区政协"},
					{Value: "other", Label: "其他（如下发的公文、会议纪要）"},
				}},
			{Name: "kind", Label: "公文类别", Kind: KindChoice, Hint: "按原文所列类别选择。",
				When: []Condition{{Input: "issuer", Values: []string{"gov", "office", "party-group"}}, {Input: "to", Values: []string{"city"}, Not: true}},
				Options: []Option{
					{Value: "request", Label: "请求批准事项、商洽工作的公文", When: []Condition{{Input: "to", Values: []string{"city-dept"}}}},
					{Value: "bill", Label: "提请审议的议案", When: []Condition{{Input: "to", Values: []string{"npc"}}}},
					{Value: "report", Label: "通报重大情况的公文", When: []Condition{{Input: "to", Values: []string{"cppcc"}}}},
					{Value: "normative", Label: "规范性文件", When: []Condition{{Input: "to", Values: []string{"other"}}}},
					{Value: "policy", Label: "下发的涉及全局性、重大方针政策和重要工作部署的公文", When: []Condition{{Input: "to", Values: []string{"other"}}}},
					{Value: "minutes-executive", Label: "区政府常务会议纪要", When: []Condition{{Input: "to", Values: []string{"other"}}}},
					{Value: "minutes-mayor", Label: "区长办公会议纪要", When: []Condition{{Input: "to", Values: []string{"other"}}}},
					{Value: "minutes-topic", Label: "区政府专题会议纪要", When: []Condition{{Input: "to", Values: []string{"other"}}}},
					{Value: "appointment", Label: "人事任免公文", When: []Condition{{Input: "issuer", Values: []string{"gov"}}}},
					{Value: "fiscal", Label: "下发的涉及财政、税收、机构、编制、人事等重大事项的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "district-policy", Label: "涉及全区性、重要政策和重要工作部署的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "consult", Label: "向市政府有关部门办公室和其他市、区、县政府办公室商洽工作的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "joint", Label: "与区委办公室联合行文需要会签的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "reply", Label: "对有关事项回复的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "circular", Label: "工作通报", When: []Condition{{Input: "issuer", Values: []string{"gov", "office"}}, {Input: "to", Values: []string{"city", "city-dept", "npc", "cppcc"}, Not: true}}},
					{Value: "routine", Label: "涉及文秘、会议、活动、督查、值班、信息、行政事务等内容的公文", When: []Condition{{Input: "issuer", Values: []string{"office"}}}},
					{Value: "party-report", Label: "报区委的请示、报告", When: []Condition{{Input: "issuer", Values: []string{"party-group"}}}},
					{Value: "minutes-party", Label: "区政府党组会议纪要", When: []Condition{{Input: "issuer", Values: []string{"party-group"}}}},
					{Value: "major", Label: "其他涉及重大事项的公文"},
					{Value: "other", Label: "其他公文"},
				}},
			{Name: "beyond", Label: "是否涉及决策权限以外的资金（预）安排、人员调配等重要事项", Kind: KindChoice,
				When:    []Condition{{Input: "kind", Values: []string{"request", "minutes-topic"}}},
				Options: yesNo},
			{Name: "important", Label: "是否涉及重要内容", Kind: KindChoice,
				When:    []Condition{{Input: "kind", Values: []string{"routine"}}},
				Options: yesNo},
			{Name: "deputies", Label: "涉及几位副区长的分管工作", Kind: KindChoice,
				When: []Condition{{Input: "issuer", Values: []string{"gov"}}, {Input: "kind", Values: []string{"other", "request", "minutes-topic"}}, {Input: "beyond", Values: []string{"yes"}, Not: true}},
				Options: []Option{
					{Value: "one", Label: "一位"},
					{Value: "several", Label: "两位及以上"},
				}},
			{Name: "interest", Label: "是否涉及市场主体和社会公众切身利益", Kind: KindChoice,
				When:    []Condition{{Input: "kind", Values: []string{"normative"}}},
				Options: yesNo},
		},
		Branches: []Branch{
			{ID: "city", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "issuer", Values: []string{"gov"}}, {Input: "to", Values: []string{"city"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府上报市政府和市政府办公厅的公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "party-report", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"party-report"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府党组报区委的请示、报告",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "bill", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"bill"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府提请区人大及其常委会审议的议案",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "report", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"report"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "向区政协通报重大情况的公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "policy", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"policy"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府下发的涉及全局性、重大方针政策和重要工作部署的公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "minutes-executive", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"minutes-executive"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府常务会议纪要",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "minutes-party", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"minutes-party"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区政府党组会议纪要",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "minutes-mayor", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"minutes-mayor"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "区长办公会议纪要",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "appointment", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"appointment"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "人事任免公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "fiscal", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"fiscal"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "以区政府办公室名义下发的涉及财政、税收、机构、编制、人事等重大事项的公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "major", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "kind", Values: []string{"major"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
						Wording: "由区长签发",
						Basis:   "其他涉及重大事项的公文",
						Steps: []Act{
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 1},
								Basis: "由区长签发"},
						}},
				}},
			{ID: "normative", Clause: Clause{Article: 43, Item: 2}, When: []Condition{{Input: "kind", Values: []string{"normative"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 2},
						Wording: "由分管有关业务工作的副区长核报区长签发",
						Basis:   "区政府出台规范性文件，经区司法局进行合法性审查，区政府全体会议或区政府常务会议审定后，由分管有关业务工作的副区长核报区长签发",
						Steps: []Act{
							{Actor: "区司法局", Action: "合法性审查", Clause: Clause{Article: 43, Item: 2},
								Basis: "经区司法局进行合法性审查"},
							{Actor: "区政府全体会议或区政府常务会议", Action: "审定", Clause: Clause{Article: 43, Item: 2},
								Basis: "区政府全体会议或区政府常务会议审定后"},
							{Actor: "分管有关业务工作的副区长", Action: "核报", Clause: Clause{Article: 43, Item: 2},
								Basis: "由分管有关业务工作的副区长核报区长签发"},
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 2},
								Basis: "由分管有关业务工作的副区长核报区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 2},
						Text: "原文未写明何种情形由区政府全体会议、何种情形由区政府常务会议审定。"},
				}},
			{ID: "one", Clause: Clause{Article: 43, Item: 3}, When: []Condition{{Input: "issuer", Values: []string{"gov"}}, {Input: "kind", Values: []string{"other"}}, {Input: "deputies", Values: []string{"one"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "由分管副区长签发",
						Basis:   "除应由区长签发以外的区政府公文，属于一位副区长分管工作范围内的，由分管副区长签发",
						Steps: []Act{
							{Actor: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "由分管副区长签发"},
						}},
				}},
			{ID: "several", Clause: Clause{Article: 43, Item: 3}, When: []Condition{{Input: "issuer", Values: []string{"gov"}}, {Input: "kind", Values: []string{"other"}}, {Input: "deputies", Values: []string{"several"}}},
				Outcomes: []Outcome{
					{Decider: "区长或负责区政府常务工作的副区长", Either: []string{"区长", "负责区政府常务工作的副区长"}, Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "由区长或负责区政府常务工作的副区长签发",
						Basis:   "涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发",
						Steps: []Act{
							{Actor: "有关副区长", Action: "会签提出意见", Clause: Clause{Article: 43, Item: 3},
								Basis: "涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发"},
							{Actor: "区长或负责区政府常务工作的副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "由区长或负责区政府常务工作的副区长签发"},
						}},
				}},
			{ID: "listed-beyond", Clause: Clause{Article: 43, Item: 3}, When: []Condition{{Input: "kind", Values: []string{"request", "minutes-topic"}}, {Input: "beyond", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "核报由区长签发",
						Basis:   "涉及决策权限以外的资金（预）安排、人员调配等重要事项的核报由区长签发",
						Steps: []Act{
							{Actor: "", Action: "核报", Clause: Clause{Article: 43, Item: 3},
								Basis: "涉及决策权限以外的资金（预）安排、人员调配等重要事项的核报由区长签发"},
							{Actor: "区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "涉及决策权限以外的资金（预）安排、人员调配等重要事项的核报由区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 3},
						Text: "本句紧接在向市政府有关部门请求批准事项和商洽工作的公文、区政府专题会议纪要之后，读作适用于这两类公文；原文未写明由谁核报。"},
				}},
			{ID: "listed-one", Clause: Clause{Article: 43, Item: 3}, When: []Condition{{Input: "kind", Values: []string{"request", "minutes-topic"}}, {Input: "beyond", Values: []string{"no"}}, {Input: "deputies", Values: []string{"one"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "由分管副区长签发",
						Basis:   "区政府向市政府有关部门请求批准事项和商洽工作的公文，区政府专题会议纪要，由分管副区长签发",
						Steps: []Act{
							{Actor: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "由分管副区长签发"},
						}},
				}},
			{ID: "listed-several", Clause: Clause{Article: 43, Item: 3}, When: []Condition{{Input: "kind", Values: []string{"request", "minutes-topic"}}, {Input: "beyond", Values: []string{"no"}}, {Input: "deputies", Values: []string{"several"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "由分管副区长签发",
						Basis:   "区政府向市政府有关部门请求批准事项和商洽工作的公文，区政府专题会议纪要，由分管副区长签发",
						Reading: "按本项第二句，由分管副区长签发",
						Steps: []Act{
							{Actor: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "由分管副区长签发"},
						}},
					{Decider: "区长或负责区政府常务工作的副区长", Either: []string{"区长", "负责区政府常务工作的副区长"}, Action: "签发", Clause: Clause{Article: 43, Item: 3},
						Wording: "由区长或负责区政府常务工作的副区长签发",
						Basis:   "涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发",
						Reading: "按本项第一句，由区长或负责区政府常务工作的副区长签发",
						Steps: []Act{
							{Actor: "有关副区长", Action: "会签提出意见", Clause: Clause{Article: 43, Item: 3},
								Basis: "涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发"},
							{Actor: "区长或负责区政府常务工作的副区长", Action: "签发", Clause: Clause{Article: 43, Item: 3},
								Basis: "由区长或负责区政府常务工作的副区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 3},
						Text: "本项第二句对这两类公文另有规定，但未写明涉及两位及以上副区长分管工作时适用哪一句、由哪位分管副区长签发。"},
				}},
			{ID: "district-policy", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "kind", Values: []string{"district-policy"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "由分管副区长签发",
						Basis:   "涉及全区性、重要政策和重要工作部署的区政府办公室公文，由分管副区长签发",
						Steps: []Act{
							{Actor: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "由分管副区长签发"},
						}},
				}},
			{ID: "office-either", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "kind", Values: []string{"consult", "joint", "reply"}}},
				Outcomes: []Outcome{
					{Decider: "区政府办公室主任或分管副区长", Either: []string{"区政府办公室主任", "分管副区长"}, Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "由区政府办公室主任签发，或核报分管副区长签发",
						Basis:   "区政府办公室向市政府有关部门办公室和其他市、区、县政府办公室商洽工作的公文，区政府办公室与区委办公室联合行文需要会签的公文，区政府办公室对有关事项回复的公文，由区政府办公室主任签发，或核报分管副区长签发",
						Steps: []Act{
							{Actor: "区政府办公室主任或分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "由区政府办公室主任签发，或核报分管副区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 4},
						Text: "由分管副区长签发的，须经核报；原文未写明由谁核报。"},
				}},
			{ID: "circular", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "kind", Values: []string{"circular"}}},
				Outcomes: []Outcome{
					{Decider: "区长、副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "由区长、副区长签发",
						Basis:   "工作通报由区长、副区长签发",
						Reading: "由区长或副区长签发",
						Steps: []Act{
							{Actor: "区长、副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "由区长、副区长签发"},
						}},
					{Decider: "区长、副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "由区长、副区长签发",
						Basis:   "工作通报由区长、副区长签发",
						Reading: "由区长和副区长共同签发",
						Steps: []Act{
							{Actor: "区长、副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "由区长、副区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 4},
						Text: "原文“区长、副区长”中的顿号可读作“或”，也可读作“和”。"},
				}},
			{ID: "routine", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "kind", Values: []string{"routine"}}, {Input: "important", Values: []string{"no"}}},
				Outcomes: []Outcome{
					{Decider: "区政府办公室主任", Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "由区政府办公室主任签发",
						Basis:   "涉及文秘、会议、活动、督查、值班、信息、行政事务等内容的区政府办公室公文，由区政府办公室主任签发",
						Steps: []Act{
							{Actor: "区政府办公室主任", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "由区政府办公室主任签发"},
						}},
				}},
			{ID: "routine-important", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "kind", Values: []string{"routine"}}, {Input: "important", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
						Wording: "核报分管副区长签发",
						Basis:   "涉及重要内容的核报分管副区长签发",
						Steps: []Act{
							{Actor: "", Action: "核报", Clause: Clause{Article: 43, Item: 4},
								Basis: "涉及重要内容的核报分管副区长签发"},
							{Actor: "分管副区长", Action: "签发", Clause: Clause{Article: 43, Item: 4},
								Basis: "涉及重要内容的核报分管副区长签发"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 4},
						Text: "原文未写明由谁核报。"},
				}},
			{ID: "office-other", Clause: Clause{Article: 43, Item: 4}, When: []Condition{{Input: "issuer", Values: []string{"office"}}, {Input: "kind", Values: []string{"other"}}},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 4},
						Text: "第四十三条未规定此类区政府办公室公文由谁签发。"},
				}},
			{ID: "party-other", Clause: Clause{Article: 43, Item: 1}, When: []Condition{{Input: "issuer", Values: []string{"party-group"}}, {Input: "kind", Values: []string{"other"}}},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 1},
						Text: "第四十三条未规定区政府党组其他公文由谁签发。"},
				}},
			{ID: "joint", Clause: Clause{Article: 43, Item: 5}, When: []Condition{{Input: "issuer", Values: []string{"joint"}}},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 5},
						Text:  "本规则未规定党政联合行文由谁签发。",
						Basis: "党政联合行文，按区委办公室、区政府办公室有关规定办理"},
				}},
		},
		Provisions: []Provision{
			{When: []Condition{{Input: "kind", Values: []string{"joint"}}},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 5},
						Text:  "如把区政府办公室与区委办公室联合行文也看作党政联合行文，第（五）项规定按区委办公室、区政府办公室有关规定办理；原文未写明两项如何衔接。",
						Basis: "党政联合行文，按区委办公室、区政府办公室有关规定办理"},
				}},
			{When: []Condition{{Input: "issuer", Values: []string{"gov"}}, {Input: "kind", Values: []string{"circular"}}},
				Notes: []Note{
					{Clause: Clause{Article: 43, Item: 4},
						Text:  "该句在第（四）项中，与区政府办公室公文并列，但未限于区政府办公室的工作通报，读作也适用于以区政府名义印发的工作通报。",
						Basis: "工作通报由区长、副区长签发"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"minutes-topic"}}},
				Notes: []Note{
					{Clause: Clause{Article: 22},
						Text:  "区政府专题会议纪要所载审定事项，须报区长和常务副区长同意。",
						Basis: "区政府专题会议审定事项须报区长和常务副区长同意"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"normative"}}},
				Before: article18Review,
				Duties: []Act{
					{Actor: "", Action: "通过政府公报、门户网站等方式向社会公开发布", Clause: Clause{Article: 18, Paragraph: 3},
						Basis: "规范性文件应当及时通过政府公报、门户网站等方式向社会公开发布，未经公开发布的，不得作为行政管理依据"},
					{Actor: "", Action: "向区人大常委会和市人民政府报送备案", Clause: Clause{Article: 18, Paragraph: 3},
						Basis: "区政府规范性文件公布后应按规定及时向区人大常委会和市人民政府报送备案"},
				},
				Notes: []Note{
					{Clause: Clause{Article: 18, Paragraph: 2},
						Text: "原文未写明公开征求意见、合法性审核和完备性审核与区司法局合法性审查的先后，也未写明“合法性审核”与“合法性审查”是否为同一程序。"},
				}},
			{When: []Condition{{Input: "kind", Values: []string{"normative"}}, {Input: "interest", Values: []string{"yes"}}},
				Before: article18Interest, Notes: article18Hearing},
		},
	},
	{
		ID: "44", Title: "部门发文", Clause: Clause{Article: 44},
		Role: "发文与审签", Verb: "发文",
		Question: "这份文件能否制发，由区政府部门自行发文还是经区政府同意后发文？",
		Inputs: []Input{
			{Name: "law", Label: "法律、法规、规章是否已作出明确规定", Kind: KindChoice,
				Options: yesNo},
			{Name: "substance", Label: "是否有实质内容、确需制发", Kind: KindChoice, Hint: "没有实质内容、可发可不发的文件简报，选“否”。",
				When:    []Condition{{Input: "law", Values: []string{"no"}}},
				Options: yesNo},
			{Name: "scope", Label: "是否属区政府部门职权范围内事务", Kind: KindChoice,
				When:    []Condition{{Input: "substance", Values: []string{"yes"}}},
				Options: yesNo},
			{Name: "consent", Label: "是否根据工作需要冠以“经区政府同意”字样", Kind: KindChoice,
				When:    []Condition{{Input: "scope", Values: []string{"yes"}}},
				Options: yesNo},
		},
		Branches: []Branch{
			{ID: "law", Clause: Clause{Article: 44}, When: []Condition{{Input: "law", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Action: "不再制发文件", Clause: Clause{Article: 44},
						Wording: "一律不再制发文件",
						Basis:   "凡法律、法规、规章已作出明确规定的，一律不再制发文件"},
				}},
			{ID: "empty", Clause: Clause{Article: 44}, When: []Condition{{Input: "law", Values: []string{"no"}}, {Input: "substance", Values: []string{"no"}}},
				Outcomes: []Outcome{
					{Action: "不发", Clause: Clause{Article: 44},
						Wording: "一律不发",
						Basis:   "没有实质内容、可发可不发的文件简报，一律不发"},
				}},
			{ID: "outside", Clause: Clause{Article: 44}, When: []Condition{{Input: "substance", Values: []string{"yes"}}, {Input: "scope", Values: []string{"no"}}},
				Notes: []Note{
					{Clause: Clause{Article: 44},
						Text:  "第四十四条只规定属区政府部门职权范围内的事务由部门自行发文或联合发文；不属部门职权范围的，本条未规定由谁发文。以区政府或区政府办公室名义发文的，由谁签发见公文审签（第四十三条）。",
						Basis: "属区政府部门职权范围内事务、应由区政府部门自行发文或联合发文的，不由区政府批转或区政府办公室转发"},
				}},
			{ID: "self", Clause: Clause{Article: 44}, When: []Condition{{Input: "scope", Values: []string{"yes"}}, {Input: "consent", Values: []string{"no"}}},
				Outcomes: []Outcome{
					{Decider: "区政府部门", Action: "自行发文或联合发文", Clause: Clause{Article: 44},
						Wording: "应由区政府部门自行发文或联合发文",
						Basis:   "属区政府部门职权范围内事务、应由区政府部门自行发文或联合发文的，不由区政府批转或区政府办公室转发",
						Steps: []Act{
							{Actor: "区政府部门", Action: "自行发文或联合发文", Clause: Clause{Article: 44},
								Basis: "应由区政府部门自行发文或联合发文"},
						}},
				}},
			{ID: "consent", Clause: Clause{Article: 44}, When: []Condition{{Input: "scope", Values: []string{"yes"}}, {Input: "consent", Values: []string{"yes"}}},
				Outcomes: []Outcome{
					{Decider: "分管副区长", Action: "审签", Clause: Clause{Article: 44},
						Wording: "由分管副区长审签后发文",
						Basis:   "根据工作需要，可冠以“经区政府同意”字样，由分管副区长审签后发文",
						Steps: []Act{
							{Actor: "分管副区长", Action: "审签", Clause: Clause{Article: 44},
								Basis: "由分管副区长审签后发文"},
						}},
				},
				Notes: []Note{
					{Clause: Clause{Article: 44},
						Text:  "仍由区政府部门发文，文中冠以“经区政府同意”字样。",
						Basis: "可冠以“经区政府同意”字样"},
				}},
		},
		Provisions: []Provision{
			{When: []Condition{{Input: "scope", Values: []string{"yes"}}},
				Notes: []Note{
					{Clause: Clause{Article: 44},
						Text:  "不由区政府批转或区政府办公室转发。",
						Basis: "不由区政府批转或区政府办公室转发"},
				}},
		},
	},
}

// What article 十八 requires of a 规范性文件, in both procedures that
// ask about one (21 and 43).
var (
	// Before a meeting may deliberate it (第十八条第二款).
	article18Review = []Act{
		{Actor: "", Action: "公开征求意见", Clause: Clause{Article: 18, Paragraph: 2},
			Basis: "未经公开征求意见、合法性审核和完备性审核的，不得提请区政府全体会议或区政府常务会议审议"},
		{Actor: "", Action: "合法性审核", Clause: Clause{Article: 18, Paragraph: 2},
			Basis: "未经公开征求意见、合法性审核和完备性审核的，不得提请区政府全体会议或区政府常务会议审议"},
		{Actor: "", Action: "完备性审核", Clause: Clause{Article: 18, Paragraph: 2},
			Basis: "未经公开征求意见、合法性审核和完备性审核的，不得提请区政府全体会议或区政府常务会议审议"},
	}
	// Where it touches the interests of market entities and the public
	// (第十八条第一款).
	article18Interest = []Act{
		{Actor: "", Action: "公平竞争审查", Clause: Clause{Article: 18, Paragraph: 1},
			Basis: "涉及市场主体和社会公众切身利益的规范性文件，要认真落实公平竞争审查、社会稳定风险评估等程序"},
		{Actor: "", Action: "社会稳定风险评估", Clause: Clause{Article: 18, Paragraph: 1},
			Basis: "涉及市场主体和社会公众切身利益的规范性文件，要认真落实公平竞争审查、社会稳定风险评估等程序"},
	}
	article18Hearing = []Note{
		{Clause: Clause{Article: 18, Paragraph: 1},
			Text:  "需进行听证、论证或征求行业协会、商会意见的，按相关规定落实。",
			Basis: "需进行听证、论证或征求行业协会、商会意见的，按相关规定落实"},
	}
)
