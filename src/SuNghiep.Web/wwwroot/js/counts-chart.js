// The bar chart of the counts page, drawn from the figures of its table (data attributes of the canvas).
(function () {
    var canvas = document.getElementById('count-chart');
    if (!canvas || !window.Chart) { return; }
    var number = new Intl.NumberFormat('vi-VN');
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: [{ label: 'Số đơn vị tại ngày 31/12', data: JSON.parse(canvas.dataset.values), backgroundColor: '#0d6efd' }]
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
                legend: { display: false },
                tooltip: { callbacks: { label: function (c) { return number.format(c.parsed.y) + ' đơn vị'; } } }
            },
            scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return number.format(v); } } } }
        }
    });
})();

// A folded event list would print as its summary alone: open it for the printer.
window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.counts-events').forEach(function (d) { d.open = true; });
});
