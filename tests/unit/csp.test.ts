import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basemapOriginsForCsp } from '../../src/security/basemap-origins';
import { contentSecurityPolicy, securityHeaders } from '../../src/security/csp';

describe('the security headers (src/security/csp.ts)', () => {
  it('docs/deploy.md quotes the policy and every header exactly, in the text and in the nginx and Node examples', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    const policy = contentSecurityPolicy();
    expect(doc).toContain(`\n${policy}\n`); // the policy on its own line
    expect(doc).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(doc).toContain(`'Content-Security-Policy': "${policy}",`);
    const headers = Object.entries(securityHeaders());
    // Not a loop over nothing: the policy and the five other headers README lists.
    expect(headers.map(([name]) => name)).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy', 'Permissions-Policy']));
    for (const [name, value] of headers) {
      if (name === 'Content-Security-Policy') continue;
      expect(doc, name).toContain(`add_header ${name} "${value}" always;`);
      expect(doc, name).toContain(`'${name}': '${value}',`);
    }
  });

  it('allows only this origin, WebAssembly compilation and data: images; never inline script or eval', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("style-src 'self';"); // style="" markup refused
    // The one inline allowance is <style> elements (CodeMirror), see src/security/csp.ts.
    expect(policy.replace("style-src-elem 'self' 'unsafe-inline'", '')).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|blob:/);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('adds a basemap origin to connect-src and img-src only', () => {
    const policy = contentSecurityPolicy(['https://tiles.example.org']);
    expect(policy).toContain("connect-src 'self' https://tiles.example.org;");
    expect(policy).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(policy.match(/tiles\.example\.org/g)).toHaveLength(2);
  });

  it.each(['https://tiles.example.org/path', "https://x.org; script-src *", 'tiles.example.org', '*'])('refuses %s as an origin', (origin) => {
    expect(() => contentSecurityPolicy([origin])).toThrow(/scheme and host without a path/);
  });

  it.each([
    ['no basemap section', {}, []],
    ['the default', { basemap: { type: 'none' } }, []],
    ['tiles on this origin', { basemap: { type: 'xyz', tiles: ['/tiles/{z}/{x}/{y}.png'], attribution: 'a', datum: 'wgs84' } }, []],
    ['tiles elsewhere, two hosts', { basemap: { type: 'xyz', tiles: ['https://a.example.org/{z}/{x}/{y}.png', 'https://b.example.org:8443/{z}/{x}/{y}.png', 'https://a.example.org/2/{z}/{x}/{y}.png'], attribution: 'a', datum: 'gcj02' } }, ['https://a.example.org', 'https://b.example.org:8443']],
    ['a style elsewhere', { basemap: { type: 'style', url: 'http://styles.intranet/basic.json', datum: 'wgs84' } }, ['http://styles.intranet']],
    ['a PMTiles file here', { basemap: { type: 'pmtiles', url: '/tiles/lishui.pmtiles', attribution: 'a', datum: 'wgs84' } }, []],
  ])('basemap origins of a config: %s', (_name, config, origins) => {
    expect(basemapOriginsForCsp(config)).toEqual(origins);
  });
});
