import type { EngineStartReason } from '../engine/start-error';
import type { Language } from '../i18n';

/** What a person in front of the screen needs when a part of the page cannot start. */
export interface FailureExplanation { title: string; explanation: string; tryThis: string[] }

/** Why the map could not start: no WebGL at all, or WebGL present but the map failed to create its context. */
export type MapStartReason = 'no-webgl' | 'map-failed';

// Kept apart from the i18n dictionaries: these texts are long, are only read when something
// is broken, and are checked together by the failure tests.
const ENGINE: Record<EngineStartReason, Record<Language, FailureExplanation>> = {
  'no-webassembly': {
    zh: { title: '无法启动数据引擎：浏览器不支持 WebAssembly', explanation: '一张图在浏览器里用 DuckDB-WASM 计算所有数字，它需要 WebAssembly，而当前浏览器没有提供（版本过旧，或被管理策略关闭）。', tryThis: ['使用新版 Chrome、Edge、Firefox 或 360 极速模式等 Chromium 内核浏览器', '请管理员确认浏览器策略没有禁用 WebAssembly（JavaScript JIT）'] },
    en: { title: 'The data engine cannot start: this browser has no WebAssembly', explanation: 'OneMap computes every number in the browser with DuckDB-WASM, which needs WebAssembly; this browser does not offer it (too old, or switched off by a policy).', tryThis: ['Use a current Chrome, Edge or Firefox', 'Ask your administrator whether a browser policy disables WebAssembly (JavaScript JIT)'] },
  },
  'worker-failed': {
    zh: { title: '无法启动数据引擎：后台线程被阻止', explanation: '数据引擎运行在一个 Web Worker 中，该线程未能加载或启动。常见原因：部署时遗漏了 assets 目录中的文件，或服务器的内容安全策略（CSP）不允许 worker-src \'self\'。', tryThis: ['刷新页面后重试', '确认 assets/ 目录下的 duckdb-browser-eh.worker 文件已随页面一起部署', '按 docs/deploy.md 检查服务器的 Content-Security-Policy'] },
    en: { title: 'The data engine cannot start: its worker was blocked', explanation: 'The engine runs in a Web Worker, which could not be loaded or started. Usual causes: files of the assets folder missing from the deployment, or a Content-Security-Policy without worker-src \'self\'.', tryThis: ['Reload and retry', 'Check that the duckdb-browser-eh.worker file in assets/ was deployed with the page', 'Check the server\'s Content-Security-Policy against docs/deploy.md'] },
  },
  'wasm-unavailable': {
    zh: { title: '无法启动数据引擎：引擎文件下载失败', explanation: '数据引擎文件 duckdb-eh.wasm（约 34 MB）没有下载成功：服务器上缺少该文件，或拒绝了请求。', tryThis: ['检查网络连接后点“重试”', '确认 assets/ 目录下的 .wasm 文件已完整部署，且服务器以 application/wasm 类型提供', '如使用代理或网关，确认其允许 34 MB 的文件'] },
    en: { title: 'The data engine cannot start: its file could not be downloaded', explanation: 'The engine file duckdb-eh.wasm (about 34 MB) did not download: the server does not have it, or refused the request.', tryThis: ['Check the connection, then press Retry', 'Check that the .wasm file in assets/ is deployed in full and served as application/wasm', 'If a proxy or gateway is in between, check that it lets a 34 MB file through'] },
  },
  'wasm-rejected': {
    zh: { title: '无法启动数据引擎：浏览器拒绝运行引擎', explanation: '引擎文件已下载，但浏览器没有编译运行它。常见原因：服务器的内容安全策略（CSP）缺少 \'wasm-unsafe-eval\'，文件已损坏，或内存不足。', tryThis: ['关闭其他标签页后点“重试”', '按 docs/deploy.md 检查 Content-Security-Policy 的 script-src 是否包含 \'wasm-unsafe-eval\'', '重新部署 assets/ 目录（文件可能被截断）'] },
    en: { title: 'The data engine cannot start: the browser refused to run it', explanation: 'The engine file arrived but the browser would not compile it. Usual causes: a Content-Security-Policy without \'wasm-unsafe-eval\', a damaged file, or too little memory.', tryThis: ['Close other tabs, then press Retry', 'Check that the Content-Security-Policy\'s script-src has \'wasm-unsafe-eval\' (docs/deploy.md)', 'Redeploy the assets folder (the file may be truncated)'] },
  },
};

const MAP: Record<MapStartReason, Record<Language, FailureExplanation>> = {
  'no-webgl': {
    zh: { title: '地图无法显示：浏览器未启用 WebGL 2', explanation: '地图用 WebGL 绘制，而当前浏览器或显卡驱动没有提供 WebGL 2。其余部分（指标、排名、筛选）不受影响，照常可用。', tryThis: ['在浏览器设置中开启“使用图形加速（硬件加速）”后刷新', '在 chrome://gpu 查看 WebGL 状态；远程桌面或虚拟机中可能需要开启软件渲染', '更新显卡驱动，或换用新版 Chrome、Edge、Firefox'] },
    en: { title: 'The map cannot be shown: WebGL 2 is not available', explanation: 'The map is drawn with WebGL 2, which this browser or graphics driver does not provide. The rest of the page (key figures, rankings, filters) works as usual.', tryThis: ['Turn on "Use graphics acceleration" in the browser settings and reload', 'Look at chrome://gpu for the WebGL status; remote desktops and virtual machines may need software rendering enabled', 'Update the graphics driver, or use a current Chrome, Edge or Firefox'] },
  },
  'map-failed': {
    zh: { title: '地图无法启动', explanation: 'WebGL 可用，但地图创建绘图上下文时失败（显卡资源不足或驱动异常）。其余部分照常可用。', tryThis: ['关闭其他使用 3D 图形的标签页后点“重试”', '刷新页面', '更新显卡驱动'] },
    en: { title: 'The map could not start', explanation: 'WebGL is there, but the map failed to create its drawing context (graphics resources exhausted, or a driver fault). The rest of the page works as usual.', tryThis: ['Close other tabs that use 3D graphics, then press Retry', 'Reload the page', 'Update the graphics driver'] },
  },
};

export const engineFailure = (reason: EngineStartReason, language: Language): FailureExplanation => ENGINE[reason][language];
export const mapFailure = (reason: MapStartReason, language: Language): FailureExplanation => MAP[reason][language];
