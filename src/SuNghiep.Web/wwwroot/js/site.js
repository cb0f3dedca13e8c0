// Behaviour shared by every page, bound by delegation so that content swapped in by htmx gets it too. The pages carry
// no inline script: the Content-Security-Policy allows scripts from the site's own files only.
(function () {
    'use strict';

    // "In" buttons print the page.
    document.addEventListener('click', function (e) {
        if (e.target instanceof Element && e.target.closest('[data-print]')) {
            window.print();
        }
    });

    // A search box that fills a list as one types must not submit its form on Enter.
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && e.target instanceof Element && e.target.matches('[data-enter-stays]')) {
            e.preventDefault();
        }
    });

    // A form that comes back with errors: focus moves to its summary, which screen readers then read, and each of the
    // summary's links moves focus to its field (a link to an id only scrolls there).
    function focusSummary(root) {
        var summary = root.querySelector('[data-testid="error-summary"]');
        if (summary) {
            if (!summary.hasAttribute('tabindex')) { summary.setAttribute('tabindex', '-1'); }
            summary.focus();
        }
    }

    focusSummary(document);
    document.addEventListener('htmx:afterSettle', function (e) {
        if (e.target instanceof Element) { focusSummary(e.target); }
    });

    document.addEventListener('click', function (e) {
        var link = e.target instanceof Element ? e.target.closest('[data-testid="error-summary"] a[href^="#"]') : null;
        if (!link) { return; }
        var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
        if (!field) { return; }
        e.preventDefault();
        if (!field.matches('input, select, textarea, button, a[href], [tabindex]')) { field.setAttribute('tabindex', '-1'); }
        field.scrollIntoView({ block: 'center' });
        field.focus();
    });

    // A field's length limit (data-maxlength) is told as one types, not enforced by cutting: the browser's maxlength
    // would drop the end of a pasted text without a word, where the server refuses it with a message.
    document.addEventListener('input', function (e) {
        var field = e.target;
        if (!(field instanceof HTMLElement) || !field.matches('[data-maxlength]')) { return; }
        var max = parseInt(field.getAttribute('data-maxlength'), 10);
        var id = (field.id || field.getAttribute('name') || 'field') + '-length';
        var note = document.getElementById(id);
        var length = field.value.trim().length;
        if (length > max) {
            if (!note) {
                note = document.createElement('div');
                note.id = id;
                note.className = 'form-text text-danger';
                note.setAttribute('aria-live', 'polite');
                field.insertAdjacentElement('afterend', note);
            }
            note.textContent = 'Đã nhập ' + length.toLocaleString('vi-VN') + ' ký tự, quá mức tối đa ' + max.toLocaleString('vi-VN') + ' ký tự: hãy rút gọn.';
        } else if (note) {
            note.remove();
        }
    });
})();
