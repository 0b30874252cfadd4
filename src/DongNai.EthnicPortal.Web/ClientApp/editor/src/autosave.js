// Saves the form to the server in the background every few seconds while something changed, and when
// the tab is hidden. The server keeps it apart from the article: no revision, no status change.

const MESSAGES = {
    403: 'Không tự động lưu được: bạn không còn quyền sửa bài này.',
    409: 'Bài viết vừa được người khác lưu. Bản của bạn chưa được tự động lưu; hãy mở bài ở thẻ khác để xem bản mới rồi quyết định.',
    413: 'Không tự động lưu được: nội dung quá dài.',
};

export function attachAutosave({ form, url, seconds, status, sync, changes }) {
    let dirty = false;
    let stopped = false;
    changes(() => { dirty = true; });

    function payload() {
        sync();
        return new FormData(form);
    }

    function report(response) {
        if (response.ok) {
            return response.json().then((body) => { status.textContent = 'Đã lưu tự động lúc ' + body.savedAt; });
        }
        return response.json().catch(() => ({})).then((body) => {
            if (body.retry) {
                // Another request of the same person was writing the same draft; this text goes again next time.
                dirty = true;
                status.textContent = body.error;
                return;
            }
            if (response.status === 409 || response.status === 403) {
                stopped = true;
            }
            status.textContent = MESSAGES[response.status] || body.error || 'Không tự động lưu được (mã lỗi ' + response.status + '). Hãy bấm “Lưu” để giữ bài.';
        });
    }

    function save() {
        if (!dirty || stopped) { return; }
        dirty = false;
        fetch(url, { method: 'POST', body: payload(), credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(report)
            .catch(() => {
                dirty = true;
                status.textContent = 'Mất kết nối: chưa tự động lưu được, sẽ thử lại.';
            });
    }

    window.setInterval(save, seconds * 1000);
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && dirty && !stopped) {
            dirty = false;
            navigator.sendBeacon(url, payload());
        }
    });
    // A real save supersedes the autosave; nothing is left to send.
    form.addEventListener('submit', () => { stopped = true; });
}
