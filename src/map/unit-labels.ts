import { TextLayer } from '@deck.gl/layers';

export interface UnitLabel { code: string; name: string; lon: number; lat: number }

/**
 * Unit names drawn by deck.gl from the system's CJK fonts into a font atlas: no glyph
 * server, so labels work offline (maplibre symbol layers would need one).
 */
export function createUnitLabelsLayer(id: string, labels: UnitLabel[], options: { visible: boolean; size: number; color: [number, number, number, number] }): TextLayer<UnitLabel> {
  return new TextLayer<UnitLabel>({
    id,
    data: labels,
    visible: options.visible,
    getPosition: (d) => [d.lon, d.lat],
    getText: (d) => d.name,
    getSize: options.size,
    getColor: options.color,
    characterSet: 'auto',
    fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    fontWeight: 600,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    sizeUnits: 'pixels',
    billboard: true,
  });
}
