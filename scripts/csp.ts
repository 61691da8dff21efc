/**
 * Print the built app's security headers (src/security/csp.ts) for a server config, with
 * extra origins a basemap needs added (docs/deploy.md):
 *   npx tsx scripts/csp.ts [--config dist/onemap.config.json] [https://origin ...]
 */
import { readFileSync } from 'node:fs';
import { basemapOriginsForCsp } from '../src/security/basemap-origins';
import { securityHeaders } from '../src/security/csp';

const args = process.argv.slice(2);
const origins: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--config') {
    const file = args[++i];
    if (!file) throw new Error('--config needs a file, e.g. --config dist/onemap.config.json');
    origins.push(...basemapOriginsForCsp(JSON.parse(readFileSync(file, 'utf8')), file));
  } else {
    origins.push(arg);
  }
}
for (const [name, value] of Object.entries(securityHeaders([...new Set(origins)]))) console.log(`${name}: ${value}`);
