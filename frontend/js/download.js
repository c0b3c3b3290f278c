// A download menu on a chart: PNG of the chart as drawn (ECharts' getDataURL) and CSV of exactly the numbers
// the chart holds, read back from the chart itself, so the file and the picture cannot disagree.

/** Text that a spreadsheet would run as a formula is written with a leading ' (as the server's CSV exports). */
function cell(value) {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value).replace(/\n/g, ' · ');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows) {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const valueOf = (item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? item.value : item);

/** The chart's data as rows: one per category (a column per series), per link (sankey) or per cell (heatmap). */
export function chartRows(chart) {
  const option = chart.getOption();
  const series = option.series || [];
  if (series.some((s) => s.type === 'sankey')) {
    return [['from', 'to', 'people'], ...series.flatMap((s) => (s.links || []).map((l) => [l.source, l.target, l.value]))];
  }
  if (series.some((s) => s.type === 'heatmap')) {
    const x = option.xAxis[0].data;
    const y = option.yAxis[0].data;
    return [[option.yAxis[0].name || 'cohort', option.xAxis[0].name || 'offset', 'value'],
      ...series.flatMap((s) => s.data.map((d) => {
        const v = valueOf(d);
        return [y[v[1]], x[v[0]], v[2]];
      }))];
  }
  const categories = (option.xAxis && option.xAxis[0] && option.xAxis[0].data) || [];
  return [['category', ...series.map((s) => s.name)],
    ...categories.map((c, i) => [valueOf(c), ...series.map((s) => valueOf(s.data[i]) ?? null)])];
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}

/** Adds the menu to a panel's heading; its links are made when it opens, from the chart as it is then. */
export function addDownloadMenu(box, chart, title) {
  box.querySelector('.download')?.remove();
  const wrap = document.createElement('details');
  wrap.className = 'download';
  const summary = document.createElement('summary');
  summary.textContent = 'Download';
  summary.title = `Download “${title}”`;
  const menu = document.createElement('div');
  menu.className = 'download-menu';
  const png = document.createElement('a');
  png.className = 'download-png';
  png.textContent = 'Chart as PNG';
  png.download = `${slug(title)}.png`;
  const data = document.createElement('a');
  data.className = 'download-csv';
  data.textContent = 'Data as CSV';
  data.download = `${slug(title)}.csv`;
  menu.append(png, data);
  wrap.append(summary, menu);
  wrap.addEventListener('toggle', () => {
    if (!wrap.open) return;
    if (chart.isDisposed()) { wrap.remove(); return; } // the panel now says why it has no chart
    png.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    // a data: URL rather than a blob: one, which the page's Content-Security-Policy would not let scripts read
    data.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv(chartRows(chart)))}`;
  });
  box.querySelector('h3').append(wrap);
}
