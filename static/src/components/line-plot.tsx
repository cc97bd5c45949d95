import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDay } from './format';

/**
 * A time-series line chart drawn with uPlot on a canvas. Loaded lazily (it is ~22 KB gzipped and only
 * some views show a chart), through LazyLinePlot in history-chart.tsx. The canvas is decoration for
 * sighted users: callers put the same data in words and a table next to it.
 */
export interface PlotSeries {
  label: string;
  /** [time in ms, value] pairs, any order. */
  points: readonly (readonly [number, number])[];
  /** Which chart token colours the line: the forecast's own (warning when it disagrees with the owner). */
  tone: 'brand' | 'neutral' | 'forecast' | 'warning';
  /** Long dashes (an expected path); 'short' dashes tell a projection apart from it. */
  dashed?: boolean | 'short';
  /** Draw a dot on every point (actual check-ins), or only the line (expected paths). */
  dots?: boolean;
}

export interface LinePlotProps {
  series: readonly PlotSeries[];
  /** [start, end] of the x axis, ms. */
  xRange: readonly [number, number];
  /** Tick labels: keep them short (a long unit goes in yLabel, or the ticks get clipped). */
  formatY: (value: number) => string;
  /** Axis title, e.g. the KR's unit ("customers"). */
  yLabel?: string | undefined;
  height?: number;
}

/** Canvas needs real colours, not var(): read the token's current value from the themed document. */
const tokenColour = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

const TONES: Readonly<Record<PlotSeries['tone'], readonly [string, string]>> = {
  brand: ['--ds-chart-brand', '#1868db'],
  neutral: ['--ds-chart-neutral', '#8c8f97'],
  forecast: ['--ds-chart-discovery-bold', '#964ac0'],
  warning: ['--ds-chart-warning-bold', '#e06c00'],
};

const buildData = (series: readonly PlotSeries[]): uPlot.AlignedData => {
  const xs = [...new Set(series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
  const columns = series.map((s) => {
    const byTime = new Map(s.points.map(([t, v]) => [t, v]));
    return xs.map((t) => byTime.get(t) ?? null);
  });
  return [xs.map((t) => t / 1000), ...columns];
};

export default function LinePlot({ series, xRange, formatY, yLabel, height = 180 }: LinePlotProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    let plot: uPlot | undefined;
    const draw = () => {
      plot?.destroy();
      const axisColour = tokenColour('--ds-text-subtle', '#505258');
      const gridColour = tokenColour('--ds-border', '#dddee1');
      const options: uPlot.Options = {
        width: Math.max(240, el.clientWidth),
        height,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: true, range: [xRange[0] / 1000, xRange[1] / 1000] } },
        axes: [
          {
            stroke: axisColour,
            grid: { stroke: gridColour, width: 1 },
            ticks: { stroke: gridColour },
            // Days in the view's language ("3 Nov", "3 nov"), not uPlot's US month/day.
            values: (_u, splits) => splits.map((v) => formatDay(new Date(v * 1000).toISOString())),
          },
          {
            stroke: axisColour,
            grid: { stroke: gridColour, width: 1 },
            ticks: { stroke: gridColour },
            size: 56,
            values: (_u, splits) => splits.map((v) => formatY(v)),
            ...(yLabel === undefined ? {} : { label: yLabel, labelSize: 20, labelFont: 'inherit' }),
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: tokenColour(...TONES[s.tone]),
            width: 2,
            spanGaps: true,
            ...(s.dashed === true ? { dash: [6, 4] } : s.dashed === 'short' ? { dash: [2, 3] } : {}),
            points: { show: s.dots === true, size: 6, fill: tokenColour('--ds-surface', '#ffffff') },
          })),
        ],
      };
      plot = new uPlot(options, buildData(series), el);
    };
    draw();
    // Follow the frame's width, and redraw in the other palette when the host switches colour mode.
    const resize = new ResizeObserver(() => {
      plot?.setSize({ width: Math.max(240, el.clientWidth), height });
    });
    resize.observe(el);
    const theme = new MutationObserver(draw);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode'] });
    return () => {
      resize.disconnect();
      theme.disconnect();
      plot?.destroy();
    };
  }, [series, xRange, formatY, yLabel, height]);

  return <div ref={box} className="cad-plot" aria-hidden="true" />;
}
