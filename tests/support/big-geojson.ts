import { writeFileSync } from 'node:fs';

/**
 * Writes a GeoJSON FeatureCollection of at least `megabytes` MB: small square grids
 * (0.001°) in rows of 1,000 from (119, 28), coded G0, G1 …, each with a 40-character
 * Chinese note. Returns how many features it wrote.
 */
export function writeBigGeoJson(path: string, megabytes = 50): number {
  const features: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const x = 119 + (i % 1000) * 0.001;
    const y = 28 + Math.floor(i / 1000) * 0.001;
    const ring = [[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]].map(([a, b]) => `[${a!.toFixed(6)},${b!.toFixed(6)}]`).join(',');
    const feature = `{"type":"Feature","properties":{"code":"G${i}","name":"网格 ${i}","note":"${'注'.repeat(40)}"},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}`;
    features.push(feature);
    bytes += Buffer.byteLength(feature) + 1;
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`);
  return features.length;
}
