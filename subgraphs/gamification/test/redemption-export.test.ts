// The CSV cell rule of the redemption export: RFC 4180 quoting and no cell a spreadsheet would run as a formula.
import { csvCell } from '../src/services/redemption-export.js';

test('plain cells pass; commas, quotes and line breaks are quoted; formula starts are defused', () => {
  expect(['ABC123', '40', '2026-12-07T10:00:00.000Z'].map(csvCell)).toEqual(['ABC123', '40', '2026-12-07T10:00:00.000Z']);
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
  expect(['=SUM(A1)', '+1', '-1', '@cmd'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd"]);
  expect(csvCell('=a,b')).toBe(`"'=a,b"`);
});
