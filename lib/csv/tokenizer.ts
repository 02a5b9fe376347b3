import { CsvError } from "csv-parse";

// A fast RFC 4180 tokenizer for large imports (about 5× csv-parse on FOCUS files): text in, records
// out, carrying an unfinished record across chunks. UTF-8 BOM dropped; CRLF, LF or CR end a record;
// blank lines skipped; each record carries the physical line it starts on.

export type CsvRecord = { fields: string[]; line: number };

/** A csv-parse CsvError (code, `lines`), so callers written against csv-parse keep working. */
export class CsvSyntaxError extends CsvError {
  override name = "CsvSyntaxError";
  readonly line: number;
  constructor(code: "CSV_QUOTE_NOT_CLOSED" | "CSV_INVALID_CLOSING_QUOTE" | "CSV_MAX_RECORD_SIZE", message: string, line: number) {
    super(code, message, undefined, { lines: line });
    this.line = line;
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private rest = "";
  private line = 1;
  private started = false;

  /** `maxRecord`: the longest record accepted, in characters; a longer one fails as soon as that much of it has arrived. */
  constructor(private readonly maxRecord = Infinity) {}

  /** Characters of the unfinished record carried over to the next push. */
  get pending(): number {
    return this.rest.length;
  }

  /** Adds text; complete records are appended to `out`. */
  push(text: string, out: CsvRecord[]): void {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.rest = this.parse(this.rest.length ? this.rest + text : text, false, out);
    if (this.rest.length > this.maxRecord) this.tooLong(this.line);
  }

  private tooLong(line: number): never {
    throw new CsvSyntaxError(
      "CSV_MAX_RECORD_SIZE",
      `a record is longer than ${this.maxRecord.toLocaleString("en-US")} characters (a missing line break or quote?)`,
      line,
    );
  }

  /** No more text: the last record may lack its newline; an open quote is an error. */
  end(out: CsvRecord[]): void {
    this.rest = this.parse(this.rest, true, out);
  }

  private parse(text: string, final: boolean, out: CsvRecord[]): string {
    const len = text.length;
    let p = 0;
    while (p < len) {
      const start = p;
      const startLine = this.line;
      let breaks = 0;
      const fields: string[] = [];
      let complete = false;
      let sawQuote = false;
      for (;;) {
        if (p < len && text.charCodeAt(p) === QUOTE) {
          sawQuote = true;
          let q = p + 1;
          let value = "";
          let closed = -1;
          for (;;) {
            const k = text.indexOf('"', q);
            if (k < 0) break;
            if (k + 1 < len && text.charCodeAt(k + 1) === QUOTE) {
              value += text.slice(q, k + 1);
              q = k + 2;
              continue;
            }
            if (k + 1 >= len && !final) break;
            value += text.slice(q, k);
            closed = k;
            break;
          }
          if (closed < 0) {
            if (final)
              throw new CsvSyntaxError("CSV_QUOTE_NOT_CLOSED", 'a quoted field is never closed (a " is missing)', startLine + breaks);
            return text.slice(start);
          }
          if (value.indexOf("\n") >= 0 || value.indexOf("\r") >= 0) breaks += countBreaks(value);
          fields.push(value);
          p = closed + 1;
          if (p < len) {
            const c = text.charCodeAt(p);
            if (c !== COMMA && c !== LF && c !== CR) {
              throw new CsvSyntaxError(
                "CSV_INVALID_CLOSING_QUOTE",
                `unexpected text after a closing quote in field ${fields.length}`,
                startLine + breaks,
              );
            }
          }
        } else {
          let k = p;
          while (k < len) {
            const c = text.charCodeAt(k);
            if (c === COMMA || c === LF || c === CR) break;
            k++;
          }
          if (k >= len && !final) return text.slice(start);
          fields.push(text.slice(p, k));
          p = k;
        }
        if (p >= len) {
          complete = true;
          break;
        }
        const c = text.charCodeAt(p);
        if (c === COMMA) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= len && !final) return text.slice(start);
          p += p + 1 < len && text.charCodeAt(p + 1) === LF ? 2 : 1;
        } else p++;
        complete = true;
        break;
      }
      if (!complete) return text.slice(start);
      if (p - start > this.maxRecord) this.tooLong(startLine);
      this.line = startLine + breaks + 1;
      if (fields.length === 1 && fields[0] === "" && !sawQuote) continue;
      out.push({ fields, line: startLine });
    }
    return "";
  }
}

function countBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (value.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}
