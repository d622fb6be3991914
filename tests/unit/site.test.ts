import { describe, expect, it } from 'vitest';
import { sameSite, siteOf, siteOfHost } from '../../lib/site';

describe('site of an address (registrable domain, strict where unsure)', () => {
  it.each([
    ['www.xperiablog.net', 'xperiablog.net'],
    ['xperiablog.net', 'xperiablog.net'],
    ['m.blog.phandroid.com', 'phandroid.com'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['shop.example.co', 'example.co'],
    ['alice.github.io', 'alice.github.io'],
    ['www.alice.github.io', 'alice.github.io'],
    ['bob.blogspot.com', 'bob.blogspot.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['WWW.Example.COM.', 'example.com'],
  ])('%s → %s', (host, site) => {
    expect(siteOfHost(host)).toBe(site);
  });

  it('tells sites apart', () => {
    expect(sameSite('https://www.xperiablog.net/a/', 'https://phandroid.com/a/')).toBe(false);
    expect(sameSite('https://www.xperiablog.net/a/', 'http://xperiablog.net/b/')).toBe(true);
    expect(sameSite('https://alice.github.io/', 'https://bob.github.io/')).toBe(false);
    expect(sameSite('https://a.bbc.co.uk/', 'https://evil.co.uk/')).toBe(false);
    expect(sameSite('https://xperiablog.net.evil.com/', 'https://xperiablog.net/')).toBe(false);
    expect(sameSite('javascript:alert(1)', 'javascript:alert(1)')).toBe(false);
    expect(siteOf('not an address')).toBeNull();
  });
});
