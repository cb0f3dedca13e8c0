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
})();
