// While the search index is being rebuilt, the admin page moves its progress bar every two seconds
// from the progress endpoint, and reloads once the rebuild has finished to show the new counts.
// Without the script, the page refreshes itself (a meta refresh inside <noscript>).
(function () {
    'use strict';
    var section = document.querySelector('.search-rebuild[data-running="true"]');
    if (!section) {
        return;
    }

    var bar = section.querySelector('progress');
    var status = section.querySelector('.search-rebuild-status');

    function poll() {
        fetch(section.dataset.progressUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (progress) {
                if (!progress) {
                    window.setTimeout(poll, 5000);
                    return;
                }

                if (!progress.running) {
                    window.location.reload();
                    return;
                }

                bar.value = progress.percent;
                bar.textContent = progress.percent + '%';
                status.textContent = progress.text;
                window.setTimeout(poll, 2000);
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 2000);
})();
