import { useEffect, useState } from 'react';
import { useMessages } from './LanguageContext';

export interface PlaybackState { playing: boolean; step: 'hour' | 'day'; position: number }

/**
 * Time playback: a window of one hour or one day moves through the period. Only the
 * window changes (a GPU filter range), so the layers are not rebuilt while it plays.
 */
export function Playback({ totalHours, startLabel, onWindow }: { totalHours: number; startLabel: (hours: number) => string; onWindow: (window: [number, number] | null) => void }) {
  const { t } = useMessages();
  const [state, setState] = useState<PlaybackState>({ playing: false, step: 'day', position: -1 });
  const stepHours = state.step === 'day' ? 24 : 1;
  const steps = Math.max(1, Math.ceil(totalHours / stepHours));

  useEffect(() => {
    if (!state.playing) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const timer = window.setInterval(() => setState((s) => ({ ...s, position: s.position + 1 >= steps ? 0 : s.position + 1 })), reduceMotion ? 2000 : 700);
    return () => window.clearInterval(timer);
  }, [state.playing, steps]);

  useEffect(() => {
    onWindow(state.position < 0 ? null : [state.position * stepHours, (state.position + 1) * stepHours - 1e-3]);
  }, [state.position, stepHours, onWindow]);

  return (
    <div className="playback" data-testid="playback">
      <button type="button" onClick={() => setState((s) => ({ ...s, playing: !s.playing, position: s.position < 0 ? 0 : s.position }))} aria-pressed={state.playing}>{state.playing ? t.pause : t.play}</button>
      <select aria-label={t.playbackStep} value={state.step} onChange={(e) => setState({ playing: false, step: e.target.value as 'hour' | 'day', position: -1 })}>
        <option value="day">{t.byDay}</option>
        <option value="hour">{t.byHour}</option>
      </select>
      <input type="range" min={-1} max={steps - 1} value={state.position} aria-label={t.playbackPosition} onChange={(e) => setState((s) => ({ ...s, playing: false, position: Number(e.target.value) }))} />
      <span className="playback-label">{state.position < 0 ? t.wholePeriod : startLabel(state.position * stepHours)}</span>
    </div>
  );
}
