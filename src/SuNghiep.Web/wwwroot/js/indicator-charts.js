// The charts of the indicator pages, drawn from the figures in their canvas's data attributes (the tables beside them hold
// the same figures as text). A line per indicator over the years; bars for a breakdown, horizontal so long names fit.
(function () {
    'use strict';
    if (!window.Chart) { return; }
    var number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

    function format(value, unit) {
        return value === null || value === undefined ? '—' : number.format(value) + (unit === '%' ? '%' : ' ' + unit);
    }

    document.querySelectorAll('canvas[data-indicator-chart]').forEach(function (canvas) {
        var kind = canvas.dataset.indicatorChart;
        var unit = canvas.dataset.unit || '';
        var bar = kind === 'bar';
        var valueAxis = bar ? 'x' : 'y';
        var scales = {};
        scales[valueAxis] = { beginAtZero: true, ticks: { callback: function (v) { return number.format(v); } } };
        // A breakdown names every bar: its height grows with its rows, so no label needs skipping.
        if (bar) { scales.y = { ticks: { autoSkip: false } }; }
        // A bar leads to the units it sums, as its figure in the table does.
        var links = canvas.dataset.links ? JSON.parse(canvas.dataset.links) : null;
        new Chart(canvas, {
            type: bar ? 'bar' : 'line',
            data: {
                labels: JSON.parse(canvas.dataset.labels),
                datasets: [{
                    label: canvas.dataset.name,
                    data: JSON.parse(canvas.dataset.values),
                    backgroundColor: '#0d6efd',
                    borderColor: '#0d6efd',
                    spanGaps: false
                }]
            },
            options: {
                indexAxis: bar ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                    legend: { display: false },
                    tooltip: { callbacks: { label: function (c) { return format(c.parsed[valueAxis], unit); } } }
                },
                scales: scales,
                onClick: function (e, elements) {
                    var link = links && elements.length && links[elements[0].index];
                    if (link) { location.href = link; }
                },
                onHover: function (e, elements) { e.native.target.style.cursor = links && elements.length ? 'pointer' : 'default'; }
            }
        });
    });

    // Paper is narrower than the screen: the charts take the printed width before printing and the screen's after.
    window.addEventListener('beforeprint', function () {
        Object.values(Chart.instances).forEach(function (chart) { chart.resize(); });
    });
})();
