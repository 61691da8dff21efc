import { TextLayer } from '@deck.gl/layers';
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions';

const collisions = new CollisionFilterExtension();

// The halo is drawn from the glyphs' signed distance field (deck.gl's SDF outline): its width on
// screen is 0.75 × outline width × text size ÷ atlas font size, and it cannot reach past the
// atlas buffer. 3 at a 64 px atlas gave half a pixel at 12 px text: no halo over dark hexagons.
const FONT_SETTINGS = { sdf: true, fontSize: 64, buffer: 12, radius: 16 } as const;
const OUTLINE_WIDTH = 12;

/** The halo's width in screen pixels around text of `size` pixels (about 1.7 px at 12 px, 2.5 px at 18 px). */
export function labelHaloPixels(size: number): number {
  return (0.75 * OUTLINE_WIDTH * size) / FONT_SETTINGS.fontSize;
}

export interface UnitLabel { code: string; name: string; lon: number; lat: number; /** Higher wins when labels collide (e.g. population). */ priority?: number }

/**
 * Unit names drawn by deck.gl from the system's CJK fonts into a font atlas: no glyph
 * server, so labels work offline (maplibre symbol layers would need one).
 */
export function createUnitLabelsLayer(id: string, labels: UnitLabel[], options: { visible: boolean; size: number; color: [number, number, number, number] }): TextLayer<UnitLabel, CollisionFilterExtensionProps<UnitLabel>> {
  return new TextLayer<UnitLabel, CollisionFilterExtensionProps<UnitLabel>>({
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
    outlineWidth: OUTLINE_WIDTH,
    outlineColor: [255, 255, 255, 235],
    fontSettings: FONT_SETTINGS,
    sizeUnits: 'pixels',
    billboard: true,
    // Dense urban communities would print on top of each other; the larger unit keeps its label.
    extensions: [collisions],
    collisionEnabled: true,
    getCollisionPriority: (d: UnitLabel) => d.priority ?? 0,
    collisionTestProps: { sizeScale: 1.2 },
  });
}
