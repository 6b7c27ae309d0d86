import { formatDay, formatScore } from './model.js';

// Mean tone by day, drawn with Chart.js (dashboard/vendor/chart.umd.min.js, loaded before the modules).

// The page's ink and tone colours (styles.css), so the chart matches the rest of the page.
const LINE_COLOUR = '#3b4a6b';
const POSITIVE = '#1f883d';
const NEGATIVE = '#cf222e';
const GRID = '#e5e7eb';

/** @type {any} */
let chart = null;

/**
 * Draws (or redraws) the chart in `canvas`; returns false when Chart.js is not available.
 *
 * @param {HTMLCanvasElement} canvas
 * @param {{ day: string, meanScore: number, quotes: number, articles: number }[]} points
 */
export function drawToneByDay(canvas, points) {
  const Chart = /** @type {any} */ (globalThis).Chart;
  if (!Chart) return false;
  chart?.destroy();
  chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((point) => formatDay(point.day)),
      datasets: [
        {
          label: 'Mean tone',
          data: points.map((point) => point.meanScore),
          borderColor: LINE_COLOUR,
          borderWidth: 2,
          tension: 0.25,
          pointRadius: 4,
          pointBackgroundColor: points.map((point) => (point.meanScore >= 0 ? POSITIVE : NEGATIVE)),
          fill: false,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (/** @type {any} */ item) => {
              const point = points[item.dataIndex];
              return `${formatScore(point.meanScore)} over ${point.quotes} quotes in ${point.articles} articles`;
            },
          },
        },
      },
      scales: {
        y: {
          min: -1,
          max: 1,
          ticks: { stepSize: 0.5 },
          grid: { color: (/** @type {any} */ context) => (context.tick.value === 0 ? '#9ca3af' : GRID) },
        },
        // Offset keeps a lone day (or the first and last) off the chart's edges.
        x: { offset: true, grid: { display: false } },
      },
    },
  });
  return true;
}
