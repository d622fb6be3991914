import { describe, expect, it } from 'vitest';
import { absoluteUrl, blockText, foldSpace, monthOf, parseDate, textHash } from '../../layouts/text';
import { parsePage } from './helpers';

const el = (html: string) => parsePage(`<div id="x">${html}</div>`).getElementById('x')!;

describe('blockText', () => {
  it('separates paragraphs with a blank line and <br> with a newline, folding other whitespace', () => {
    expect(blockText(el('<p>one\n   two</p><p>three<br>four</p>'))).toBe('one two\n\nthree\nfour');
  });
  it('leaves out scripts, styles, buttons and whatever `skip` names', () => {
    expect(blockText(el('<p>a</p><script>x()</script><style>p{}</style><button>Reply</button><div class="reply">Reply</div>'),
      (e) => e.classList.contains('reply'))).toBe('a');
  });
  it('keeps line breaks inside <pre>', () => {
    expect(blockText(el('<pre>line 1\nline 2</pre>'))).toBe('line 1\nline 2');
  });
  it('gives an empty string for an element with no text', () => {
    expect(blockText(el('<p> </p><img alt="x">'))).toBe('');
  });
});

describe('parseDate', () => {
  it.each([
    ['2013-10-11T14:20:00+00:00', '2013-10-11T14:20:00.000Z'],
    ['2013-10-11T16:20:00+02:00', '2013-10-11T14:20:00.000Z'],
    ['October 12, 2013 at 5:49 am', '2013-10-12T05:49:00'],
    ['October 12, 2013 at 12:05 pm', '2013-10-12T12:05:00'],
    ['October 12, 2013 at 12:05 am', '2013-10-12T00:05:00'],
    ['Monday, September 23, 2013 5:49 PM', '2013-09-23T17:49:00'],
    ['8. August 2025 um 10:30 Uhr', '2025-08-08T10:30:00'],
    ['3. März 2025 14:05', '2025-03-03T14:05:00'],
    ['24.12.2024, 18:00', '2024-12-24T18:00:00'],
    // Machine values with other zone spellings.
    ['2012-10-12 14:05:00+0200', '2012-10-12T12:05:00.000Z'],
    ['2012-10-12T05:49:00Z', '2012-10-12T05:49:00.000Z'],
    // English, as themes of every era print it.
    ['October 12th, 2012 at 5:49 am', '2012-10-12T05:49:00'],
    ['September 2, 2007 @ 2:28 pm', '2007-09-02T14:28:00'],
    ['Oct. 3rd, 2012 at 11:05 pm', '2012-10-03T23:05:00'],
    ['12 October 2012', '2012-10-12T00:00:00'],
    ['9 December, 2011', '2011-12-09T00:00:00'],
    ['12th October 2012 at 17:49', '2012-10-12T17:49:00'],
    ['7 Aug 12 at 11:21 pm', '2012-08-07T23:21:00'],
    // German.
    ['19. Juni 2018 um 15:28 Uhr', '2018-06-19T15:28:00'],
    ['7. Dez 2018 um 13:22 Uhr', '2018-12-07T13:22:00'],
    ['16.03.2016 um 18:40', '2016-03-16T18:40:00'],
    ['16.03.2016 um 18:40 Uhr', '2016-03-16T18:40:00'],
    ['Ben 19. Juni 2018 um 15:28 Uhr - Antworten', '2018-06-19T15:28:00'],
    // French, Spanish, Italian, Dutch.
    ['12 octobre 2012 à 17:49', '2012-10-12T17:49:00'],
    ['1er février 2013 à 9h05', '2013-02-01T09:05:00'],
    ['12 de octubre de 2012 a las 17:49', '2012-10-12T17:49:00'],
    ['3 dicembre 2012 alle 8:15', '2012-12-03T08:15:00'],
    ['12 oktober 2012 om 17:49', '2012-10-12T17:49:00'],
    ['14 mei 2012', '2012-05-14T00:00:00'],
    // Numeric, year first.
    ['2012/10/12', '2012-10-12T00:00:00'],
    ['2012-10-12 14:05', '2012-10-12T14:05:00'],
    ['12-10-2012', '2012-10-12T00:00:00'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
  it.each([null, '', '10 years ago', 'vor 4 Monaten', 'Foo 12, 2013', '2013-99-99T99:99', '31.13.2012', 'Reader 12', 'May Li', '12/10/2012'])('%s → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });
  it.each([
    ['3 days ago', '2012-10-12T10:00:00', '2012-10-09T10:00:00'],
    ['about an hour ago', '2012-10-12T10:00:00', '2012-10-12T09:00:00'],
    ['2 weeks ago', '2012-10-15T10:30:00', '2012-10-01T10:30:00'],
    ['vor 2 Stunden', '2012-10-12T10:00:00', '2012-10-12T08:00:00'],
    ['vor einem Tag', '2012-10-12T10:00:00', '2012-10-11T10:00:00'],
    ['vor 5 Minuten', '2012-10-12T10:00:00+00:00', '2012-10-12T09:55:00.000Z'],
    ['il y a 3 jours', '2012-10-12T10:00:00', '2012-10-09T10:00:00'],
  ])('%s, on a page of %s → %s', (input, reference, expected) => {
    expect(parseDate(input, reference)).toBe(expected);
  });
  it('resolves relative dates against a Date, and gives null for words it cannot read or no usable reference', () => {
    expect(parseDate('3 days ago', new Date('2012-10-12T10:00:00Z'))).toBe('2012-10-09T10:00:00.000Z');
    expect(parseDate('3 fortnights ago', '2012-10-12T10:00:00')).toBeNull();
    expect(parseDate('3 days', '2012-10-12T10:00:00')).toBeNull();
    expect(parseDate('3 days ago', 'not a date')).toBeNull();
    expect(parseDate('3 days ago', null)).toBeNull();
    // A date in words wins over the reference.
    expect(parseDate('October 12, 2013 at 5:49 am', '2020-01-01T00:00:00')).toBe('2013-10-12T05:49:00');
  });
});

describe('small helpers', () => {
  it('foldSpace folds runs of whitespace', () => expect(foldSpace('  a \n\n b\t')).toBe('a b'));
  it('foldSpace folds every kind of space character (no-break, ideographic, line separator) and leaves single spaces', () => {
    expect(foldSpace('a\u00a0b\u3000c\u2028d  e')).toBe('a b c d e');
    expect(foldSpace('a b c')).toBe('a b c');
  });
  it('monthOf reads month names in any case and with accents, and nothing else (no object keys)', () => {
    expect([monthOf('October'), monthOf('OKT'), monthOf('février'), monthOf('Fevrier'), monthOf('mär')]).toEqual([10, 10, 2, 2, 3]);
    expect([monthOf('constructor'), monthOf('toString'), monthOf(''), monthOf('1306')]).toEqual([0, 0, 0, 0]);
  });
  it('absoluteUrl resolves against the page and rejects nonsense', () => {
    expect(absoluteUrl('#comment-1', 'https://a.example/p/')).toBe('https://a.example/p/#comment-1');
    expect(absoluteUrl(null, 'https://a.example/')).toBeNull();
    expect(absoluteUrl('http://[bad', 'https://a.example/')).toBeNull();
  });
  it('textHash is stable and differs for different texts', () => {
    expect(textHash('abc')).toBe(textHash('abc'));
    expect(textHash('abc')).not.toBe(textHash('abd'));
    expect(textHash('abc')).toMatch(/^[0-9a-f]{8}$/);
  });
});
