// Tabs, charts, the plan form's decision fields and the upload progress of the staffing and finance pages.
// Each page works without this file: panes then show one under the other, figures stay in their tables.
(function () {
    'use strict';

    var number = new Intl.NumberFormat('vi-VN');
    var percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    var billions = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

    function money(v) { return number.format(v) + ' đ'; }

    var builders = {
        // A unit's budget-paid and revenue-paid positions by year.
        staffing: function (d) {
            return {
                type: 'line',
                data: {
                    labels: d.labels,
                    datasets: [
                        { label: 'Hưởng lương từ NSNN', data: d.budget, borderColor: '#0d6efd', backgroundColor: '#0d6efd', tension: 0.2 },
                        { label: 'Hưởng lương từ nguồn thu sự nghiệp', data: d.revenue, borderColor: '#198754', backgroundColor: '#198754', tension: 0.2 }
                    ]
                },
                options: {
                    scales: { x: { offset: true }, y: { beginAtZero: true, title: { display: true, text: 'người' } } },
                    plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + number.format(c.parsed.y) + ' người'; } } } }
                }
            };
        },
        // A unit's revenue (A) and recurrent spending (B) as bars, the self-financing level as a line on its own axis.
        finance: function (d) {
            return {
                data: {
                    labels: d.labels,
                    datasets: [
                        { type: 'bar', label: 'Nguồn thu (A)', data: d.revenue, backgroundColor: 'rgba(13,110,253,.65)', yAxisID: 'y', order: 2 },
                        { type: 'bar', label: 'Chi thường xuyên (B)', data: d.recurrent, backgroundColor: 'rgba(108,117,125,.55)', yAxisID: 'y', order: 3 },
                        { type: 'line', label: 'Mức tự bảo đảm (%)', data: d.level, borderColor: '#dc3545', backgroundColor: '#dc3545', yAxisID: 'level', order: 1, spanGaps: true }
                    ]
                },
                options: {
                    scales: {
                        y: { beginAtZero: true, title: { display: true, text: 'tỷ đồng' }, ticks: { callback: function (v) { return billions.format(v / 1e9); } } },
                        level: { position: 'right', beginAtZero: true, suggestedMax: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '%' } }
                    },
                    plugins: {
                        tooltip: {
                            callbacks: {
                                label: function (c) {
                                    return c.dataset.yAxisID === 'level'
                                        ? c.dataset.label + ': ' + percent.format(c.parsed.y) + '%'
                                        : c.dataset.label + ': ' + money(c.parsed.y);
                                }
                            }
                        }
                    }
                }
            };
        },
        // The scope's budget-paid staff by year.
        province: function (d) {
            return {
                type: 'bar',
                data: {
                    labels: d.labels,
                    datasets: [
                        { label: 'Hưởng lương từ NSNN', data: d.budget, backgroundColor: 'rgba(13,110,253,.65)' },
                        { label: 'Số được giao', data: d.allocated, type: 'line', borderColor: '#fd7e14', backgroundColor: '#fd7e14', spanGaps: true }
                    ]
                },
                options: {
                    scales: { y: { beginAtZero: true, title: { display: true, text: 'người' } } },
                    plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + number.format(c.parsed.y) + ' người'; } } } },
                    // A year's bar opens the page for that year, as the year's row in the table does.
                    onClick: function (e, elements) {
                        if (elements.length && d.links) {
                            location.href = d.links[elements[0].index];
                        }
                    },
                    onHover: function (e, elements) { e.native.target.style.cursor = elements.length ? 'pointer' : 'default'; }
                }
            };
        }
    };

    function drawCharts(root) {
        if (!window.Chart) {
            return;
        }

        root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var source = document.getElementById(canvas.getAttribute('data-chart-source'));
            var build = builders[canvas.getAttribute('data-chart')];
            if (!source || !build) {
                return;
            }

            var existing = window.Chart.getChart(canvas);
            if (existing) {
                existing.destroy();
            }

            var config = build(JSON.parse(source.textContent));
            // A series without a single figure (no allocation yet, no self-financing level) would only add a legend entry.
            config.data.datasets = config.data.datasets.filter(function (set) {
                return set.data.some(function (v) { return v !== null && v !== undefined; });
            });
            config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false, locale: 'vi-VN' }, config.options);
            new window.Chart(canvas, config);
        });
    }

    // Shows the tab whose pane holds the element named in the address (#finance, #finance-form...).
    function showTabFor(hash) {
        if (!hash || hash.length < 2 || !window.bootstrap) {
            return;
        }

        var target = document.getElementById(decodeURIComponent(hash.slice(1)));
        var pane = target && target.closest('.resource-panes > .tab-pane');
        var link = pane && document.querySelector('[data-resource-tabs] a[href="#' + pane.id + '"]');
        if (!link) {
            return;
        }

        window.bootstrap.Tab.getOrCreateInstance(link).show();
        if (target !== pane) {
            target.scrollIntoView();
        }
    }

    // The decision fields matter only once the plan is approved or rejected; without JavaScript they always show.
    function toggleDecision(select) {
        var form = select.form;
        var decision = form.querySelector('[data-plan-decision]');
        var approved = form.querySelector('[data-plan-approved]');
        if (decision) {
            decision.hidden = select.value === 'submitted';
        }

        if (approved) {
            approved.hidden = select.value !== 'approved';
        }
    }

    function init(root) {
        drawCharts(root);
        root.querySelectorAll('[data-plan-status]').forEach(toggleDecision);
    }

    document.addEventListener('change', function (e) {
        if (e.target.matches && e.target.matches('[data-plan-status]')) {
            toggleDecision(e.target);
        }
    });
    document.addEventListener('click', function (e) {
        if (e.target.closest && e.target.closest('[data-print]')) {
            window.print();
        }
    });
    document.addEventListener('shown.bs.tab', function (e) {
        var href = e.target.getAttribute('href');
        if (href && href.charAt(0) === '#') {
            history.replaceState(history.state, '', href);
        }
    });
    window.addEventListener('hashchange', function () { showTabFor(location.hash); });

    // htmx swaps parts of the page: draw the charts that came with them.
    document.addEventListener('htmx:afterSettle', function (e) { init(e.target); });

    // The import shows its problems with a 400: swap that answer in rather than treating it as a failure.
    document.addEventListener('htmx:beforeSwap', function (e) {
        var source = (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt;
        if (e.detail.xhr.status === 400 && source && source.closest && source.closest('[data-swap-400]')) {
            e.detail.shouldSwap = true;
            e.detail.isError = false;
        }
    });
    // A file over the limit is refused before it is sent, rather than after a long upload.
    document.addEventListener('htmx:beforeRequest', function (e) {
        var input = e.detail.elt.querySelector && e.detail.elt.querySelector('input[type=file][data-max-bytes]');
        var file = input && input.files && input.files[0];
        if (file && file.size > Number(input.getAttribute('data-max-bytes'))) {
            e.preventDefault();
            input.classList.add('is-invalid');
            var result = document.getElementById('import-result');
            if (result) {
                result.innerHTML = '';
                var alert = document.createElement('div');
                alert.className = 'alert alert-danger';
                alert.setAttribute('role', 'alert');
                alert.setAttribute('data-testid', 'import-error');
                alert.textContent = 'Tệp lớn hơn ' + Math.round(Number(input.getAttribute('data-max-bytes')) / 1048576) + ' MB; hãy chia thành nhiều tệp.';
                result.appendChild(alert);
            }
        }
    });
    document.addEventListener('htmx:xhr:progress', function (e) {
        var form = e.target.closest && e.target.closest('form');
        var bar = form && form.querySelector('[data-upload-progress]');
        if (bar && e.detail.total) {
            var value = Math.round(e.detail.loaded / e.detail.total * 100);
            bar.hidden = false;
            var inner = bar.querySelector('.progress-bar');
            inner.style.width = value + '%';
            inner.textContent = value + '%';
            bar.setAttribute('aria-valuenow', String(value));
        }
    });

    init(document);
    showTabFor(location.hash);
}());
