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

/** The tour's step counter, advanced every `intervalSeconds` (0: stays at the first step). */
export function useTourIndex(intervalSeconds: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (intervalSeconds <= 0) return;
    const timer = setInterval(() => setIndex((i) => i + 1), intervalSeconds * 1000);
    return () => clearInterval(timer);
  }, [intervalSeconds]);
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
