// Upload progress from htmx, then an indeterminate bar while the server checks and writes the file.
(function () {
    var form = document.getElementById('import-form');
    var box = document.getElementById('import-progress');
    var bar = box.querySelector('.progress-bar');
    var holder = box.querySelector('.progress');
    var text = document.getElementById('import-progress-text');
    var limit = Number(form.dataset.maxBytes);
    var checking = false;
    function show(percent) {
        box.hidden = false;
        bar.style.width = (checking ? 100 : percent) + '%';
        bar.classList.toggle('progress-bar-striped', checking);
        bar.classList.toggle('progress-bar-animated', checking);
        holder.setAttribute('aria-valuenow', checking ? '100' : String(percent));
        text.textContent = checking ? 'Đang kiểm tra và ghi…' : 'Đang tải tệp lên… ' + percent + '%';
    }
    form.addEventListener('htmx:confirm', function (e) {
        var file = document.getElementById('Upload').files[0];
        if (file && file.size > limit) {
            e.preventDefault();
            document.getElementById('import-result').innerHTML =
                '<div class="alert alert-danger" role="alert" data-testid="import-error">Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp nhỏ hơn.</div>';
        }
    });
    form.addEventListener('htmx:beforeRequest', function () {
        checking = false;
        document.getElementById('import-result').replaceChildren();
        show(0);
    });
    // htmx reports the upload's progress and then the answer's: once the file is sent, the bar stays on "checking".
    form.addEventListener('htmx:xhr:progress', function (e) {
        if (checking || !e.detail.lengthComputable) { return; }
        var percent = Math.round(e.detail.loaded * 100 / e.detail.total);
        checking = percent >= 100;
        show(percent);
    });
    // A file with problems is answered with 400: its table of problems is shown all the same. htmx raises this
    // event on the target, which the swap replaces, so it is heard on the body.
    document.body.addEventListener('htmx:beforeSwap', function (e) {
        if (e.detail.requestConfig.elt === form && e.detail.xhr.status === 400) { e.detail.shouldSwap = true; e.detail.isError = false; }
    });
    form.addEventListener('htmx:afterRequest', function () { box.hidden = true; });
})();
