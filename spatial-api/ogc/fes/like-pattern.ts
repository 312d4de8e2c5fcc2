// PropertyIsLike patterns (FES 2.0, 7.7.3.4) in SQL LIKE syntax: the filter's wildCard, singleChar and
// escapeChar become %, _ and a backslash, and a literal %, _ or backslash is escaped.
import { filterError } from './filter-error';

export interface LikeCharacters {
  wildCard: string;
  singleChar: string;
  escapeChar: string;
}

/** The escape character the translated pattern uses: write `LIKE $n ESCAPE '\'`. */
export const SQL_LIKE_ESCAPE = '\\';

export function likePattern(pattern: string, characters: LikeCharacters): string {
  const { wildCard, singleChar, escapeChar } = characters;
  for (const [name, value] of Object.entries(characters)) {
    if ([...value].length !== 1) {
      throw filterError(
        `PropertyIsLike的${name}应为一个字符，而不是“${value}”`,
        `the ${name} of PropertyIsLike must be one character, not "${value}"`,
      );
    }
  }
  if (new Set([wildCard, singleChar, escapeChar]).size !== 3) {
    throw filterError(
      'PropertyIsLike的wildCard、singleChar和escapeChar必须互不相同',
      'the wildCard, singleChar and escapeChar of PropertyIsLike must differ',
    );
  }
  let sql = '';
  let escaped = false;
  for (const character of pattern) {
    if (escaped) {
      sql += literal(character);
      escaped = false;
    } else if (character === escapeChar) escaped = true;
    else if (character === wildCard) sql += '%';
    else if (character === singleChar) sql += '_';
    else sql += literal(character);
  }
  // A trailing escape character escapes nothing: it stands for itself.
  if (escaped) sql += literal(escapeChar);
  return sql;
}

function literal(character: string): string {
  return character === '%' || character === '_' || character === SQL_LIKE_ESCAPE
    ? SQL_LIKE_ESCAPE + character
    : character;
}
