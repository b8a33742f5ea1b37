package rules

// This file holds article 二十二 of the Work Rules as data. Every string
// in quotation marks below is quoted from the text, verbatim, except the
// labels and hints of inputs and the texts of notes and general rules,
// which are written for the reader. Check verifies the quotations against
// one another; the tests verify them against the text itself.

// endKind says how the text writes one end of a range.
type endKind int

const (
	bottom   endKind = iota // bottom of "A（不含）以内": the text writes no lower end
	incl                    // "A（含）—" or "A及以上": A belongs to the range
	excl                    // "A（不含）以内": A does not belong to the range
	implicit                // "—A": the text does not say whether A belongs to the range
	top                     // top of "A及以上": no upper end
)

// end is one end of a range as the text writes it.
type end struct {
	kind    endKind
	written string // amount as written, e.g. "1亿元"; empty for bottom and top
}

// bandSpec is one phrase of a sentence of the text: a range and what
// happens in it. The specs are plain composite literals of constants, so
// that the compiler lays them out as static data rather than code.
type bandSpec struct {
	basis   string // the phrase, verbatim, between the sentence's commas
	text    string // the range within it
	lo, hi  end
	wording string // the decision within it
	steps   []Step
	duties  []string
	notes   []Note // what the text supplies or calls for beside the decision
}

type tableSpec struct {
	clause  Clause
	heading string
	text    string
	lo, hi  end
	basis   string
	bands   []bandSpec
}

type matterSpec struct {
	clause   Clause
	category string
	heading  string
	title    string
	basis    string
	inputs   []Input
	bands    []bandSpec
	tables   []tableSpec
}

// The bodies named in the text, spelt as the text spells them.
const (
	partyCommittee = "区委常委会会议"
	executive      = "区政府常务会议"
	mayorsOffice   = "区长办公会议"
	topicMeeting   = "区政府专题会议"
	executiveVice  = "常务副区长"
	deputy         = "分管副区长"
)

var article22 = []matterSpec{
	{
		clause:   Clause{22, 0, 1, 1},
		category: "（一）向上争取资金类",
		heading:  "1．需区级财政配套的建设项目申报方案",
		title:    "需区级财政配套的建设项目申报方案",
		basis:    "500万元（不含）以内的由分管副区长审定，500万元（含）—1000万元的由分管副区长研究审核后送常务副区长审定，1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "金额", Kind: KindAmount, Unit: "万元", Hint: "建设项目申报方案的金额。原文未写明按项目总投资还是按区级财政配套资金计算，请按申报口径填写。"}},
		bands: []bandSpec{
			{basis: "500万元（不含）以内的由分管副区长审定", text: "500万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "500万元"},
				wording: "由分管副区长审定", steps: []Step{{deputy, "审定"}}},
			{basis: "500万元（含）—1000万元的由分管副区长研究审核后送常务副区长审定", text: "500万元（含）—1000万元", lo: end{incl, "500万元"}, hi: end{implicit, "1000万元"},
				wording: "由分管副区长研究审核后送常务副区长审定", steps: []Step{{deputy, "研究审核"}, {executiveVice, "审定"}}},
			{basis: "1000万元（含）—5000万元的提请区政府常务会议审定", text: "1000万元（含）—5000万元", lo: end{incl, "1000万元"}, hi: end{implicit, "5000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "5000万元及以上的提请区委常委会会议审定", text: "5000万元及以上", lo: end{incl, "5000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 1, 2},
		category: "（一）向上争取资金类",
		heading:  "2．发行地方政府债券",
		title:    "发行地方政府债券",
		basis:    "1000万元（不含）以内的由分管副区长审核后报常务副区长审定，1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "发行金额", Kind: KindAmount, Unit: "万元", Hint: "发行地方政府债券的金额。"}},
		bands: []bandSpec{
			{basis: "1000万元（不含）以内的由分管副区长审核后报常务副区长审定", text: "1000万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "1000万元"},
				wording: "由分管副区长审核后报常务副区长审定", steps: []Step{{deputy, "审核"}, {executiveVice, "审定"}}},
			{basis: "1000万元（含）—5000万元的提请区政府常务会议审定", text: "1000万元（含）—5000万元", lo: end{incl, "1000万元"}, hi: end{implicit, "5000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "5000万元及以上的提请区委常委会会议审定", text: "5000万元及以上", lo: end{incl, "5000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 1, 3},
		category: "（一）向上争取资金类",
		heading:  "3．年度预算中区级没有落实到具体项目和上级切块下达的专项资金分配方案",
		title:    "年度预算中区级没有落实到具体项目和上级切块下达的专项资金分配方案",
		basis:    "500万元（不含）以内的提请区政府专题会议审定，500万元（含）—1000万元的提请区长办公会议审定，1000万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "分配金额", Kind: KindAmount, Unit: "万元", Hint: "专项资金分配方案的金额。"}},
		bands: []bandSpec{
			{basis: "500万元（不含）以内的提请区政府专题会议审定", text: "500万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "500万元"},
				wording: "提请区政府专题会议审定", steps: []Step{{topicMeeting, "审定"}}},
			{basis: "500万元（含）—1000万元的提请区长办公会议审定", text: "500万元（含）—1000万元", lo: end{incl, "500万元"}, hi: end{implicit, "1000万元"},
				wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
			{basis: "1000万元（含）—2000万元的提请区政府常务会议审定", text: "1000万元（含）—2000万元", lo: end{incl, "1000万元"}, hi: end{implicit, "2000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "2000万元及以上的提请区委常委会会议审定", text: "2000万元及以上", lo: end{incl, "2000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 2, 0},
		category: "（二）本级财政资金类",
		title:    "财政性资金安排",
		basis:    "200万元（不含）以内的财政性资金安排由分管副区长研究审核后送常务副区长审定，200万元（含）—1000万元的提请区长办公会议审定，1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "资金金额", Kind: KindAmount, Unit: "万元", Hint: "本级财政性资金安排的金额。"}},
		bands: []bandSpec{
			{basis: "200万元（不含）以内的财政性资金安排由分管副区长研究审核后送常务副区长审定", text: "200万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "200万元"},
				wording: "由分管副区长研究审核后送常务副区长审定", steps: []Step{{deputy, "研究审核"}, {executiveVice, "审定"}}},
			{basis: "200万元（含）—1000万元的提请区长办公会议审定", text: "200万元（含）—1000万元", lo: end{incl, "200万元"}, hi: end{implicit, "1000万元"},
				wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
			{basis: "1000万元（含）—5000万元的提请区政府常务会议审定", text: "1000万元（含）—5000万元", lo: end{incl, "1000万元"}, hi: end{implicit, "5000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "5000万元及以上的提请区委常委会会议审定", text: "5000万元及以上", lo: end{incl, "5000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 3, 1},
		category: "（三）国有资产处置类",
		heading:  "1．企业类",
		title:    "国有及国有控股企业一次性处置国有资产",
		basis:    "国有及国有控股企业一次性处置国有资产评估价值100万元（不含）以内的由企业研究决定并向区国资委报备，100万元（含）—200万元的由区国资委审批，200万元（含）—500万元的由分管国资工作的区政府领导同志审批，500万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "评估价值", Kind: KindAmount, Unit: "万元", Hint: "一次性处置国有资产的评估价值。"}},
		bands: []bandSpec{
			{basis: "国有及国有控股企业一次性处置国有资产评估价值100万元（不含）以内的由企业研究决定并向区国资委报备", text: "100万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "100万元"},
				wording: "由企业研究决定并向区国资委报备", steps: []Step{{"企业", "研究决定"}}, duties: []string{"向区国资委报备"}},
			{basis: "100万元（含）—200万元的由区国资委审批", text: "100万元（含）—200万元", lo: end{incl, "100万元"}, hi: end{implicit, "200万元"},
				wording: "由区国资委审批", steps: []Step{{"区国资委", "审批"}}},
			{basis: "200万元（含）—500万元的由分管国资工作的区政府领导同志审批", text: "200万元（含）—500万元", lo: end{incl, "200万元"}, hi: end{implicit, "500万元"},
				wording: "由分管国资工作的区政府领导同志审批", steps: []Step{{"分管国资工作的区政府领导同志", "审批"}}},
			{basis: "500万元（含）—2000万元的提请区政府常务会议审定", text: "500万元（含）—2000万元", lo: end{incl, "500万元"}, hi: end{implicit, "2000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "2000万元及以上的提请区委常委会会议审定", text: "2000万元及以上", lo: end{incl, "2000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 3, 2},
		category: "（三）国有资产处置类",
		heading:  "2．行政、事业单位类",
		title:    "行政、事业单位一次性处置国有资产",
		basis:    "行政、事业单位一次性处置国有资产原值或重置价值在10万元（不含）以内的由主管部门（镇乡街道）审批，10万元（含）—500万元的由区财政局审批，500万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "原值或重置价值", Kind: KindAmount, Unit: "万元", Hint: "一次性处置国有资产的原值或重置价值。原文未写明两者都有时以哪一个为准。"}},
		bands: []bandSpec{
			{basis: "行政、事业单位一次性处置国有资产原值或重置价值在10万元（不含）以内的由主管部门（镇乡街道）审批", text: "10万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "10万元"},
				wording: "由主管部门（镇乡街道）审批", steps: []Step{{"主管部门（镇乡街道）", "审批"}}},
			{basis: "10万元（含）—500万元的由区财政局审批", text: "10万元（含）—500万元", lo: end{incl, "10万元"}, hi: end{implicit, "500万元"},
				wording: "由区财政局审批", steps: []Step{{"区财政局", "审批"}}},
			{basis: "500万元（含）—2000万元的提请区政府常务会议审定", text: "500万元（含）—2000万元", lo: end{incl, "500万元"}, hi: end{implicit, "2000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "2000万元及以上的提请区委常委会会议审定", text: "2000万元及以上", lo: end{incl, "2000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 4, 0},
		category: "（四）国企投资类",
		title:    "国有及国有控股企业投资",
		basis:    "国有及国有控股企业投资40万元（不含）以内的项目由企业研究决定，40万元（含）—100万元的由分管副区长审定，100万元（含）—400万元的由分管副区长研究审核后送常务副区长审定，400万元（含）—1000万元的提请区长办公会议审定，1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "投资金额", Kind: KindAmount, Unit: "万元", Hint: "国有及国有控股企业投资项目的金额。"}},
		bands: []bandSpec{
			{basis: "国有及国有控股企业投资40万元（不含）以内的项目由企业研究决定", text: "40万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "40万元"},
				wording: "由企业研究决定", steps: []Step{{"企业", "研究决定"}}},
			{basis: "40万元（含）—100万元的由分管副区长审定", text: "40万元（含）—100万元", lo: end{incl, "40万元"}, hi: end{implicit, "100万元"},
				wording: "由分管副区长审定", steps: []Step{{deputy, "审定"}}},
			{basis: "100万元（含）—400万元的由分管副区长研究审核后送常务副区长审定", text: "100万元（含）—400万元", lo: end{incl, "100万元"}, hi: end{implicit, "400万元"},
				wording: "由分管副区长研究审核后送常务副区长审定", steps: []Step{{deputy, "研究审核"}, {executiveVice, "审定"}}},
			{basis: "400万元（含）—1000万元的提请区长办公会议审定", text: "400万元（含）—1000万元", lo: end{incl, "400万元"}, hi: end{implicit, "1000万元"},
				wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
			{basis: "1000万元（含）—5000万元的提请区政府常务会议审定", text: "1000万元（含）—5000万元", lo: end{incl, "1000万元"}, hi: end{implicit, "5000万元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "5000万元及以上的提请区委常委会会议审定", text: "5000万元及以上", lo: end{incl, "5000万元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 5, 0},
		category: "（五）投资增减变更类（包含政府投资和企业投资）",
		title:    "投资增减变更",
		basis: "1．合同金额400万元（不含）以内的项目。累计增减投资40万元（不含）以内的由分管副区长审定或授权审批，40万元及以上的提请区长办公会议审定。\n" +
			"2．合同金额400万元及以上的项目。累计增减投资40万元（不含）以内的由行业主管部门审定，40万元（含）—100万元的由分管副区长审定，100万元（含）—400万元的提请区长办公会议审定，400万元及以上的提请区政府常务会议审定。",
		inputs: []Input{
			{Name: "contract", Label: "合同金额", Kind: KindAmount, Unit: "万元", Hint: "项目的合同金额。"},
			{Name: "change", Label: "累计增减投资", Kind: KindAmount, Unit: "万元", Hint: "累计增加或减少的投资额，减少的也填正数。原文未写明增加与减少能否相互抵减。"},
		},
		tables: []tableSpec{
			{
				clause:  Clause{22, 0, 5, 1},
				heading: "合同金额400万元（不含）以内的项目",
				text:    "400万元（不含）以内",
				lo:      end{bottom, ""},
				hi:      end{excl, "400万元"},
				basis:   "累计增减投资40万元（不含）以内的由分管副区长审定或授权审批，40万元及以上的提请区长办公会议审定。",
				bands: []bandSpec{
					{basis: "累计增减投资40万元（不含）以内的由分管副区长审定或授权审批", text: "40万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "40万元"},
						wording: "由分管副区长审定或授权审批", steps: []Step{{deputy, "审定或授权审批"}}, notes: []Note{{Clause: Clause{22, 0, 5, 1},
							Text: "原文为“审定或授权审批”：由分管副区长审定，或经授权审批；原文未写明授权谁审批。"}}},
					{basis: "40万元及以上的提请区长办公会议审定", text: "40万元及以上", lo: end{incl, "40万元"}, hi: end{top, ""},
						wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
				},
			},
			{
				clause:  Clause{22, 0, 5, 2},
				heading: "合同金额400万元及以上的项目",
				text:    "400万元及以上",
				lo:      end{incl, "400万元"},
				hi:      end{top, ""},
				basis:   "累计增减投资40万元（不含）以内的由行业主管部门审定，40万元（含）—100万元的由分管副区长审定，100万元（含）—400万元的提请区长办公会议审定，400万元及以上的提请区政府常务会议审定。",
				bands: []bandSpec{
					{basis: "累计增减投资40万元（不含）以内的由行业主管部门审定", text: "40万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "40万元"},
						wording: "由行业主管部门审定", steps: []Step{{"行业主管部门", "审定"}}},
					{basis: "40万元（含）—100万元的由分管副区长审定", text: "40万元（含）—100万元", lo: end{incl, "40万元"}, hi: end{implicit, "100万元"},
						wording: "由分管副区长审定", steps: []Step{{deputy, "审定"}}},
					{basis: "100万元（含）—400万元的提请区长办公会议审定", text: "100万元（含）—400万元", lo: end{incl, "100万元"}, hi: end{implicit, "400万元"},
						wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
					{basis: "400万元及以上的提请区政府常务会议审定", text: "400万元及以上", lo: end{incl, "400万元"}, hi: end{top, ""},
						wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
				},
			},
		},
	},
	{
		clause:   Clause{22, 0, 6, 1},
		category: "（六）担保融资类",
		heading:  "1．担保类（国有担保公司对外开展担保业务）",
		title:    "国有及国有控股企业以国有资产抵押或担保",
		basis:    "国有及国有控股企业以国有资产抵押或担保500万元（不含）以内的由常务副区长审定，500万元（含）—1000万元的提请区长办公会议审定，1000万元（含）—1亿元的提请区政府常务会议审定，1亿元及以上的提请区委常委会会议审定。",
		inputs:   []Input{{Name: "amount", Label: "抵押或担保金额", Kind: KindAmount, Unit: "万元", Hint: "以国有资产抵押或担保的金额。1亿元即10000万元。"}},
		bands: []bandSpec{
			{basis: "国有及国有控股企业以国有资产抵押或担保500万元（不含）以内的由常务副区长审定", text: "500万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "500万元"},
				wording: "由常务副区长审定", steps: []Step{{executiveVice, "审定"}}},
			{basis: "500万元（含）—1000万元的提请区长办公会议审定", text: "500万元（含）—1000万元", lo: end{incl, "500万元"}, hi: end{implicit, "1000万元"},
				wording: "提请区长办公会议审定", steps: []Step{{mayorsOffice, "审定"}}},
			{basis: "1000万元（含）—1亿元的提请区政府常务会议审定", text: "1000万元（含）—1亿元", lo: end{incl, "1000万元"}, hi: end{implicit, "1亿元"},
				wording: "提请区政府常务会议审定", steps: []Step{{executive, "审定"}}},
			{basis: "1亿元及以上的提请区委常委会会议审定", text: "1亿元及以上", lo: end{incl, "1亿元"}, hi: end{top, ""},
				wording: "提请区委常委会会议审定", steps: []Step{{partyCommittee, "审定"}}},
		},
	},
	{
		clause:   Clause{22, 0, 6, 2},
		category: "（六）担保融资类",
		heading:  "2．融资类（含国企互保）",
		title:    "国有及国有控股企业融资",
		basis:    "国有及国有控股企业融资5000万元（不含）以内的由常务副区长审定，5000万元及以上的提请区政府常务会议听取汇报，国有企业之间互保由被担保单位提请。",
		inputs:   []Input{{Name: "amount", Label: "融资金额", Kind: KindAmount, Unit: "万元", Hint: "国有及国有控股企业融资（含国企互保）的金额。"}},
		bands: []bandSpec{
			{basis: "国有及国有控股企业融资5000万元（不含）以内的由常务副区长审定", text: "5000万元（不含）以内", lo: end{bottom, ""}, hi: end{excl, "5000万元"},
				wording: "由常务副区长审定", steps: []Step{{executiveVice, "审定"}}, notes: []Note{{Clause: Clause{22, 0, 6, 2},
					Text: "国有企业之间互保的，由被担保单位提请。", Basis: "国有企业之间互保由被担保单位提请"}}},
			{basis: "5000万元及以上的提请区政府常务会议听取汇报", text: "5000万元及以上", lo: end{incl, "5000万元"}, hi: end{top, ""},
				wording: "提请区政府常务会议听取汇报", steps: []Step{{executive, "听取汇报"}}, notes: []Note{
					{Clause: Clause{22, 0, 6, 2}, Text: "原文规定提请区政府常务会议听取汇报，未另行规定由哪一机关审定。"},
					{Clause: Clause{22, 0, 6, 2}, Text: "国有企业之间互保的，由被担保单位提请。", Basis: "国有企业之间互保由被担保单位提请"},
				}},
		},
	},
}

// general holds the sentences that apply across matters. A nil matters
// list means every matter of article 二十二.
var general = []struct {
	rule    GeneralRule
	matters []string
}{
	{rule: GeneralRule{
		ID:     "agreement",
		Clause: Clause{22, 0, 0, 0},
		Basis:  "对外签订正式协议一律提请区政府常务会议研究",
		Text:   "涉及对外签订正式协议的，不论金额多少，一律提请区政府常务会议研究。",
		Reading: &Reading{
			Reading: "适用于本条各项事项的各个档次",
			Reason:  "该句以“其中”承接本条首句所列国有资产处置、重大项目投资、财政性资金安排、国有企业投融资、相关协议签订和招商引资等事宜，且用“一律”，不因金额档次而不同。",
		},
	}},
	{rule: GeneralRule{
		ID:       "topic-meeting",
		Clause:   Clause{22, 0, 0, 0},
		Basis:    "区政府专题会议审定事项须报区长和常务副区长同意",
		Text:     "由区政府专题会议审定的，须报区长和常务副区长同意。",
		Deciders: []string{topicMeeting},
	}},
	{rule: GeneralRule{
		ID:       "emergency",
		Clause:   Clause{22, 0, 1, 0},
		Basis:    "上述三类事项，若遇特别紧急情况，可先分送区政府领导同志审签再提请相关会议听取汇报。",
		Text:     "若遇特别紧急情况，可先分送区政府领导同志审签，再提请相关会议听取汇报。",
		Deciders: []string{topicMeeting, mayorsOffice, executive, partyCommittee},
		Reading: &Reading{
			Reading: "适用于第（一）项三类事项中由会议审定的档次",
			Reason:  "“再提请相关会议听取汇报”以该档次须提请会议为前提；由分管副区长、常务副区长审定的档次本不提请会议。",
		},
	}, matters: []string{"22.1.1", "22.1.2", "22.1.3"}},
	{rule: GeneralRule{
		ID:       "party-committee",
		Clause:   Clause{21, 0, 0, 0},
		Basis:    "需提请区委常委会会议审议的事项按《中国共产党重庆市开州区委员会工作规则》《中国共产党重庆市开州区第十四届委员会常务委员会工作规则》执行。",
		Text:     "提请区委常委会会议的，按《中国共产党重庆市开州区委员会工作规则》《中国共产党重庆市开州区第十四届委员会常务委员会工作规则》执行。",
		Deciders: []string{partyCommittee},
	}},
}
