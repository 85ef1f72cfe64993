const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'];

/** Thrown inside the scan with the offset it stopped at. */
class Stop {
  constructor(readonly at: number) {}
}

/**
 * Reads JSON text by RFC 8259 only to find where it goes wrong, because V8's messages name a
 * position for some mistakes and not for others (an unexpected letter). Nesting is bounded by the
 * caller's depth check, so the recursion stays shallow.
 */
class Scanner {
  i = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.i < this.text.length && WHITESPACE.has(this.text[this.i] as string)) this.i++;
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.i] !== char) throw new Stop(this.i);
    this.i++;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '{')
      return this.container('}', () => {
        this.skipSpace();
        if (this.text[this.i] !== '"') throw new Stop(this.i);
        this.string();
        this.expect(':');
        this.value();
      });
    if (c === '[') return this.container(']', () => this.value());
    if (c === '"') return this.string();
    const word = WORDS.find((w) => this.text.startsWith(w, this.i));
    if (word) {
      this.i += word.length;
      return;
    }
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(this.text) || NUMBER.lastIndex === this.i) throw new Stop(this.i);
    this.i = NUMBER.lastIndex;
  }

  /** An object or an array: members separated by commas, none trailing. */
  container(close: string, member: () => void): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      member();
      this.skipSpace();
      const c = this.text[this.i];
      this.i++;
      if (c === close) return;
      if (c !== ',') throw new Stop(this.i - 1);
    }
  }

  string(): void {
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i] as string;
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') throw new Stop(this.i);
      if (c === '\\') {
        const e = this.text[this.i + 1] ?? '';
        if (e === 'u' ? !HEX.test(this.text.slice(this.i + 2, this.i + 6)) : !ESCAPES.has(e)) throw new Stop(this.i);
        this.i += e === 'u' ? 6 : 2;
      } else {
        this.i++;
      }
    }
    throw new Stop(this.i);
  }
}

/**
 * The offset (from 0) of the first character at which `text` stops being JSON, or null when it is
 * JSON. An empty or cut-short text stops at its end.
 * @example jsonErrorOffset('{"a": tru}') // 6
 */
export function jsonErrorOffset(text: string): number | null {
  const scan = new Scanner(text);
  try {
    scan.value();
    scan.skipSpace();
    return scan.i < text.length ? scan.i : null;
  } catch (stop) {
    if (stop instanceof Stop) return Math.min(stop.at, text.length);
    throw stop;
  }
}
