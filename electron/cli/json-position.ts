/**
 * Where a JSON text stops being JSON, as an offset with line and column. V8's JSON.parse messages give a
 * position for some errors and not for others ("Unexpected token '}', ... is not valid JSON"), so this small
 * strict scanner (RFC 8259) finds the first bad character itself. It only locates; JSON.parse still parses.
 */

export interface JsonSyntaxError {
  /** Offset in characters (UTF-16 units) from the start of the text. */
  offset: number;
  /** 1-based line and column of the offset. */
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n') return 'a line break';
  if (ch === "'") return 'a single quote (JSON takes double quotes)';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  run(): void {
    this.space();
    this.value();
    this.space();
    if (this.i < this.text.length)
      this.fail(`unexpected ${describeChar(this.text[this.i])} after the end of the JSON value`);
  }

  private fail(message: string): never {
    throw new Stop(this.i, message);
  }

  private space(): void {
    while (this.i < this.text.length && WHITESPACE.has(this.text[this.i])) this.i++;
  }

  private value(): void {
    const ch = this.text[this.i];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    if (ch === "'") this.fail('expected a value; strings take double quotes ("), not single quotes (\')');
    WORD.lastIndex = this.i;
    const word = WORD.exec(this.text);
    if (word !== null) {
      this.fail(
        `expected a value (object, array, string, number, true, false or null) but found '${word[0].slice(0, 40)}'`,
      );
    }
    this.fail(`expected a value (object, array, string, number, true, false or null) but found ${describeChar(ch)}`);
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') {
        this.fail(`expected a property name in double quotes but found ${describeChar(this.text[this.i])}`);
      }
      this.string();
      this.space();
      if (this.text[this.i] !== ':')
        this.fail(`expected ':' after the property name but found ${describeChar(this.text[this.i])}`);
      this.i++;
      this.space();
      this.value();
      this.space();
      const ch = this.text[this.i];
      if (ch === '}') {
        this.i++;
        return;
      }
      if (ch !== ',') this.fail(`expected ',' or '}' after a property value but found ${describeChar(ch)}`);
      this.i++;
      this.space();
      if (this.text[this.i] === '}') this.fail("a trailing comma before '}' is not allowed in JSON");
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      this.value();
      this.space();
      const ch = this.text[this.i];
      if (ch === ']') {
        this.i++;
        return;
      }
      if (ch !== ',') this.fail(`expected ',' or ']' after an array element but found ${describeChar(ch)}`);
      this.i++;
      this.space();
      if (this.text[this.i] === ']') this.fail("a trailing comma before ']' is not allowed in JSON");
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const ch = this.text[this.i];
      if (ch === undefined) this.fail('the string is not closed: the file ends inside it');
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch.charCodeAt(0) < 0x20) this.fail(`${describeChar(ch)} inside a string must be escaped`);
      if (ch === '\\') {
        const next = this.text[this.i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          this.i += 2;
          continue;
        }
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
          this.i += 6;
          continue;
        }
        this.fail('bad escape in a string (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
      this.i++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('bad number: JSON numbers look like 12, -3.5 or 1e6');
    this.i += match[0].length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return { offset: error.offset, line, column, message: error.message };
  }
}
