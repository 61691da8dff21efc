import { useEffect, useState } from 'react';
import { fitCanvas, type CanvasFit } from './canvas-fit';

/** The wall's canvas fit to the window, recomputed when the window changes size. */
export function useCanvasFit(): CanvasFit {
  const [fit, setFit] = useState(() => fitCanvas(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setFit(fitCanvas(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return fit;
}

/** The current time, ticking every `everyMs` (one timer, cleared on unmount). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** How often a waiting tour or refresh looks again whether the panels have finished. */
export const SETTLE_POLL_MS = 250;

/**
 * The tour's step counter, advanced every `intervalSeconds` (0: stays at the first step).
 * A step is not left while `busy()` says its panels are still loading: on a slow machine
 * the tour slows down instead of queueing queries for steps nobody will see.
 */
export function useTourIndex(intervalSeconds: number, busy: () => boolean): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (intervalSeconds <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const advance = () => {
      if (busy()) { timer = setTimeout(advance, SETTLE_POLL_MS); return; }
      setIndex((i) => i + 1);
      timer = setTimeout(advance, intervalSeconds * 1000);
    };
    timer = setTimeout(advance, intervalSeconds * 1000);
    return () => clearTimeout(timer);
  }, [intervalSeconds, busy]);
  return index;
}

/** Whether the system asks for reduced motion (followed live: the setting can change while the wall runs). */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
