/**
 * Why this browser cannot give the map a WebGL context, or null when it can. maplibre
 * needs WebGL (2 preferred, 1 accepted); asking first lets the page explain the problem
 * instead of leaving a blank map. The probe context is released at once.
 */
export function webglProblem(): string | null {
  if (typeof WebGLRenderingContext === 'undefined') return 'this browser has no WebGL (WebGLRenderingContext is undefined)';
  const canvas = document.createElement('canvas');
  let reason = '';
  canvas.addEventListener('webglcontextcreationerror', (event) => { reason = (event as WebGLContextEvent).statusMessage; }, { once: true });
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return `the browser refused to create a WebGL context${reason ? `: ${reason}` : ' (WebGL switched off, blocklisted GPU, or no graphics driver)'}`;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return null;
}
