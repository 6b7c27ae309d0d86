/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 *
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
