// Where each value of a JSON text starts, by its JSON path as the server names it (`rules[2].params.distanceM`),
// so an error the server reports for a path can be shown on the line the user wrote it. A small reader of its
// own because JSON.parse keeps no positions; it reads only valid JSON (call JSON.parse first).

export type PathLines = Map<string, number>;

export function pathLines(text: string): PathLines {
  const lines: PathLines = new Map();
  let i = 0;
  let line = 1;

  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const child = (path: string, key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

  const readValue = (path: string, keyLine: number) => {
    skipSpace();
    lines.set(path || '$', keyLine);
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}' && i < text.length) {
        skipSpace();
        const at = line;
        const key = readString();
        skipSpace();
        i++; // the colon
        readValue(child(path, key), at);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '[') {
      i++;
      skipSpace();
      let index = 0;
      while (text[i] !== ']' && i < text.length) {
        skipSpace();
        readValue(child(path, index++), line);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };

  readValue('', 1);
  return lines;
}

/** The line of a path, or of its nearest written ancestor (a missing property is reported on its parent). */
export function lineOfPath(lines: PathLines, path: string): number {
  let current = path;
  while (current) {
    const found = lines.get(current);
    if (found !== undefined) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
  return lines.get('$') ?? 1;
}

/**
 * The line where a JSON text stops being valid JSON, or null when it is valid. The browser's JSON.parse
 * message gives no position in every engine, so the text is walked here with the grammar of RFC 8259.
 */
export function syntaxErrorLine(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new Error(String(i));
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[i] === ',') i++;
        else return void expect('}');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else return void expect(']');
      }
    }
    if (c === '"') return string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch {
    return text.slice(0, Math.min(i, text.length)).split('\n').length;
  }
}
