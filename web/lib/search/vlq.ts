// Decoder for the number strings of the search index, written by
// internal/search (appendVLQ): base64 digits carrying five bits each,
// least significant group first, the value 32 marking that another group
// follows.

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const VALUE: Int8Array = (() => {
  const v = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) v[DIGITS.charCodeAt(i)] = i;
  return v;
})();

/** Reader walks one number string from the start. */
export class Reader {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** done reports whether every number has been read. */
  done(): boolean {
    return this.pos >= this.s.length;
  }

  /** next returns the next number; it throws on a malformed string. */
  next(): number {
    let n = 0;
    let shift = 1;
    for (;;) {
      const c = this.s.charCodeAt(this.pos++);
      const d = c < 128 ? VALUE[c] : -1;
      if (d < 0) throw new Error("search index: bad number string");
      n += (d & 31) * shift;
      if (d < 32) return n;
      shift *= 32;
    }
  }
}
