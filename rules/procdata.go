package rules

// This file holds the procedures as data, in the notation of procSpec.
// The decider, action, wording and basis of outcomes, the basis of steps
// and duties (with their actors and actions) and the basis of notes are
// quoted from the text verbatim; labels, hints, readings and the texts of
// notes are written for the reader. Check verifies the data against itself
// and enumerates every combination of answers; the tests verify every
// quotation against the text.
var procedures = [...]procSpec{
	{id: "21", title: "会议事项", question: "这一事项由哪一会议讨论决定，之前须经哪些程序？", body: []string{`
? kind | 事项 | 按第二十一条、第二十二条首句和第十八条第二款所列事项选择。
- plan | 全区国民经济和社会发展计划
- budget | 财政预算及执行
- budget-adjust | 财政预算调整
- accounts | 财政决算
- debt | 债务管控
- planning | 重大规划
- macro | 贯彻国家宏观调控和改革开放的重大政策措施
- social | 社会管理重要事务
- normative | 区政府规范性文件
- dept-normative | 需报请区政府批准的区级部门规范性文件
- assets | 国有资产处置
- project | 重大项目投资
- funds | 财政性资金安排
- soe | 国有企业投融资
- agreement | 相关协议签订
- investment | 招商引资
- other | 其他事项
? formal | 是否对外签订正式协议 | | kind=assets,project,funds,soe,agreement,investment
? interest | 是否涉及市场主体和社会公众切身利益 | | kind=normative,dept-normative
? dept | 是否为区政府部门提请区政府研究决定的重大事项
? others | 是否涉及其他部门 | | dept=yes
? towns | 是否涉及镇乡（街道） | | dept=yes
? market | 是否涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等市场主体经济活动 | | dept=yes kind!=investment
? stability | 是否涉及重大公共利益和公众权益、容易引发社会稳定问题 | | dept=yes

# meeting | 21 | kind=plan,budget,budget-adjust,accounts,debt,planning,macro,social
= 区政府全体会议 | 讨论决定 | 须经区政府全体会议或区政府常务会议讨论决定 | 全区国民经济和社会发展计划、财政预算及执行、财政预算调整、财政决算、债务管控、重大规划、贯彻国家宏观调控和改革开放的重大政策措施、社会管理重要事务、政府规范性文件等须经区政府全体会议或区政府常务会议讨论决定 | 由区政府全体会议讨论决定
= 区政府常务会议 | 讨论决定 | | | 由区政府常务会议讨论决定
! 原文未写明何种情形提请区政府全体会议、何种情形提请区政府常务会议。
# normative | 18.p2 | kind=normative,dept-normative
= 区政府全体会议 | 审议决定 | 提请区政府全体会议或区政府常务会议审议决定 | 区政府规范性文件及需报请区政府批准的区级部门规范性文件，提请区政府全体会议或区政府常务会议审议决定 | 由区政府全体会议审议决定
= 区政府常务会议 | 审议决定 | | | 由区政府常务会议审议决定
! 原文未写明何种情形提请区政府全体会议、何种情形提请区政府常务会议。
# assets | 22 | kind=assets formal!=yes
= 区政府常务会议 | 讨论决定 | 分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定 | 国有资产处置、重大项目投资、财政性资金安排、国有企业投融资、相关协议签订和招商引资等事宜，分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定 | | 22
! 第（三）项规定国有资产处置按金额由企业、区国资委、分管国资工作的区政府领导同志、主管部门（镇乡街道）、区财政局决定，或提请区政府常务会议、区委常委会会议审定，未提请区长办公会议或区政府专题会议；故本句所列会议中只有区政府常务会议讨论决定国有资产处置。 | 500万元（含）—2000万元的提请区政府常务会议审定，2000万元及以上的提请区委常委会会议审定 | 22.3
# amount | 22 | kind=project,funds,soe,investment,agreement formal!=yes
= 区政府常务会议 | 讨论决定 | 分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定 | 国有资产处置、重大项目投资、财政性资金安排、国有企业投融资、相关协议签订和招商引资等事宜，分别由区政府常务会议、区长办公会议、区政府专题会议讨论决定 | 由区政府常务会议讨论决定
= 区长办公会议 | 讨论决定 | | | 由区长办公会议讨论决定
= 区政府专题会议 | 讨论决定 | | | 由区政府专题会议讨论决定
! 本句未写明哪一事宜由哪一会议讨论决定；第二十二条各项另按金额档次规定，部分档次由区政府领导同志、部门或企业决定，或提请区委常委会会议审定。
# agreement | 22 | formal=yes
= 区政府常务会议 | 研究 | 一律提请区政府常务会议研究 | 对外签订正式协议一律提请区政府常务会议研究
# other | 21 | kind=other dept=no
! 第二十一条、第二十二条所列事项之后均有“等”字，本规则未写明该事项由哪一会议讨论决定。
! 如属区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定。 | 区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定 | 7
# major | 7 | kind=other dept=yes
= 区政府全体会议 | 讨论决定 | 必须经区政府全体会议或区政府常务会议讨论决定 | 区政府工作中的重大事项，必须经区政府全体会议或区政府常务会议讨论决定 | 由区政府全体会议讨论决定
= 区政府常务会议 | 讨论决定 | | | 由区政府常务会议讨论决定
! 原文未写明何种情形提请区政府全体会议、何种情形提请区政府常务会议。

+
! 需提请区委常委会会议审议的，按区委工作规则执行。 | 需提请区委常委会会议审议的事项按《中国共产党重庆市开州区委员会工作规则》《中国共产党重庆市开州区第十四届委员会常务委员会工作规则》执行 | 21
+ kind=normative,dept-normative`, normativeSteps, `
+ kind=normative
< 区司法局 | 合法性审查 | 经区司法局进行合法性审查 | 43.2`, normativeFiling, `
! 第二十一条亦规定政府规范性文件须经区政府全体会议或区政府常务会议讨论决定。 | 政府规范性文件等须经区政府全体会议或区政府常务会议讨论决定 | 21
! 审定后，由分管有关业务工作的副区长核报区长签发（见公文审签）。 | 区政府出台规范性文件，经区司法局进行合法性审查，区政府全体会议或区政府常务会议审定后，由分管有关业务工作的副区长核报区长签发 | 43.2
+ kind=normative,dept-normative interest=yes`, normativeInterest, `
+ dept=yes
< | 深入调查研究 | 区政府各部门提请区政府研究决定的重大事项，必须经过深入调查研究，进行合法性、必要性、科学性、可行性和可控性评估论证 | 23.p1
< | 合法性、必要性、科学性、可行性和可控性评估论证
^ | 跟踪决策实施情况，了解利益相关方和社会公众对决策实施的意见和建议，全面评估决策执行效果，及时调整完善 | 在重大决策执行过程中，要跟踪决策实施情况，了解利益相关方和社会公众对决策实施的意见和建议，全面评估决策执行效果，及时调整完善 | 23.p2
+ dept=yes others=yes
< | 充分协商 | 涉及其他部门的，应当充分协商 | 23.p1
+ dept=yes towns=yes
< | 事先征求意见 | 涉及镇乡（街道）的，应当事先征求意见 | 23.p1
+ dept=yes market=yes
< | 公平竞争审查 | 涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查 | 23.p1
+ dept=yes kind=investment
< | 公平竞争审查 | 涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查 | 23.p1
! 第二十三条列明招商引资涉及市场主体经济活动，应当进行公平竞争审查。 | 涉及市场准入、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等涉及市场主体经济活动的，应当进行公平竞争审查 | 23.p1
+ dept=yes stability=yes
< | 社会稳定风险评估 | 涉及重大公共利益和公众权益、容易引发社会稳定问题的，要进行社会稳定风险评估，并采取听证会等多种形式听取各方面意见 | 23.p1
< | 采取听证会等多种形式听取各方面意见
+ kind=project,funds,soe,investment,agreement formal!=yes
! 由区政府专题会议审定的，须报区长和常务副区长同意。 | 区政府专题会议审定事项须报区长和常务副区长同意 | 22
+ kind=assets | 22.3.1 22.3.2
+ kind=funds | 22.1.3 22.2
+ kind=debt | 22.1.2
+ kind=soe | 22.4 22.6.2
+ kind=project | 22.1.1 22.4 22.5
! 原文未写明重大项目投资对应第二十二条哪一项；所列三项规定了与项目投资有关的金额档次。 | | 22
+ kind=investment,agreement formal!=yes
! 第二十二条各项未对该事宜规定金额档次。 | | 22
`}},
	{id: "43", title: "公文审签", question: "这份公文由谁签发，签发前须经哪些程序？", body: []string{`
? issuer | 发文机关 | 以谁的名义行文。
- gov | 区政府
- office | 区政府办公室
- party-group | 区政府党组
- joint | 党政联合行文
? to | 主送机关 | | issuer=gov
- city | 市政府、市政府办公厅
- city-dept | 市政府有关部门
- npc | 区人大及其常委会
- cppcc | 区政协
- other | 其他（如下发的公文、会议纪要）
? kind | 公文类别 | 按原文所列类别选择。 | issuer=gov,office,party-group to!=city
- request | 请求批准事项、商洽工作的公文 | to=city-dept
- bill | 提请审议的议案 | to=npc
- report | 通报重大情况的公文 | to=cppcc
- normative | 规范性文件 | to=other
- policy | 下发的涉及全局性、重大方针政策和重要工作部署的公文 | to=other
- minutes-executive | 区政府常务会议纪要 | to=other
- minutes-mayor | 区长办公会议纪要 | to=other
- minutes-topic | 区政府专题会议纪要 | to=other
- appointment | 人事任免公文 | issuer=gov
- fiscal | 下发的涉及财政、税收、机构、编制、人事等重大事项的公文 | issuer=office
- district-policy | 涉及全区性、重要政策和重要工作部署的公文 | issuer=office
- consult | 向市政府有关部门办公室和其他市、区、县政府办公室商洽工作的公文 | issuer=office
- joint | 与区委办公室联合行文需要会签的公文 | issuer=office
- reply | 对有关事项回复的公文 | issuer=office
- circular | 工作通报 | issuer=office
- routine | 涉及文秘、会议、活动、督查、值班、信息、行政事务等内容的公文 | issuer=office
- party-report | 报区委的请示、报告 | issuer=party-group
- minutes-party | 区政府党组会议纪要 | issuer=party-group
- major | 其他涉及重大事项的公文
- other | 其他公文
? beyond | 是否涉及决策权限以外的资金（预）安排、人员调配等重要事项 | | kind=request,minutes-topic
? important | 是否涉及重要内容 | | kind=routine
? deputies | 涉及几位副区长的分管工作 | | issuer=gov kind=other,request,minutes-topic beyond!=yes
- one | 一位
- several | 两位及以上
? interest | 是否涉及市场主体和社会公众切身利益 | | kind=normative

# city | 43.1 | issuer=gov to=city
= 区长 | 签发 | 由区长签发 | 区政府上报市政府和市政府办公厅的公文
# party-report | 43.1 | kind=party-report
= 区长 | 签发 | 由区长签发 | 区政府党组报区委的请示、报告
# bill | 43.1 | kind=bill
= 区长 | 签发 | 由区长签发 | 区政府提请区人大及其常委会审议的议案
# report | 43.1 | kind=report
= 区长 | 签发 | 由区长签发 | 向区政协通报重大情况的公文
# policy | 43.1 | kind=policy
= 区长 | 签发 | 由区长签发 | 区政府下发的涉及全局性、重大方针政策和重要工作部署的公文
# minutes-executive | 43.1 | kind=minutes-executive
= 区长 | 签发 | 由区长签发 | 区政府常务会议纪要
# minutes-party | 43.1 | kind=minutes-party
= 区长 | 签发 | 由区长签发 | 区政府党组会议纪要
# minutes-mayor | 43.1 | kind=minutes-mayor
= 区长 | 签发 | 由区长签发 | 区长办公会议纪要
# appointment | 43.1 | kind=appointment
= 区长 | 签发 | 由区长签发 | 人事任免公文
# fiscal | 43.1 | kind=fiscal
= 区长 | 签发 | 由区长签发 | 以区政府办公室名义下发的涉及财政、税收、机构、编制、人事等重大事项的公文
# major | 43.1 | kind=major
= 区长 | 签发 | 由区长签发 | 其他涉及重大事项的公文

# normative | 43.2 | kind=normative
= 区长 | 签发 | 由分管有关业务工作的副区长核报区长签发 | 区政府出台规范性文件，经区司法局进行合法性审查，区政府全体会议或区政府常务会议审定后，由分管有关业务工作的副区长核报区长签发
> 区司法局 | 合法性审查 | 经区司法局进行合法性审查
> 区政府全体会议或区政府常务会议 | 审定 | 区政府全体会议或区政府常务会议审定后
> 分管有关业务工作的副区长 | 核报 | 由分管有关业务工作的副区长核报区长签发
> 区长 | 签发 | 由分管有关业务工作的副区长核报区长签发
! 原文未写明何种情形由区政府全体会议、何种情形由区政府常务会议审定。

# one | 43.3 | issuer=gov kind=other deputies=one
= 分管副区长 | 签发 | 由分管副区长签发 | 除应由区长签发以外的区政府公文，属于一位副区长分管工作范围内的，由分管副区长签发
# several | 43.3 | issuer=gov kind=other deputies=several
= 区长 | 签发 | 由区长或负责区政府常务工作的副区长签发 | 涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发 | 由区长签发
> 有关副区长 | 会签提出意见
> 区长 | 签发
= 负责区政府常务工作的副区长 | 签发 | | | 由负责区政府常务工作的副区长签发
> 有关副区长 | 会签提出意见
> 负责区政府常务工作的副区长 | 签发
! 原文未写明何种情形由区长、何种情形由负责区政府常务工作的副区长签发。
# listed-beyond | 43.3 | kind=request,minutes-topic beyond=yes
= 区长 | 签发 | 核报由区长签发 | 涉及决策权限以外的资金（预）安排、人员调配等重要事项的核报由区长签发
> | 核报
> 区长 | 签发
! 本句紧接在向市政府有关部门请求批准事项和商洽工作的公文、区政府专题会议纪要之后，读作适用于这两类公文；原文未写明由谁核报。
# listed-one | 43.3 | kind=request,minutes-topic beyond=no deputies=one
= 分管副区长 | 签发 | 由分管副区长签发 | 区政府向市政府有关部门请求批准事项和商洽工作的公文，区政府专题会议纪要，由分管副区长签发
# listed-several | 43.3 | kind=request,minutes-topic beyond=no deputies=several
= 分管副区长 | 签发 | 由分管副区长签发 | 区政府向市政府有关部门请求批准事项和商洽工作的公文，区政府专题会议纪要，由分管副区长签发 | 按本项第二句，由分管副区长签发
= 区长 | 签发 | 由区长或负责区政府常务工作的副区长签发 | 涉及两位及以上副区长分管工作的，经有关副区长会签提出意见后，由区长或负责区政府常务工作的副区长签发 | 按本项第一句，由区长签发
> 有关副区长 | 会签提出意见
> 区长 | 签发
= 负责区政府常务工作的副区长 | 签发 | | | 按本项第一句，由负责区政府常务工作的副区长签发
> 有关副区长 | 会签提出意见
> 负责区政府常务工作的副区长 | 签发
! 本项第二句对这两类公文另有规定，但未写明涉及两位及以上副区长分管工作时适用哪一句、由哪位分管副区长签发。

# district-policy | 43.4 | kind=district-policy
= 分管副区长 | 签发 | 由分管副区长签发 | 涉及全区性、重要政策和重要工作部署的区政府办公室公文，由分管副区长签发
# office-either | 43.4 | kind=consult,joint,reply
= 区政府办公室主任 | 签发 | 由区政府办公室主任签发，或核报分管副区长签发 | 区政府办公室向市政府有关部门办公室和其他市、区、县政府办公室商洽工作的公文，区政府办公室与区委办公室联合行文需要会签的公文，区政府办公室对有关事项回复的公文，由区政府办公室主任签发，或核报分管副区长签发 | 由区政府办公室主任签发
= 分管副区长 | 签发 | | | 核报分管副区长签发
> | 核报
> 分管副区长 | 签发
! 原文未写明何种情形由区政府办公室主任签发、何种情形核报分管副区长签发，也未写明由谁核报。
# circular | 43.4 | kind=circular
= 区长、副区长 | 签发 | 由区长、副区长签发 | 工作通报由区长、副区长签发 | 由区长或副区长签发
= 区长、副区长 | 签发 | | | 由区长和副区长共同签发
! 原文“区长、副区长”中的顿号可读作“或”，也可读作“和”。该句在关于区政府办公室公文的第（四）项中，未写明是否适用于以区政府名义印发的工作通报。
# routine | 43.4 | kind=routine important=no
= 区政府办公室主任 | 签发 | 由区政府办公室主任签发 | 涉及文秘、会议、活动、督查、值班、信息、行政事务等内容的区政府办公室公文，由区政府办公室主任签发
# routine-important | 43.4 | kind=routine important=yes
= 分管副区长 | 签发 | 核报分管副区长签发 | 涉及重要内容的核报分管副区长签发
> | 核报
> 分管副区长 | 签发
! 原文未写明由谁核报。
# office-other | 43.4 | issuer=office kind=other
! 第四十三条未规定此类区政府办公室公文由谁签发。
# party-other | 43.1 | issuer=party-group kind=other
! 第四十三条未规定区政府党组其他公文由谁签发。
# joint | 43.5 | issuer=joint
! 本规则未规定党政联合行文由谁签发。 | 党政联合行文，按区委办公室、区政府办公室有关规定办理

+ kind=joint
! 如把区政府办公室与区委办公室联合行文也看作党政联合行文，第（五）项规定按区委办公室、区政府办公室有关规定办理；原文未写明两项如何衔接。 | 党政联合行文，按区委办公室、区政府办公室有关规定办理 | 43.5
+ kind=minutes-topic
! 区政府专题会议纪要所载审定事项，须报区长和常务副区长同意。 | 区政府专题会议审定事项须报区长和常务副区长同意 | 22
+ kind=normative`, normativeSteps, normativeFiling, `
! 原文未写明公开征求意见、合法性审核和完备性审核与区司法局合法性审查的先后，也未写明“合法性审核”与“合法性审查”是否为同一程序。 | | 18.p2
+ kind=normative interest=yes`, normativeInterest},
	},
}

// The steps and duties of article 十八 for a 规范性文件, shared by both
// procedures.
const (
	normativeSteps = `
< | 公开征求意见 | 未经公开征求意见、合法性审核和完备性审核的，不得提请区政府全体会议或区政府常务会议审议 | 18.p2
< | 合法性审核
< | 完备性审核
^ | 通过政府公报、门户网站等方式向社会公开发布 | 规范性文件应当及时通过政府公报、门户网站等方式向社会公开发布，未经公开发布的，不得作为行政管理依据 | 18.p3
`
	normativeFiling = `
^ | 向区人大常委会和市人民政府报送备案 | 区政府规范性文件公布后应按规定及时向区人大常委会和市人民政府报送备案 | 18.p3
`
	normativeInterest = `
< | 公平竞争审查 | 涉及市场主体和社会公众切身利益的规范性文件，要认真落实公平竞争审查、社会稳定风险评估等程序 | 18.p1
< | 社会稳定风险评估
! 需进行听证、论证或征求行业协会、商会意见的，按相关规定落实。 | 需进行听证、论证或征求行业协会、商会意见的，按相关规定落实
`
)
