import { createLogger, type Logger } from 'vite';

/**
 * Vite's logger, less one kind of noise: @duckdb/duckdb-wasm's worker ships source maps that
 * name ~100 files outside its package (its bundled copy of apache-arrow), and the dev server
 * warns once per file, burying the address `npm start` prints (issue #15 point 11). They
 * only affect stepping into duckdb's own sources in the debugger; one line says so instead.
 */
export function quietLogger(logger: Logger = createLogger()): Logger {
  const warnOnce = logger.warnOnce.bind(logger);
  let hidden = 0;
  // The dev server sends these through warnOnce (one per file), with colour codes around the text.
  logger.warnOnce = (message, options) => {
    if (!message.includes('points to a source file outside its package')) return warnOnce(message, options);
    if (hidden++ === 0) warnOnce('[onemap] Source maps of @duckdb/duckdb-wasm point outside the package; those warnings are hidden (they matter only when stepping into duckdb\'s sources).', options);
  };
  return logger;
}

