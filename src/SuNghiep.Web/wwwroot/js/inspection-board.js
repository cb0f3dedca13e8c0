// The stacked bar chart of the recommendations board, drawn from the figures of its table (data attributes of the canvas).
(function () {
    var canvas = document.getElementById('board-chart');
    if (!canvas || !window.Chart) { return; }
    var number = new Intl.NumberFormat('vi-VN');
    var series = JSON.parse(canvas.dataset.series);
    var colors = ['#6c757d', '#0dcaf0', '#dc3545', '#198754', '#ffc107'];
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: series.map(function (s, i) { return { label: s.label, data: s.values, backgroundColor: colors[i % colors.length] }; })
        },
        options: {
            indexAxis: 'y',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + number.format(c.parsed.x); } } } },
            scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } }
        }
    });
})();
