// The area and agency pickers: a text field (data-picker="lookup address") becomes a WAI-ARIA combobox that finds
// areas or agencies by name as the user types and sends the chosen code or id in a hidden field of the field's name.
// Without this script the field itself is sent, and the server reads a code, an id or a name there.
// With data-picker-multi="name" the field adds to a list of chips (in the closest [data-multi-picker], each with a
// hidden field of that name and a button that removes it) and empties itself after each choice.
(function () {
    'use strict';

    var MIN = 2;
    var DELAY = 200;
    var counter = 0;

    function fold(text) {
        return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').trim().toLowerCase();
    }

    function setUp(input) {
        var url = input.getAttribute('data-picker');
        var name = input.getAttribute('name');
        if (!url || !name) { return; }
        var id = input.id || ('picker-' + (++counter));
        input.id = id;

        // The value the form sends: the chosen code, or what was typed, for the server to resolve.
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = name;
        hidden.value = input.value;
        input.removeAttribute('name');
        input.insertAdjacentElement('afterend', hidden);
        var multiName = input.getAttribute('data-picker-multi');
        var multi = multiName ? input.closest('[data-multi-picker]') : null;
        var chips = multi ? multi.querySelector('[data-chips]') : null;
        var label = input.getAttribute('data-picker-label');
        if (label) { input.value = label; }

        var wrapper = input.parentElement;
        wrapper.classList.add('picker');
        var list = document.createElement('ul');
        list.id = id + '-listbox';
        list.className = 'picker-list';
        list.setAttribute('role', 'listbox');
        var labelElement = document.querySelector('label[for="' + id + '"]');
        if (labelElement) { list.setAttribute('aria-label', labelElement.textContent.trim()); }
        list.hidden = true;
        hidden.insertAdjacentElement('afterend', list);
        var status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        list.insertAdjacentElement('afterend', status);

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);
        input.setAttribute('autocomplete', 'off');

        var items = [];
        var active = -1;
        var timer = null;
        var asked = 0;

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function open() {
            if (list.childElementCount === 0) { return; }
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
        }

        function highlight(index) {
            var options = list.querySelectorAll('[role="option"]');
            if (options.length === 0) { return; }
            active = (index + options.length) % options.length;
            options.forEach(function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
            input.setAttribute('aria-activedescendant', options[active].id);
            options[active].scrollIntoView({ block: 'nearest' });
        }

        function addChip(value, text) {
            var taken = Array.prototype.some.call(chips.querySelectorAll('input[type="hidden"]'), function (h) { return h.value === value; });
            input.value = '';
            hidden.value = '';
            close();
            if (taken) { status.textContent = text + ' đã có trong danh sách.'; return; }
            var li = document.createElement('li');
            li.className = 'chip';
            li.setAttribute('data-testid', 'coordinator-chip');
            var field = document.createElement('input');
            field.type = 'hidden';
            field.name = multiName;
            field.value = value;
            var span = document.createElement('span');
            span.textContent = text;
            var remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'chip-remove';
            remove.setAttribute('data-chip-remove', '');
            remove.setAttribute('aria-label', 'Bỏ ' + text);
            remove.textContent = '×';
            li.appendChild(field);
            li.appendChild(span);
            li.appendChild(remove);
            chips.appendChild(li);
            status.textContent = 'Đã thêm ' + text + '.';
        }

        if (chips) {
            // The chips' buttons remove without a round trip; focus returns to the field, where the next one is typed.
            chips.addEventListener('click', function (e) {
                var button = e.target instanceof Element ? e.target.closest('[data-chip-remove]') : null;
                if (!button) { return; }
                e.preventDefault();
                var li = button.closest('li');
                var text = li.querySelector('span') ? li.querySelector('span').textContent : '';
                li.remove();
                status.textContent = 'Đã bỏ ' + text + '.';
                input.focus();
            });
        }

        function choose(index) {
            var item = items[index];
            if (!item) { return; }
            if (chips) {
                addChip(String(item.id !== undefined ? item.id : item.code), item.name + ' (' + item.detail.split(' · ')[0] + ')');
                return;
            }
            var value = item.code !== undefined ? item.code : String(item.id);
            input.value = item.name + ' (' + (item.code !== undefined ? item.code : item.detail.split(' · ')[0]) + ')';
            hidden.value = value;
            close();
            // Filters that refresh on change (htmx) read the choice at once.
            input.dispatchEvent(new Event('change', { bubbles: true }));
        }

        function render(found) {
            items = found;
            list.textContent = '';
            active = -1;
            input.removeAttribute('aria-activedescendant');
            if (found.length === 0) {
                var empty = document.createElement('li');
                empty.className = 'picker-empty';
                empty.setAttribute('role', 'option');
                empty.setAttribute('aria-disabled', 'true');
                empty.id = id + '-none';
                empty.textContent = 'Không tìm thấy kết quả phù hợp';
                list.appendChild(empty);
            }
            found.forEach(function (item, i) {
                var li = document.createElement('li');
                li.id = id + '-option-' + i;
                li.className = 'picker-option';
                li.setAttribute('role', 'option');
                li.setAttribute('aria-selected', 'false');
                li.textContent = item.name;
                var detail = document.createElement('span');
                detail.className = 'picker-detail';
                detail.textContent = item.detail;
                li.appendChild(detail);
                // Chosen on mousedown, before the field loses focus and closes the list.
                li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
                list.appendChild(li);
            });
            status.textContent = found.length === 0 ? 'Không tìm thấy kết quả phù hợp'
                : found.length + ' kết quả; dùng phím mũi tên để chọn.';
            open();
        }

        function lookup() {
            var q = input.value.trim();
            if (fold(q).length < MIN) { list.textContent = ''; close(); return; }
            var ticket = ++asked;
            var address = url + (url.indexOf('?') >= 0 ? '&' : '?') + 'q=' + encodeURIComponent(q);
            fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (r) { return r.ok ? r.json() : { items: [] }; })
                .then(function (body) {
                    // An older answer arriving late must not replace a newer one.
                    if (ticket === asked && document.activeElement === input) { render(body.items || []); }
                })
                .catch(function () { /* the typed text is still sent and resolved by the server */ });
        }

        input.addEventListener('input', function () {
            hidden.value = input.value;
            clearTimeout(timer);
            timer = setTimeout(lookup, DELAY);
        });

        input.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (list.hidden) {
                    if (items.length > 0) { open(); } else { lookup(); return; }
                }
                highlight(active < 0 ? (e.key === 'ArrowDown' ? 0 : -1) : active + (e.key === 'ArrowDown' ? 1 : -1));
            } else if (e.key === 'Enter') {
                if (!list.hidden && active >= 0) {
                    e.preventDefault();
                    choose(active);
                }
            } else if (e.key === 'Escape') {
                if (!list.hidden) {
                    e.preventDefault();
                    close();
                } else if (input.value !== '') {
                    input.value = '';
                    hidden.value = '';
                }
            }
        });

        input.addEventListener('blur', close);
    }

    function setUpAll(root) {
        root.querySelectorAll('input[data-picker]').forEach(function (input) {
            // Once per field: content swapped in by htmx brings new fields, never the old ones again.
            if (input.hasAttribute('data-picker-ready')) { return; }
            input.setAttribute('data-picker-ready', '');
            setUp(input);
        });
    }

    setUpAll(document);
    document.addEventListener('htmx:load', function (e) {
        if (e.detail && e.detail.elt instanceof Element) { setUpAll(e.detail.elt.parentElement || e.detail.elt); }
    });
})();
