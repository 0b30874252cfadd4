// While an attachment's text is being read, the document editor refreshes its status line and
// progress bar every few seconds from the status endpoint; without the script, reloading shows the same.
(function () {
    'use strict';
    var list = document.querySelector('[data-text-status-url]');
    if (!list) {
        return;
    }

    function working() {
        return list.querySelector('.attachment-text-status[data-working="true"]') !== null;
    }

    function apply(statuses) {
        statuses.forEach(function (status) {
            var line = list.querySelector('.attachment-text-status[data-attachment-id="' + status.id + '"]');
            if (!line) {
                return;
            }

            line.dataset.code = status.code;
            line.dataset.working = status.working ? 'true' : 'false';
            line.querySelector('.attachment-text-label').textContent = status.label;
            var bar = line.querySelector('progress');
            if (status.percent === null) {
                if (bar) {
                    bar.remove();
                }
            } else {
                if (!bar) {
                    bar = document.createElement('progress');
                    bar.max = 100;
                    bar.setAttribute('aria-label', 'Tiến độ trích xuất chữ');
                    line.appendChild(bar);
                }
                bar.value = status.percent;
            }
        });
    }

    function poll() {
        if (!working()) {
            return;
        }

        fetch(list.dataset.textStatusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (statuses) {
                apply(statuses);
                window.setTimeout(poll, 3000);
            })
            .catch(function () { window.setTimeout(poll, 10000); });
    }

    window.setTimeout(poll, 3000);
})();
