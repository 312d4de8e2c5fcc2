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

/** The line of a JSON.parse failure, from the position V8 puts in its message, when there is one. */
export function syntaxErrorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  const lineMatch = /line (\d+)/.exec(message);
  return lineMatch ? Number(lineMatch[1]) : null;
}
