// chart.js with only the parts the result charts use. This module is loaded lazily (ChartCanvas), so the
// charting code is fetched only when a chart is on screen.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type { ChartConfiguration };

/** Norm bands per x position: best level first, each with its lowest score. */
export type BandColumn = { level: string; minScore: number }[] | null;

export type BandOptions = { columns: BandColumn[]; colours: string[]; levels: readonly string[] };

/**
 * Draws the norm bands (levels) behind the datasets as filled areas: for every level the area between its
 * lowest score and the next better level's lowest score, joined from moment to moment.
 */
export function bandsPlugin(options: BandOptions): Plugin<'line'> {
  return {
    id: 'normBands',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      if (!x || !y) return;
      const n = options.columns.length;
      if (n === 0) return;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      const step = n > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : chartArea.width;
      const half = step / 2;
      options.levels.forEach((level, li) => {
        // One filled shape per run of moments that have a norm: along the top edge, then back along the bottom edge,
        // reaching half a step beyond the first and last moment.
        let run: { x: number; top: number; bottom: number }[] = [];
        const flush = () => {
          if (run.length === 0) return;
          const left = Math.max(chartArea.left, run[0].x - half);
          const right = Math.min(chartArea.right, run[run.length - 1].x + half);
          const pts = [{ ...run[0], x: left }, ...run, { ...run[run.length - 1], x: right }];
          ctx.beginPath();
          pts.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.top) : ctx.lineTo(p.x, p.top)));
          for (let i = pts.length - 1; i >= 0; i--) ctx.lineTo(pts[i].x, pts[i].bottom);
          ctx.closePath();
          ctx.fillStyle = options.colours[li] ?? '#eee';
          ctx.fill();
          run = [];
        };
        options.columns.forEach((col, xi) => {
          const idx = col ? col.findIndex((b) => b.level === level) : -1;
          if (!col || idx < 0) {
            flush();
            return;
          }
          const top = idx === 0 ? chartArea.top : y.getPixelForValue(col[idx - 1].minScore);
          const bottom = idx === col.length - 1 ? chartArea.bottom : y.getPixelForValue(col[idx].minScore);
          run.push({ x: x.getPixelForValue(xi), top, bottom });
        });
        flush();
      });
      ctx.restore();
    },
  };
}

/** Creates a chart on a canvas; returns the chart so the caller can destroy it. */
export function createChart(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  return new Chart(canvas, config);
}
