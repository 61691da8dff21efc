import { externalBasemapUrls, parseBasemapConfig } from '../map/basemap-config.js';

// Relative URLs in the config resolve against this and so count as the page's own origin.
const PAGE_ORIGIN_PLACEHOLDER = 'http://page.onemap.invalid';

/**
 * The origins outside the page that a basemap config (the parsed onemap.config.json)
 * makes the browser request, which the CSP must then allow (docs/basemap.md). Only the
 * URLs in the config are known here: whatever a configured style references in turn
 * (its tiles, glyphs, sprites) has to be added by hand (docs/deploy.md).
 */
export function basemapOriginsForCsp(configJson: unknown, source = 'onemap.config.json'): string[] {
  const config = parseBasemapConfig(configJson, source);
  const origins = externalBasemapUrls(config, PAGE_ORIGIN_PLACEHOLDER).map((url) => new URL(url).origin);
  return [...new Set(origins)];
}
