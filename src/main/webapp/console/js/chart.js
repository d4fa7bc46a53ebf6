// A horizontal bar chart in plain SVG: one bar per discrepancy kind, every kind shown even at 0.

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 52;       // height of one kind: label line + bar
const BAR = 18;
const LABEL_GAP = 6;
const VALUE_SPACE = 72; // room right of the longest bar for its number
const NUMBER = new Intl.NumberFormat('nb-NO', { useGrouping: false });

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * Draws (or redraws) svg#kind-chart inside container. rows: [{kind, label, count}]. The SVG is
 * as wide as the container, so its text stays readable on a narrow window.
 */
export function drawKindChart(container, rows) {
  const width = Math.max(240, Math.floor(container.clientWidth || 600));
  const height = rows.length * ROW;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const track = width - VALUE_SPACE;

  const chart = svg('svg', {
    id: 'kind-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'kind-chart-title kind-chart-desc',
  });
  chart.append(svg('title', { id: 'kind-chart-title' }, 'Avvik per type'));
  chart.append(svg('desc', { id: 'kind-chart-desc' },
    rows.map((r) => `${r.label}: ${NUMBER.format(r.count)}`).join('; ')));

  rows.forEach((row, i) => {
    const top = i * ROW;
    const barTop = top + 20 + LABEL_GAP;
    const length = row.count > 0 ? Math.max(3, Math.round((row.count / max) * track)) : 0;
    const group = svg('g', { 'data-kind': row.kind, 'data-count': row.count });
    group.append(svg('text', { class: 'chart__label', x: 0, y: top + 18 }, row.label));
    group.append(svg('rect', {
      class: 'chart__track', x: 0, y: barTop, width: track, height: BAR, rx: 3,
    }));
    group.append(svg('rect', {
      class: 'chart__bar', x: 0, y: barTop, width: length, height: BAR, rx: 3,
    }));
    group.append(svg('text', {
      class: 'chart__value', x: length + 8, y: barTop + BAR - 4,
    }, NUMBER.format(row.count)));
    chart.append(group);
  });

  const old = container.querySelector('#kind-chart');
  if (old) {
    old.replaceWith(chart);
  } else {
    container.append(chart);
  }
}
