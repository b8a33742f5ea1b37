package rules

// Source is the document number (文号) of the text every clause of this
// package cites: the Work Rules of the Kaizhou District People's
// Government. The site links and checks the rules against the document
// that carries this number.
const Source = "开州府发〔2021〕7号"
