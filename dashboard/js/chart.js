import { formatDay, formatScore } from './model.js';

// Tone over time, drawn with Chart.js (dashboard/vendor/chart.umd.min.js, loaded before the modules).
// The x axis is real time: a linear axis of timestamps (ms) with our own day labels, so 2019 and
// 2026 sit seven years apart instead of side by side, and no date adapter has to be vendored.

// The page's ink and tone colours (styles.css), so the chart matches the rest of the page.
const LINE_COLOURS = ['#3b4a6b', '#b35900', '#8250df', '#0a7ea4'];
const VOLUME = 'rgba(110, 119, 129, 0.35)';
const GRID = '#e5e7eb';
const DAY_MS = 86_400_000;

/** Charts by canvas id, so a redraw replaces its own chart and leaves the others. */
const charts = new Map();

/**
 * @typedef {{ day: string, meanScore: number, quotes: number, articles: number }} Point
 * @typedef {{ name: string, points: Point[] }} Series
 */

const time = (/** @type {string} */ day) => Date.parse(`${day}T00:00:00Z`);

/**
 * Draws (or redraws) mean tone over time in `canvas`: one line per series on a real time axis, and,
 * for a single series, its quote volume as bars on a second axis. False when Chart.js is missing.
 *
 * @param {HTMLCanvasElement} canvas
 * @param {Series[]} series
 */
export function drawToneOverTime(canvas, series) {
  const Chart = /** @type {any} */ (globalThis).Chart;
  if (!Chart) return false;
  charts.get(canvas.id)?.destroy();
  const days = series.flatMap((one) => one.points.map((point) => time(point.day)));
  const first = Math.min(...days);
  const last = Math.max(...days);
  // A lone day still gets a visible span around it.
  const pad = Math.max(DAY_MS, (last - first) * 0.03);
  const datasets = series.map((one, index) => ({
    type: 'line',
    label: one.name,
    data: one.points.map((point) => ({ x: time(point.day), y: point.meanScore, point })),
    borderColor: LINE_COLOURS[index % LINE_COLOURS.length],
    backgroundColor: LINE_COLOURS[index % LINE_COLOURS.length],
    borderWidth: 2,
    pointRadius: 3,
    tension: 0,
    yAxisID: 'y',
    order: 1,
  }));
  if (series.length === 1) {
    datasets.push(
      /** @type {any} */ ({
        type: 'bar',
        label: 'Quotes',
        data: series[0].points.map((point) => ({ x: time(point.day), y: point.quotes, point })),
        backgroundColor: VOLUME,
        barThickness: 4,
        yAxisID: 'volume',
        order: 2,
      }),
    );
  }
  const chart = new Chart(canvas, {
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      plugins: {
        legend: { display: series.length > 1 },
        tooltip: {
          callbacks: {
            title: (/** @type {any[]} */ items) => formatDay(items[0]?.raw.point.day ?? ''),
            label: (/** @type {any} */ item) => {
              const point = item.raw.point;
              const who = series.length > 1 ? `${item.dataset.label}: ` : '';
              return item.dataset.type === 'bar'
                ? `${point.quotes} quote${point.quotes === 1 ? '' : 's'}`
                : `${who}${formatScore(point.meanScore)} over ${point.quotes} quotes in ${point.articles} articles`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: first - pad,
          max: last + pad,
          grid: { display: false },
          ticks: {
            maxTicksLimit: 6,
            callback: (/** @type {number} */ value) => formatDay(new Date(value).toISOString()),
          },
        },
        y: {
          min: -1,
          max: 1,
          position: 'left',
          title: { display: true, text: 'mean tone' },
          ticks: { stepSize: 0.5 },
          grid: { color: (/** @type {any} */ context) => (context.tick.value === 0 ? '#9ca3af' : GRID) },
        },
        ...(series.length === 1
          ? {
              volume: {
                position: 'right',
                beginAtZero: true,
                title: { display: true, text: 'quotes' },
                grid: { display: false },
                ticks: { precision: 0 },
              },
            }
          : {}),
      },
    },
  });
  charts.set(canvas.id, chart);
  return true;
}
