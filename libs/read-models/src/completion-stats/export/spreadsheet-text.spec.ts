import { neutraliseFormula } from './spreadsheet-text';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Hải Phòng")', `'=HYPERLINK("http://evil.example","Hải Phòng")`],
    ['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tTab first', `'\tTab first`],
    ['\rCarriage return first', `'\rCarriage return first`],
    ['\u0001control', `'\u0001control`],
  ])('prefixes a cell that a spreadsheet would run: %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['Cục THADS TP Hải Phòng', 'HP-NGO-QUYEN', '-15.13', '4936', '-1', '0.00', '', 'a=b'])(
    'leaves ordinary text and plain numbers alone: %j',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});
