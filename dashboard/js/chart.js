import { formatDay, formatScore } from './model.js';

// Tone over time, drawn with Chart.js (dashboard/vendor/chart.umd.min.js, loaded before the modules).
// The x axis is real time: a linear axis of timestamps (ms) with our own day labels, so 2019 and
// 2026 sit seven years apart instead of side by side, and no date adapter has to be vendored.

// The page's ink and tone colours (styles.css), so the chart matches the rest of the page.
const LINE_COLOURS = ['#3b4a6b', '#b35900', '#8250df', '#0a7ea4'];
const VOLUME = 'rgba(110, 119, 129, 0.35)';
const GRID = '#e5e7eb';
const DAY_MS = 86_400_000;

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Charts by canvas id, so a redraw replaces its own chart and leaves the others. */
const charts = new Map();

/**
 * @typedef {{ day: string, meanScore: number, quotes: number, articles: number }} Point
 * @typedef {{ name: string, points: Point[] }} Series
 */

const time = (/** @type {string} */ day) => Date.parse(`${day}T00:00:00Z`);
// Over a span longer than this, days are drawn as months: daily means years apart are noise.
const MONTHLY_AFTER_DAYS = 400;
const SHORT_SPAN_DAYS = 5;

/**
 * The points summed by month (quote-weighted), dated on the month's first day.
 *
 * @param {Point[]} points
 * @returns {Point[]}
 */
function byMonth(points) {
  /** @type {Map<string, { sum: number, quotes: number, articles: number }>} */
  const months = new Map();
  for (const point of points) {
    const month = `${point.day.slice(0, 7)}-01`;
    const total = months.get(month) ?? { sum: 0, quotes: 0, articles: 0 };
    total.sum += point.meanScore * point.quotes;
    total.quotes += point.quotes;
    total.articles += point.articles;
    months.set(month, total);
  }
  return [...months].map(([day, total]) => ({
    day,
    meanScore: total.sum / total.quotes,
    quotes: total.quotes,
    articles: total.articles,
  }));
}

/**
 * Whether a chart of these series draws months rather than days.
 *
 * @param {Series[]} series
 */
export function drawsMonths(series) {
  const days = series.flatMap((one) => one.points.map((point) => time(point.day)));
  return days.length > 0 && (Math.max(...days) - Math.min(...days)) / DAY_MS > MONTHLY_AFTER_DAYS;
}

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
  const monthly = drawsMonths(series);
  if (monthly) series = series.map((one) => ({ ...one, points: byMonth(one.points) }));
  const label = (/** @type {string} */ day) =>
    monthly ? MONTH_FORMAT.format(new Date(time(day))) : formatDay(day);
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
            title: (/** @type {any[]} */ items) => label(items[0]?.raw.point.day ?? ''),
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
            // Over a few days, one tick per day (at midnight UTC), not the same day label twice.
            ...(last - first < SHORT_SPAN_DAYS * DAY_MS ? { stepSize: DAY_MS } : {}),
            callback: (/** @type {number} */ value) =>
              (monthly ? MONTH_FORMAT : DAY_FORMAT).format(new Date(value)),
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
