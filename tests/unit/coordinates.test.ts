import { describe, expect, it } from "vitest";
import {
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  isInsideChina,
  wgs84ToBd09,
  wgs84ToGcj02,
} from "../../src/domain/coordinates";

type Case = { name: string; lon: number; lat: number };

const chinaPoints: Case[] = [
  { name: "Beijing, Tiananmen", lon: 116.397128, lat: 39.916527 },
  { name: "Lishui, Liandu", lon: 119.922796, lat: 28.46763 },
  { name: "Lishui, Qingyuan (SW corner)", lon: 118.72, lat: 27.45 },
  { name: "Shanghai", lon: 121.473701, lat: 31.230416 },
  { name: "Urumqi", lon: 87.616848, lat: 43.825592 },
  { name: "Haikou", lon: 110.19989, lat: 20.04422 },
  { name: "Harbin", lon: 126.534967, lat: 45.803775 },
];

const outsidePoints: Case[] = [
  { name: "Tokyo", lon: 139.767125, lat: 35.681236 },
  { name: "London", lon: -0.127758, lat: 51.507351 },
  { name: "Sydney", lon: 151.209296, lat: -33.86882 },
  { name: "Null island", lon: 0, lat: 0 },
];

describe("isInsideChina", () => {
  it.each(chinaPoints)("$name is inside", ({ lon, lat }) => {
    expect(isInsideChina(lon, lat)).toBe(true);
  });
  it.each(outsidePoints)("$name is outside", ({ lon, lat }) => {
    expect(isInsideChina(lon, lat)).toBe(false);
  });
});

describe("WGS84 <-> GCJ-02", () => {
  it.each(chinaPoints)("round trip wgs -> gcj -> wgs within 1e-6 at $name", ({ lon, lat }) => {
    const [gLon, gLat] = wgs84ToGcj02(lon, lat);
    // The offset is real (hundreds of metres) but bounded (< ~0.01 deg).
    const shift = Math.hypot(gLon - lon, gLat - lat);
    expect(shift).toBeGreaterThan(1e-4);
    expect(shift).toBeLessThan(1e-2);
    const [wLon, wLat] = gcj02ToWgs84(gLon, gLat);
    expect(Math.abs(wLon - lon)).toBeLessThan(1e-6);
    expect(Math.abs(wLat - lat)).toBeLessThan(1e-6);
  });

  it.each(chinaPoints)("round trip gcj -> wgs -> gcj within 1e-6 at $name", ({ lon, lat }) => {
    const [wLon, wLat] = gcj02ToWgs84(lon, lat);
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    expect(Math.abs(gLon - lon)).toBeLessThan(1e-6);
    expect(Math.abs(gLat - lat)).toBeLessThan(1e-6);
  });

  // Widely published Beijing pair: the GCJ-02 offset there is about +0.00624 deg lon, +0.00140 deg lat.
  const knownPairs: { name: string; wgs: [number, number]; gcj: [number, number] }[] = [
    { name: "Tiananmen", wgs: [116.397128, 39.916527], gcj: [116.40337, 39.91793] },
  ];
  it.each(knownPairs)("known pair $name", ({ wgs, gcj }) => {
    const [gLon, gLat] = wgs84ToGcj02(wgs[0], wgs[1]);
    expect(Math.abs(gLon - gcj[0])).toBeLessThan(1e-4);
    expect(Math.abs(gLat - gcj[1])).toBeLessThan(1e-4);
    const [wLon, wLat] = gcj02ToWgs84(gcj[0], gcj[1]);
    expect(Math.abs(wLon - wgs[0])).toBeLessThan(1e-4);
    expect(Math.abs(wLat - wgs[1])).toBeLessThan(1e-4);
  });

  it.each(outsidePoints)("is the identity outside China ($name)", ({ lon, lat }) => {
    expect(wgs84ToGcj02(lon, lat)).toEqual([lon, lat]);
    expect(gcj02ToWgs84(lon, lat)).toEqual([lon, lat]);
  });
});

describe("GCJ-02 <-> BD-09", () => {
  // The standard BD-09 -> GCJ-02 formula is a closed-form approximate inverse (error ~2e-6 deg, < 0.3 m).
  it.each(chinaPoints)("round trip gcj -> bd -> gcj within 1e-5 at $name", ({ lon, lat }) => {
    const [bLon, bLat] = gcj02ToBd09(lon, lat);
    // BD-09 adds roughly +0.0065 lon / +0.006 lat.
    expect(Math.abs(bLon - lon - 0.0065)).toBeLessThan(2e-3);
    expect(Math.abs(bLat - lat - 0.006)).toBeLessThan(2e-3);
    const [gLon, gLat] = bd09ToGcj02(bLon, bLat);
    expect(Math.abs(gLon - lon)).toBeLessThan(1e-5);
    expect(Math.abs(gLat - lat)).toBeLessThan(1e-5);
  });

  it.each(chinaPoints)("round trip wgs -> bd -> wgs within 1e-5 at $name", ({ lon, lat }) => {
    const [bLon, bLat] = wgs84ToBd09(lon, lat);
    const [wLon, wLat] = bd09ToWgs84(bLon, bLat);
    expect(Math.abs(wLon - lon)).toBeLessThan(1e-5);
    expect(Math.abs(wLat - lat)).toBeLessThan(1e-5);
  });

  it("wgs84ToBd09 equals gcj02ToBd09 after wgs84ToGcj02", () => {
    const [gLon, gLat] = wgs84ToGcj02(116.397128, 39.916527);
    expect(wgs84ToBd09(116.397128, 39.916527)).toEqual(gcj02ToBd09(gLon, gLat));
  });
});
