package search

// vlqDigits is the alphabet of the index's number strings: base64 digits,
// safe inside JSON and JavaScript strings without escaping.
const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// appendVLQ appends n as a variable-length quantity: groups of five bits,
// least significant first, each a base64 digit whose value 32 marks that
// another group follows. Numbers below 32 take one character, below 1024
// two. web/lib/search/vlq.ts decodes it.
func appendVLQ(b []byte, n int) []byte {
	if n < 0 {
		panic("search: negative VLQ")
	}
	for n >= 32 {
		b = append(b, vlqDigits[32|n&31])
		n >>= 5
	}
	return append(b, vlqDigits[n])
}
