/**
 * Why this browser cannot give the map a WebGL 2 context, or null when it can. deck.gl 9
 * (the event layers) needs WebGL 2, so a WebGL 1-only browser counts as without. Asking
 * first lets the page explain the problem instead of leaving a blank map. The probe
 * context is released at once.
 */
export function webglProblem(): string | null {
  if (typeof WebGL2RenderingContext === 'undefined') return 'this browser has no WebGL 2 (WebGL2RenderingContext is undefined)';
  const canvas = document.createElement('canvas');
  let reason = '';
  canvas.addEventListener('webglcontextcreationerror', (event) => { reason = (event as WebGLContextEvent).statusMessage; }, { once: true });
  const gl = canvas.getContext('webgl2');
  if (!gl) return `the browser refused to create a WebGL 2 context${reason ? `: ${reason}` : ' (WebGL switched off, blocklisted GPU, or no graphics driver)'}`;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return null;
}
