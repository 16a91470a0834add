// A chart drawn by chart.js, loaded on first use. The canvas is an image with a short description;
// every chart on these pages has a table with the same data next to it for screen readers and keyboard users.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from 'chart.js';

type ChartModule = typeof import('./chart');

export function ChartCanvas({
  build,
  label,
  height = 280,
}: {
  /** Builds the configuration; called again whenever `build` changes (wrap it in useMemo/useCallback). */
  build: (mod: ChartModule) => import('./chart').ChartConfiguration;
  label: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: Chart | null = null;
    let cancelled = false;
    import('./chart')
      .then((mod) => {
        if (cancelled || !canvas.current) return;
        chart = mod.createChart(canvas.current, build(mod));
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [build]);

  if (failed) return <p className="muted">{t('assessments.chartFailed')}</p>;
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
