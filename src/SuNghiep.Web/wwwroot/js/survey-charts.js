// Bar charts of normalised satisfaction scores (0–100, 100 = best) on the survey pages. Each page shows the same
// figures in a table, so the page works without this file.
(function () {
    'use strict';

    var score = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

    function draw() {
        if (!window.Chart) {
            return;
        }

        document.querySelectorAll('canvas[data-survey-chart]').forEach(function (canvas) {
            var source = document.getElementById(canvas.getAttribute('data-survey-chart'));
            if (!source) {
                return;
            }

            var d = JSON.parse(source.textContent);
            var existing = window.Chart.getChart(canvas);
            if (existing) {
                existing.destroy();
            }

            var datasets = [{ label: 'Điểm quy đổi (0–100)', data: d.scores, backgroundColor: 'rgba(13,110,253,.7)' }];
            if (d.shares) {
                datasets.push({ label: 'Tỷ lệ hài lòng (%)', data: d.shares, backgroundColor: 'rgba(25,135,84,.6)' });
            }

            new window.Chart(canvas, {
                type: 'bar',
                data: { labels: d.labels, datasets: datasets },
                options: {
                    responsive: true, maintainAspectRatio: false, animation: false, locale: 'vi-VN',
                    scales: { y: { beginAtZero: true, max: 100 } },
                    plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + score.format(c.parsed.y); } } } }
                }
            });
        });
    }

    document.addEventListener('DOMContentLoaded', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();
