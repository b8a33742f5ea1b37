package rules

// Version names one version of a text: the document the rules encode.
type Version struct {
	// Title is the title as the text writes it, without 《》.
	Title string
	// Number is the document number (文号).
	Number string
	// Date is the date of the version (成文日期), ISO 8601.
	Date string
	// Effective is the date from which it applies (施行日期), ISO 8601,
	// and EffectiveBasis the words of the text that say so.
	Effective      string
	EffectiveBasis string
}

// Source is the version of the text every clause of this package cites
// and every answer rests on: the Work Rules of the Kaizhou District
// People's Government of 2021. The site pairs the rules with the
// document that carries this number, and refuses a document of the same
// title with another number or date: the rules would then be checked
// against, and shown beside, a text they do not encode.
var Source = Version{
	Title:          "重庆市开州区人民政府工作规则",
	Number:         "开州府发〔2021〕7号",
	Date:           "2021-04-01",
	Effective:      "2021-04-01",
	EffectiveBasis: "本文件自发布之日起实施",
}

// Citation names the version as an answer cites it:
// 《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号，2021年4月1日起施行）.
func (v Version) Citation() string {
	s := "《" + v.Title + "》（" + v.Number
	if d := chineseDate(v.Effective); d != "" {
		s += "，" + d + "起施行"
	}
	return s + "）"
}

// chineseDate writes an ISO date as 2021年4月1日, or "" when it is not one.
func chineseDate(iso string) string {
	if len(iso) != len("2021-04-01") || iso[4] != '-' || iso[7] != '-' {
		return ""
	}
	num := func(s string) string {
		for len(s) > 1 && s[0] == '0' {
			s = s[1:]
		}
		return s
	}
	return iso[:4] + "年" + num(iso[5:7]) + "月" + num(iso[8:]) + "日"
}
