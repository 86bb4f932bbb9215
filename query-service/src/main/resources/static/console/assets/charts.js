// Draws each table marked data-chart as a Chart.js bar chart above it; the table stays, for readers
// without JavaScript and for assistive technology. The first column labels, the next ones are series
// ("bar": the first numeric column; "stacked": every column, stacked).
(function () {
  const colours = ['#1d4e89', '#b5461f', '#5a5a5a', '#2e7d32'];
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    const kind = table.dataset.chart;
    const heads = Array.from(table.tHead.rows[0].cells).slice(1).map(function (cell) { return cell.textContent; });
    const rows = Array.from(table.tBodies[0].rows);
    const labels = rows.map(function (row) { return row.cells[0].textContent; });
    const series = (kind === 'stacked' ? heads : heads.slice(0, 1)).map(function (name, index) {
      return {
        label: name,
        backgroundColor: colours[index % colours.length],
        data: rows.map(function (row) { return parseFloat(row.cells[index + 1].textContent) || 0; })
      };
    });
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Chart: ' + table.caption.textContent + ' (the table below holds its figures)');
    const frame = document.createElement('div');
    frame.className = 'chart';
    frame.appendChild(canvas);
    table.parentNode.insertBefore(frame, table);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: series },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1 }, title: { display: true, text: table.caption.textContent } },
        scales: {
          x: { stacked: kind === 'stacked' },
          y: { stacked: kind === 'stacked', beginAtZero: true, suggestedMax: table.dataset.max ? Number(table.dataset.max) : undefined }
        }
      }
    });
  });
})();
