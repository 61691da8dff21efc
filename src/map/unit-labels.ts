import { TextLayer } from '@deck.gl/layers';
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions';

const collisions = new CollisionFilterExtension();

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
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    sizeUnits: 'pixels',
    billboard: true,
    // Dense urban communities would print on top of each other; the larger unit keeps its label.
    extensions: [collisions],
    collisionEnabled: true,
    getCollisionPriority: (d: UnitLabel) => d.priority ?? 0,
    collisionTestProps: { sizeScale: 1.2 },
  });
}
