// Shows the groups and the hint of the chosen type; a hidden group is disabled so that it is not sent.
// For a consolidation or a division, choosing the sources fills the new unit's empty fields from them (the form's
// "Điền từ đơn vị nguồn" button, which without this script posts the form back to do the same).
(function () {
    var form = document.getElementById('reorganization-form');
    var type = document.getElementById('Input_Type');
    function apply() {
        var t = type.value;
        form.querySelectorAll('[data-types]').forEach(function (el) {
            var show = t !== '' && el.dataset.types.split(' ').indexOf(t) >= 0;
            el.hidden = !show;
            el.disabled = !show;
        });
        form.querySelectorAll('[data-hint]').forEach(function (el) {
            el.hidden = t !== '' && el.dataset.hint !== t;
        });
        form.querySelector('[data-hint-intro]').hidden = t !== '';
    }
    type.addEventListener('change', apply);
    apply();

    function prefill() {
        var button = form.querySelector('[data-prefill]');
        if (button && !button.closest('[hidden]')) { button.click(); }
    }

    form.addEventListener('change', function (e) {
        if (e.target instanceof Element && (e.target.matches('input[name="Input.SourceUnitIds"]') || e.target.id === 'Input_SourceUnitCodes')) {
            prefill();
        }
    });

    // Blocks swapped in by htmx (added, removed, filled) take the type's groups as the rest of the form does.
    document.addEventListener('htmx:afterSwap', apply);
})();
