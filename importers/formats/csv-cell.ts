// One cell of a CSV file the platform writes (RFC 4180 quoting), made safe to open in a spreadsheet: a
// text cell beginning with = + - @, a tab or a carriage return is read by Excel, WPS and LibreOffice as a
// formula (CSV injection, e.g. =HYPERLINK(...) from an attribute of an uploaded file), so it is prefixed
// with a single quote, which shows the text as text. Numbers, and text that is a plain number such as
// -3.5, are left as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text a value shows as in a spreadsheet: a formula start neutralised, plain numbers kept. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A value as one CSV cell: strings as they are, null as nothing, anything else as JSON; quoted when it must be. */
export function csvCell(value: unknown): string {
  const raw =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = neutraliseFormula(raw);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
