/**
 * Conversions between the coordinate systems used by Chinese map data:
 * WGS84 (GPS, GeoJSON/RFC 7946), GCJ-02 ("Mars" coordinates, used by AMap/Tencent
 * and most Chinese web data) and BD-09 (Baidu). Pure functions, no I/O.
 *
 * Written from the well-known published formulas: GCJ-02 offset on the Krasovsky
 * 1940 ellipsoid (a = 6378245, ee = 0.00669342162296594323); BD-09 with
 * x_pi = π·3000/180. As in the standard reference implementations, the GCJ-02
 * offset is only applied inside the rough China bounding box (identity outside);
 * the BD-09 <-> GCJ-02 step itself is applied everywhere.
 */

/** A [longitude, latitude] pair in degrees. */
export type LonLat = [number, number];

const PI = Math.PI;
const X_PI = (PI * 3000.0) / 180.0;
const A = 6378245.0;
const EE = 0.00669342162296594323;

/** True when (lon, lat) falls inside the rough China bounding box where the GCJ-02 offset applies. */
export function isInsideChina(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

/** Latitude part of the GCJ-02 offset polynomial (x = lon − 105, y = lat − 35). */
function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * PI) + 320.0 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

/** Longitude part of the GCJ-02 offset polynomial (x = lon − 105, y = lat − 35). */
function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return ret;
}

/** GCJ-02 offset (dLon, dLat) in degrees at a WGS84 point, without the inside-China check. */
function gcjOffset(lon: number, lat: number): LonLat {
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return [dLon, dLat];
}

/** Converts WGS84 to GCJ-02 (identity outside China). */
export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (!isInsideChina(lon, lat)) return [lon, lat];
  const [dLon, dLat] = gcjOffset(lon, lat);
  return [lon + dLon, lat + dLat];
}

/** Converts GCJ-02 to WGS84 by fixed-point iteration of the forward transform (error < 1e-9°; identity outside China). */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (!isInsideChina(lon, lat)) return [lon, lat];
  // Start from the one-step approximation, then refine: wgs <- wgs - (F(wgs) - gcj).
  let [dLon, dLat] = gcjOffset(lon, lat);
  let wLon = lon - dLon;
  let wLat = lat - dLat;
  for (let i = 0; i < 30; i++) {
    [dLon, dLat] = gcjOffset(wLon, wLat);
    const errLon = wLon + dLon - lon;
    const errLat = wLat + dLat - lat;
    wLon -= errLon;
    wLat -= errLat;
    if (Math.abs(errLon) < 1e-12 && Math.abs(errLat) < 1e-12) break;
  }
  return [wLon, wLat];
}

/** Converts GCJ-02 to BD-09 (Baidu). */
export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** Converts BD-09 (Baidu) to GCJ-02 using the standard closed-form approximate inverse (error ~1e-6°). */
export function bd09ToGcj02(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** Converts BD-09 (Baidu) to WGS84 via GCJ-02. */
export function bd09ToWgs84(lon: number, lat: number): LonLat {
  const [gLon, gLat] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(gLon, gLat);
}

/** Converts WGS84 to BD-09 (Baidu) via GCJ-02. */
export function wgs84ToBd09(lon: number, lat: number): LonLat {
  const [gLon, gLat] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(gLon, gLat);
}
