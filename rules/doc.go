// Package rules answers "who decides this matter?" under article 二十二 of
// the Work Rules of the Kaizhou District People's Government
// (重庆市开州区人民政府工作规则, 2021), "who signs this document?" under
// article 四十三 and "which meeting decides this matter, and what must
// come first?" under articles 二十一, 七, 十八, 二十二 and 二十三, "who
// approves a document sent to the district government?" under articles
// 四十一 and 四十二, and keeps every answer tied to the words of the text.
//
// # Matters, bands and decisions
//
// Each matter of the article is a [Matter], identified by its clause path
// ("22.1.1" for 第二十二条第（一）项第1目). A matter asks for one or two
// amounts in 万元 ([Input]) and holds its band table: a list of [Band]s
// over its one input, or, for 22.5, one [Table] per band of 合同金额 each
// holding bands over 累计增减投资, because the text routes the two
// sub-items differently. Every band is an explicit [Interval] whose ends
// ([Bound]) follow the text: （含） closed, （不含） open, 及以上 closed.
// Where the text leaves an end implicit, the bound carries the [Reading]
// that was taken and why, so that the site can show it.
//
// A band's [Decision] names the body that decides exactly as the text
// names it (区政府常务会议, 分管副区长, 区国资委…), how it decides (审定,
// 审批, 研究决定, 听取汇报…), the steps that lead to it, the duties beside
// it (向区国资委报备), the clause it comes from and the words it rests
// on, verbatim. The article's general sentences ([GeneralRule]) are
// attached to every decision they apply to.
//
// # Procedures
//
// Who signs a document (公文审签, "43"), which meeting decides a matter
// (会议事项, "21"), who approves a document a 镇乡 or 部门 sends to the
// district government (公文报送与审批, "42", articles 四十一 and 四十二) and
// whether and how a 部门 issues a document itself (部门发文, "44")
// depend on kinds, not amounts: each is a [Procedure]
// whose inputs are choices ([KindChoice]), asked or offered only when
// conditions on earlier answers hold ([Condition]). Exactly one [Branch]
// answers each combination of answers, with its [Outcome]s: one where the
// text answers — also where it names alternatives itself (由区长或负责区政府
// 常务工作的副区长签发: one outcome, its Either listing them) — several
// only where its words allow several readings (each saying how it reads
// the text), none where it is silent (its notes say so). [Provision]s of
// this and other articles add steps before, duties after, notes and the
// matters of article 二十二 to ask by amount. The procedures are plain
// values (procdata.go), each branch written beside the words it quotes.
// Procedures are kept apart from [Matters]: [Procedures],
// [LookupProcedure] and [RouteProcedure] return them.
//
// # Version
//
// [Source] names the version of the text the data encodes (title, 文号,
// dates); every answer carries it, and the site refuses to pair the data
// with another version of the text.
//
// # Amounts
//
// Amounts are exact decimals ([decimal.Decimal]) in 万元, never floats:
// "4999.9999999999999999" is below 5000. [ParseAmount] accepts what staff
// type (800, 800万, 800万元, 0.08亿元, 8000000元, 1,000万元, ８００) and
// rejects everything else with an [*Error] whose Code is stable ASCII and
// whose Message tells the user, in Chinese, what to do.
//
// # Checked, not trusted
//
// [Check] verifies the tables against themselves and against their own
// quoted text: bands ascend without gap or overlap, every explicit end
// matches the interval as written, every implicit end has a reading,
// every decider and action occurs in the words quoted for it, and every
// phrase of every quoted sentence is used exactly once. For the
// procedures it enumerates every combination of answers and reports
// combinations that no branch answers, overlapping branches and anything
// unreachable.
//
// The package is a pure leaf: it imports only the standard library and
// github.com/shopspring/decimal, and does no I/O, so that the same code
// runs in the site build and, compiled to WebAssembly, in the browser.
// It never changes decimal's package-level settings, nor depends on them.
package rules
