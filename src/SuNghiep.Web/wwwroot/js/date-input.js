// The calendar beside every date field (text inputs in dd/mm/yyyy written by the server's DateInputTagHelper). It
// knows no locale: days, months and the order of a date are Vietnamese whatever the browser's language. The field
// stays a plain text input, so the page works the same without this script.
(function () {
    'use strict';

    var MONTHS = ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6',
        'Tháng 7', 'Tháng 8', 'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'];
    // Vietnamese weeks start on Monday.
    var DAYS = [['T2', 'Thứ hai'], ['T3', 'Thứ ba'], ['T4', 'Thứ tư'], ['T5', 'Thứ năm'], ['T6', 'Thứ sáu'],
        ['T7', 'Thứ bảy'], ['CN', 'Chủ nhật']];
    var FUTURE = 'Ngày ban hành quyết định sau ngày hôm nay: kiểm tra lại ngày đã nhập.';
    var AFTER = 'Ngày ban hành quyết định sau ngày có hiệu lực: kiểm tra lại hai ngày đã nhập.';

    function pad(n) { return (n < 10 ? '0' : '') + n; }

    function format(d) { return pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear(); }

    // A real day of the calendar, or null (31/02 does not roll over into March).
    function day(y, m, d) {
        if (m < 0 || m > 11 || d < 1 || d > 31) { return null; }
        var date = new Date(y, m, d);
        // Years 0-99 would be read as 1900-1999.
        date.setFullYear(y, m, d);
        return date.getMonth() === m && date.getDate() === d ? date : null;
    }

    // dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd, as the server reads them; null for anything else.
    function parse(text) {
        var t = (text || '').trim(), m;
        if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
            return day(+m[3], +m[2] - 1, +m[1]);
        }
        if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
            return day(+m[1], +m[2] - 1, +m[3]);
        }
        return null;
    }

    function sameDay(a, b) { return a && b && a.getTime() === b.getTime(); }

    function addDays(d, n) { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n); }

    // The same day in another month, or the month's last day when it has fewer days.
    function addMonths(d, n) {
        var last = new Date(d.getFullYear(), d.getMonth() + n + 1, 0);
        return new Date(last.getFullYear(), last.getMonth(), Math.min(d.getDate(), last.getDate()));
    }

    function labelOf(input) {
        var label = input.id ? document.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
        var text = label ? label.textContent : input.getAttribute('aria-label');
        return (text || '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
    }

    var dialog, grid, caption, input, trigger, shown, focused, today;

    function build() {
        dialog = document.createElement('dialog');
        dialog.className = 'date-picker';
        dialog.setAttribute('aria-labelledby', 'date-picker-title');
        dialog.innerHTML =
            '<h2 class="h6 mb-2" id="date-picker-title"></h2>' +
            '<div class="date-picker-nav">' +
            '<button type="button" class="btn btn-outline-secondary btn-sm" data-month="-1" aria-label="Tháng trước">&lsaquo;</button>' +
            '<span class="date-picker-month" id="date-picker-month" aria-live="polite"></span>' +
            '<button type="button" class="btn btn-outline-secondary btn-sm" data-month="1" aria-label="Tháng sau">&rsaquo;</button>' +
            '</div>' +
            '<table role="grid" class="date-picker-grid" aria-labelledby="date-picker-month"><thead><tr></tr></thead><tbody></tbody></table>' +
            '<p class="small text-muted mb-2">Dùng phím mũi tên để chọn ngày, Page Up/Page Down để đổi tháng, Enter để chọn, Esc để đóng.</p>' +
            '<div class="text-end"><button type="button" class="btn btn-secondary btn-sm" data-close>Đóng</button></div>';
        var head = dialog.querySelector('thead tr');
        DAYS.forEach(function (d) {
            var th = document.createElement('th');
            th.scope = 'col';
            th.textContent = d[0];
            th.setAttribute('abbr', d[1]);
            head.appendChild(th);
        });
        grid = dialog.querySelector('tbody');
        caption = dialog.querySelector('#date-picker-month');

        dialog.addEventListener('click', function (e) {
            var t = e.target instanceof Element ? e.target : null;
            if (!t) { return; }
            var nav = t.closest('[data-month]');
            if (nav) {
                focused = addMonths(focused, +nav.getAttribute('data-month'));
                render(false);
                return;
            }
            var cell = t.closest('[data-day]');
            if (cell) {
                pick(parse(cell.getAttribute('data-day')));
                return;
            }
            if (t.closest('[data-close]')) {
                dialog.close();
            }
        });
        dialog.addEventListener('keydown', onKey);
        dialog.addEventListener('close', function () {
            if (trigger) { trigger.focus(); }
        });
        document.body.appendChild(dialog);
    }

    function onKey(e) {
        if (!(e.target instanceof Element) || !e.target.hasAttribute('data-day')) { return; }
        var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
        var next = null;
        if (e.key in moves) {
            next = addDays(focused, moves[e.key]);
        } else if (e.key === 'PageUp' || e.key === 'PageDown') {
            next = addMonths(focused, (e.key === 'PageUp' ? -1 : 1) * (e.shiftKey ? 12 : 1));
        } else if (e.key === 'Home') {
            next = addDays(focused, -((focused.getDay() + 6) % 7));
        } else if (e.key === 'End') {
            next = addDays(focused, 6 - ((focused.getDay() + 6) % 7));
        }
        if (next) {
            e.preventDefault();
            focused = next;
            render(true);
        }
    }

    function render(moveFocus) {
        caption.textContent = MONTHS[focused.getMonth()] + ' năm ' + focused.getFullYear();
        grid.textContent = '';
        var first = new Date(focused.getFullYear(), focused.getMonth(), 1);
        var d = addDays(first, -((first.getDay() + 6) % 7));
        var toFocus = null;
        for (var week = 0; week < 6; week++) {
            var row = document.createElement('tr');
            for (var i = 0; i < 7; i++, d = addDays(d, 1)) {
                var cell = document.createElement('td');
                if (d.getMonth() === focused.getMonth()) {
                    var b = document.createElement('button');
                    b.type = 'button';
                    b.className = 'btn btn-sm date-picker-day';
                    b.textContent = d.getDate();
                    b.setAttribute('data-day', format(d));
                    b.setAttribute('aria-label', d.getDate() + ' ' + MONTHS[d.getMonth()].toLowerCase() + ' năm ' + d.getFullYear());
                    b.tabIndex = sameDay(d, focused) ? 0 : -1;
                    if (sameDay(d, shown)) {
                        b.setAttribute('aria-selected', 'true');
                        b.classList.add('btn-primary');
                    }
                    if (sameDay(d, today)) {
                        b.setAttribute('aria-current', 'date');
                        b.classList.add('date-picker-today');
                    }
                    if (sameDay(d, focused)) { toFocus = b; }
                    cell.appendChild(b);
                }
                row.appendChild(cell);
            }
            grid.appendChild(row);
        }
        if (moveFocus && toFocus) { toFocus.focus(); }
    }

    function open(field, button) {
        if (!dialog) { build(); }
        input = field;
        trigger = button;
        today = parse(field.getAttribute('data-today')) || parse(format(new Date()));
        shown = parse(field.value);
        focused = shown || today;
        dialog.querySelector('#date-picker-title').textContent = 'Chọn ngày' + (labelOf(field) ? ': ' + labelOf(field) : '');
        render(false);
        dialog.showModal();
        dialog.querySelector('[data-day][tabindex="0"]').focus();
    }

    function pick(date) {
        if (!date || !input) { return; }
        input.value = format(date);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        dialog.close();
    }

    // A decision signed after the date it takes effect, or in the future, is most often a slip of the keyboard: the
    // officer is told beside the field (the server records what was decided and does not refuse it).
    function checkDecision(form) {
        var decision = form.querySelector('[data-date-input][name$="DecisionDate"]');
        if (!decision) { return; }
        var effective = form.querySelector('[data-date-input][name$="EffectiveDate"], [data-date-input][name$="EffectiveFrom"]');
        var note = document.getElementById(decision.id + '-warning');
        var signed = parse(decision.value), from = effective ? parse(effective.value) : null;
        var limit = parse(decision.getAttribute('data-today'));
        var text = signed && limit && signed > limit ? FUTURE : signed && from && signed > from ? AFTER : '';
        if (!note) {
            note = document.createElement('div');
            note.id = decision.id + '-warning';
            note.className = 'form-text text-warning-emphasis';
            note.setAttribute('role', 'status');
            note.setAttribute('data-testid', 'decision-date-warning');
            (decision.closest('.date-field') || decision).after(note);
        }
        note.textContent = text;
    }

    // The browser's own message for text that is not shaped like a date would be in the browser's language. A date of
    // the right shape that is not a real day (31/02) goes to the server, which answers on the field.
    function validate(field) {
        field.setCustomValidity('');
        if (field.validity.patternMismatch) {
            field.setCustomValidity('Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy');
        }
    }

    function enhance(root) {
        root.querySelectorAll('input[data-date-input]:not([data-date-ready])').forEach(function (field) {
            field.setAttribute('data-date-ready', '');
            validate(field);
            if (field.disabled || field.readOnly) { return; }
            var wrap = document.createElement('div');
            wrap.className = 'input-group date-field' + (field.classList.contains('form-control-sm') ? ' input-group-sm' : '');
            field.before(wrap);
            wrap.appendChild(field);
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'btn btn-outline-secondary';
            button.setAttribute('aria-haspopup', 'dialog');
            button.setAttribute('data-date-picker', '');
            button.title = 'Chọn ngày';
            // Named by its text, not aria-label, so that the field stays the only thing its label names; the label
            // describes which date the button picks.
            button.innerHTML = '<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">' +
                '<rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor"/>' +
                '<path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor"/></svg><span class="visually-hidden">Chọn ngày</span>';
            var label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
            if (label) {
                label.id = label.id || field.id + '-label';
                button.setAttribute('aria-describedby', label.id);
            }
            wrap.appendChild(button);
            if (field.form && /DecisionDate$/.test(field.name)) { checkDecision(field.form); }
        });
    }

    document.addEventListener('click', function (e) {
        var button = e.target instanceof Element ? e.target.closest('[data-date-picker]') : null;
        if (button) {
            open(button.parentElement.querySelector('input[data-date-input]'), button);
        }
    });

    document.addEventListener('input', function (e) {
        var t = e.target;
        if (t instanceof HTMLInputElement && t.hasAttribute('data-date-input') && t.form) {
            validate(t);
            checkDecision(t.form);
        }
    });


    function start() { enhance(document); }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
    // Forms and filters that htmx swaps in get their calendars too.
    document.addEventListener('htmx:load', function (e) { enhance(e.target instanceof Element ? e.target : document); });
})();
