/**
 * How the wall's fixed design canvas fits a screen. The layout is designed at 1920×1080
 * and scaled as a whole (CSS transform), so type, tiles and gaps keep their proportions on
 * any wall. Screens wider than 16:9 widen the canvas instead of letterboxing it, up to three
 * 1920-wide screens side by side (5760×1080): the extra width goes to the map, and a 3×1
 * video wall is not two-thirds black bars. Screens narrower than 16:9 are letterboxed
 * (bars above and below), since the side panels cannot shrink without breaking the type.
 */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
/** The widest canvas: three 16:9 screens in a row. */
export const MAX_CANVAS_WIDTH = 3 * DESIGN_WIDTH;

export interface CanvasFit {
  /** Canvas size in design pixels (height is always DESIGN_HEIGHT). */
  width: number;
  height: number;
  /** Screen pixels per design pixel. */
  scale: number;
  /** Offset of the canvas on the screen (the letterbox), in screen pixels. */
  left: number;
  top: number;
}

/** The canvas size, scale and offset for a viewport of `width` × `height` CSS pixels. */
export function fitCanvas(viewportWidth: number, viewportHeight: number): CanvasFit {
  if (!(viewportWidth > 0) || !(viewportHeight > 0) || !Number.isFinite(viewportWidth) || !Number.isFinite(viewportHeight)) {
    throw new Error(`Invalid viewport ${viewportWidth}×${viewportHeight}: width and height must be positive finite numbers`);
  }
  const aspectWidth = Math.floor((DESIGN_HEIGHT * viewportWidth) / viewportHeight);
  const width = Math.min(MAX_CANVAS_WIDTH, Math.max(DESIGN_WIDTH, aspectWidth));
  const scale = Math.min(viewportWidth / width, viewportHeight / DESIGN_HEIGHT);
  return {
    width,
    height: DESIGN_HEIGHT,
    scale,
    left: Math.max(0, (viewportWidth - width * scale) / 2),
    top: Math.max(0, (viewportHeight - DESIGN_HEIGHT * scale) / 2),
  };
}
