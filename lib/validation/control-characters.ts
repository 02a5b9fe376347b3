// PostgreSQL refuses a NUL byte in text, and no search, filter or name needs a control character, so a URL value or an
// uploaded field carrying one (U+0000–U+001F or DEL) is malformed wherever it arrives.

/** True when `s` holds a C0 control character (U+0000–U+001F) or DEL (U+007F). */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The first query parameter whose name or value holds a control character, or undefined when there is none. */
export function controlCharacterParam(search: URLSearchParams): string | undefined {
  for (const [key, value] of search.entries()) if (hasControlCharacter(key) || hasControlCharacter(value)) return key;
  return undefined;
}

/** The message refusing `param` for its control character. */
export function controlCharacterMessage(param: string): string {
  return `The parameter "${JSON.stringify(param).slice(1, -1)}" contains a control character (such as NUL); remove it and try again.`;
}
