// Shows the groups and the hint of the chosen type; a hidden group is disabled so that it is not sent.
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
})();
