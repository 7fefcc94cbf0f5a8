import { describe, expect, it } from 'vitest';
import {
  callbackComparisonKey,
  explainDifference,
  isLoopbackHost,
  isPrivateUseScheme,
  parseUrl,
} from '../src/model/urls.js';

describe('parseUrl', () => {
  it('parses absolute https URLs', () => {
    const parsed = parseUrl('https://login.salesforce.com/services/oauth2/success');
    expect(parsed.ok).toBe(true);
    expect(parsed.scheme).toBe('https');
    expect(parsed.problem).toBeUndefined();
    expect(parsed.url?.hostname).toBe('login.salesforce.com');
    expect(parsed.url?.pathname).toBe('/services/oauth2/success');
  });

  it('lower-cases the scheme', () => {
    const parsed = parseUrl('HTTPS://Example.COM/cb');
    expect(parsed.ok).toBe(true);
    expect(parsed.scheme).toBe('https');
    expect(parsed.url?.hostname).toBe('example.com');
  });

  it('parses private-use schemes with and without an authority', () => {
    const reverseDomain = parseUrl('com.example.app:/cb');
    expect(reverseDomain).toMatchObject({ ok: true, scheme: 'com.example.app' });
    expect(reverseDomain.url?.pathname).toBe('/cb');
    expect(reverseDomain.url?.host).toBe('');

    const myapp = parseUrl('myapp://cb');
    expect(myapp).toMatchObject({ ok: true, scheme: 'myapp' });
    expect(myapp.url?.host).toBe('cb');

    expect(parseUrl('sfdc://success')).toMatchObject({ ok: true, scheme: 'sfdc' });
  });

  it('reports relative and empty values', () => {
    expect(parseUrl('')).toEqual({ ok: false, scheme: '', problem: 'empty URL' });
    expect(parseUrl('   ')).toMatchObject({ ok: false, scheme: '' });
    expect(parseUrl('/services/oauth2/callback')).toEqual({
      ok: false,
      scheme: '',
      problem: 'not an absolute URL (no scheme)',
    });
    expect(parseUrl('login.salesforce.com/cb')).toMatchObject({ ok: false, scheme: '' });
    expect(parseUrl('//example.com/cb').problem).toMatch(/not an absolute URL/);
  });

  it('reports unparseable values with a scheme', () => {
    const parsed = parseUrl('https://exa mple.com/cb');
    expect(parsed.ok).toBe(false);
    expect(parsed.scheme).toBe('https');
    expect(parsed.problem).toMatch(/not a valid https URL/);
    expect(parseUrl('http://[::1/cb')).toMatchObject({ ok: false, scheme: 'http' });
    expect(parseUrl('https://example.com:99999/cb').ok).toBe(false);
  });

  it('never throws', () => {
    for (const value of [undefined, null, 42, {}, '\u0000', '::::', 'http://']) {
      expect(() => parseUrl(value as unknown as string)).not.toThrow();
    }
    expect(parseUrl(undefined as unknown as string).ok).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  const hostOf = (value: string): string => {
    const parsed = parseUrl(value);
    if (!parsed.url) throw new Error(`unparseable ${value}`);
    return parsed.url.hostname;
  };

  it('recognises loopback callback URLs', () => {
    expect(isLoopbackHost(hostOf('http://localhost:1717/OauthRedirect'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://127.0.0.1:8080/cb'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://[::1]/cb'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://LOCALHOST/cb'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://app.localhost:3000/cb'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://127.1/cb'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://[0:0:0:0:0:0:0:1]:8080/cb'))).toBe(true);
  });

  it('accepts raw host spellings', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('localhost.')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('::ffff:127.0.0.1')).toBe(true);
  });

  it('rejects other hosts', () => {
    expect(isLoopbackHost('example.com')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('notlocalhost')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('[::2]')).toBe(false);
    expect(isLoopbackHost('::')).toBe(false);
    expect(isLoopbackHost('')).toBe(false);
    expect(isLoopbackHost('exa mple')).toBe(false);
  });
});

describe('isPrivateUseScheme', () => {
  it('accepts native app schemes', () => {
    expect(isPrivateUseScheme(parseUrl('com.example.app:/cb').scheme)).toBe(true);
    expect(isPrivateUseScheme(parseUrl('myapp://cb').scheme)).toBe(true);
    expect(isPrivateUseScheme('sfdc')).toBe(true);
    expect(isPrivateUseScheme('com.example.app:')).toBe(true);
    expect(isPrivateUseScheme('My-App+v2')).toBe(true);
  });

  it('rejects web and dangerous schemes', () => {
    for (const scheme of ['http', 'https', 'HTTPS', 'javascript', 'data', 'file', 'ftp', 'blob', 'about', 'mailto']) {
      expect(isPrivateUseScheme(scheme), scheme).toBe(false);
    }
  });

  it('rejects strings that are not schemes', () => {
    expect(isPrivateUseScheme('')).toBe(false);
    expect(isPrivateUseScheme('1app')).toBe(false);
    expect(isPrivateUseScheme('my app')).toBe(false);
    expect(isPrivateUseScheme('my_app')).toBe(false);
  });
});

describe('callbackComparisonKey', () => {
  it('maps spelling variants of the same callback together', () => {
    const key = callbackComparisonKey('https://example.com/oauth/callback');
    expect(key).toBe('https://example.com/oauth/callback');
    for (const variant of [
      'https://example.com/oauth/callback/',
      'HTTPS://EXAMPLE.com/oauth/callback',
      'https://example.com:443/oauth/callback',
      'http://example.com/oauth/callback',
      'http://example.com:80/oauth/callback/',
      'Http://Example.Com:80/oauth/callback',
    ]) {
      expect(callbackComparisonKey(variant), variant).toBe(key);
    }
  });

  it('keeps differences that matter apart', () => {
    const key = callbackComparisonKey('https://example.com/oauth/callback');
    for (const other of [
      'https://example.com/OAuth/callback', // path is case-sensitive
      'https://example.com:8443/oauth/callback',
      'http://example.com:443/oauth/callback', // 443 is not http's default port
      'https://example.org/oauth/callback',
      'https://example.com/oauth/callback?x=1',
      'https://example.com/oauth/callback#frag',
      'https://example.com/oauth/callback//',
      'https://user@example.com/oauth/callback',
    ]) {
      expect(callbackComparisonKey(other), other).not.toBe(key);
    }
  });

  it('handles a bare origin', () => {
    expect(callbackComparisonKey('https://example.com')).toBe('https://example.com');
    expect(callbackComparisonKey('https://example.com/')).toBe('https://example.com');
  });

  it('handles loopback and private-use callbacks', () => {
    expect(callbackComparisonKey('http://localhost:1717/OauthRedirect')).toBe('https://localhost:1717/OauthRedirect');
    expect(callbackComparisonKey('http://[::1]/cb/')).toBe('https://[::1]/cb');
    expect(callbackComparisonKey('com.example.app:/cb')).toBe('com.example.app:/cb');
    expect(callbackComparisonKey('COM.Example.App:/cb/')).toBe('com.example.app:/cb');
    expect(callbackComparisonKey('myapp://CB')).toBe('myapp://cb');
    expect(callbackComparisonKey('myapp://cb')).not.toBe(callbackComparisonKey('myapp:/cb'));
  });

  it('falls back to the trimmed string for unparseable values', () => {
    expect(callbackComparisonKey('  /relative/cb  ')).toBe('/relative/cb');
    expect(callbackComparisonKey('')).toBe('');
  });
});

describe('explainDifference', () => {
  const base = 'https://example.com/oauth/callback';

  it('explains each kind of difference', () => {
    expect(explainDifference(base, `${base}/`)).toEqual(['trailing slash']);
    expect(explainDifference(base, 'https://EXAMPLE.com/oauth/callback')).toEqual(['letter case of scheme or host']);
    expect(explainDifference(base, 'HTTPS://example.com/oauth/callback')).toEqual(['letter case of scheme or host']);
    expect(explainDifference(base, 'https://example.com:443/oauth/callback')).toEqual(['default port']);
    expect(explainDifference(base, 'http://example.com/oauth/callback')).toEqual(['http versus https']);
    expect(explainDifference('https://example.com', 'https://example.com/')).toEqual(['trailing slash']);
    expect(explainDifference('myapp://cb', 'MyApp://cb')).toEqual(['letter case of scheme or host']);
    expect(explainDifference('com.example.app:/cb', 'com.example.app:/cb/')).toEqual(['trailing slash']);
  });

  it('lists every reason that applies', () => {
    expect(explainDifference(base, 'HTTP://Example.com:80/oauth/callback/')).toEqual([
      'trailing slash',
      'letter case of scheme or host',
      'default port',
      'http versus https',
    ]);
    expect(explainDifference('http://localhost:80/cb', 'https://localhost/cb')).toEqual([
      'default port',
      'http versus https',
    ]);
  });

  it('is symmetric', () => {
    const other = 'http://Example.com/oauth/callback/';
    expect(explainDifference(other, base)).toEqual(explainDifference(base, other));
  });

  it('returns nothing for identical strings or different callbacks', () => {
    expect(explainDifference(base, base)).toEqual([]);
    expect(explainDifference(base, 'https://example.com/oauth/other')).toEqual([]);
    expect(explainDifference(base, 'https://example.com/OAuth/callback')).toEqual([]);
    expect(explainDifference('not a url', 'also not')).toEqual([]);
  });
});

describe('a URL whose scheme was forgotten', () => {
  it('host:port is not taken for a private-use scheme', async () => {
    const { parseUrl } = await import('../src/model/urls.js');
    expect(parseUrl('localhost:1717/OauthRedirect')).toMatchObject({ ok: false, scheme: '' });
    expect(parseUrl('app.example.com:8443')).toMatchObject({ ok: false });
    expect(parseUrl('com.example.app:/oauth')).toMatchObject({ ok: true, scheme: 'com.example.app' });
  });
});
