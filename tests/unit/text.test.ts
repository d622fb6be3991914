import { describe, expect, it } from 'vitest';
import { absoluteUrl, blockText, foldSpace, parseDate, textHash } from '../../layouts/text';
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
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
  it.each([null, '', '10 years ago', 'vor 4 Monaten', 'Foo 12, 2013', '2013-99-99T99:99'])('%s → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('small helpers', () => {
  it('foldSpace folds runs of whitespace', () => expect(foldSpace('  a \n\n b\t')).toBe('a b'));
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
