// A small rich-text editor over the article body textarea. Without JavaScript the textarea
// itself is the editor; with it, staff get a toolbar that only produces what the server-side
// sanitizer keeps (paragraphs, h2/h3, bold, italic, lists, links, captioned images, tables).
(function () {
    'use strict';

    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
        if (text) { node.textContent = text; }
        return node;
    }

    function escapeHtml(text) {
        var div = document.createElement('div');
        div.textContent = text;
        return div.innerHTML.replace(/"/g, '&quot;');
    }

    function enhance(textarea) {
        var wrapper = el('div', { 'class': 'rte' });
        var toolbar = el('div', { 'class': 'rte-toolbar', role: 'toolbar', 'aria-label': 'Định dạng nội dung' });
        var area = el('div', {
            'class': 'rte-area article-body',
            contenteditable: 'true',
            role: 'textbox',
            'aria-multiline': 'true',
            'aria-labelledby': textarea.id + '-label'
        });
        var label = document.querySelector('label[for="' + textarea.id + '"]');
        if (label) { label.id = textarea.id + '-label'; }
        area.innerHTML = textarea.value.trim() || '<p><br></p>';

        function exec(command, value) {
            area.focus();
            document.execCommand(command, false, value);
        }

        var buttons = [
            { label: 'Đoạn văn', title: 'Đoạn văn thường', run: function () { exec('formatBlock', '<p>'); } },
            { label: 'Tiêu đề 2', title: 'Tiêu đề mục', run: function () { exec('formatBlock', '<h2>'); } },
            { label: 'Tiêu đề 3', title: 'Tiêu đề mục con', run: function () { exec('formatBlock', '<h3>'); } },
            { label: 'Đậm', title: 'Chữ đậm (Ctrl+B)', run: function () { exec('bold'); } },
            { label: 'Nghiêng', title: 'Chữ nghiêng (Ctrl+I)', run: function () { exec('italic'); } },
            { label: '• Danh sách', title: 'Danh sách dấu chấm', run: function () { exec('insertUnorderedList'); } },
            { label: '1. Danh sách', title: 'Danh sách đánh số', run: function () { exec('insertOrderedList'); } },
            { label: 'Liên kết', title: 'Chèn liên kết', run: insertLink },
            { label: 'Bỏ liên kết', title: 'Bỏ liên kết', run: function () { exec('unlink'); } },
            { label: 'Ảnh', title: 'Chèn ảnh từ thư viện', run: openPicker },
            { label: 'Bảng', title: 'Chèn bảng', run: insertTable },
            { label: 'HTML', title: 'Xem và sửa mã HTML', run: toggleSource }
        ];
        buttons.forEach(function (spec) {
            var button = el('button', { type: 'button', title: spec.title }, spec.label);
            button.addEventListener('mousedown', function (event) { event.preventDefault(); });
            button.addEventListener('click', spec.run);
            toolbar.appendChild(button);
        });

        var savedRange = null;
        function saveSelection() {
            var selection = window.getSelection();
            if (selection.rangeCount > 0 && area.contains(selection.anchorNode)) {
                savedRange = selection.getRangeAt(0).cloneRange();
            }
        }
        function restoreSelection() {
            area.focus();
            if (savedRange) {
                var selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(savedRange);
            }
        }
        area.addEventListener('keyup', saveSelection);
        area.addEventListener('mouseup', saveSelection);
        area.addEventListener('blur', saveSelection);

        function insertLink() {
            saveSelection();
            var url = window.prompt('Địa chỉ liên kết (bắt đầu bằng https://, http:// hoặc mailto:)', 'https://');
            if (!url) { return; }
            if (!/^(https?:\/\/|mailto:|\/)/i.test(url.trim())) {
                window.alert('Địa chỉ liên kết không hợp lệ.');
                return;
            }
            restoreSelection();
            exec('createLink', url.trim());
        }

        function insertTable() {
            saveSelection();
            var rows = parseInt(window.prompt('Số hàng của bảng', '3'), 10);
            var cols = parseInt(window.prompt('Số cột của bảng', '3'), 10);
            if (!(rows > 0 && rows <= 50 && cols > 0 && cols <= 12)) { return; }
            var html = '<table><thead><tr>';
            for (var c = 0; c < cols; c++) { html += '<th scope="col">Tiêu đề</th>'; }
            html += '</tr></thead><tbody>';
            for (var r = 0; r < rows - 1; r++) {
                html += '<tr>';
                for (var d = 0; d < cols; d++) { html += '<td>&nbsp;</td>'; }
                html += '</tr>';
            }
            html += '</tbody></table><p><br></p>';
            restoreSelection();
            exec('insertHTML', html);
        }

        var dialog = el('dialog', { 'class': 'rte-picker', 'aria-label': 'Chọn ảnh từ thư viện' });
        var dialogTitle = el('h2', {}, 'Chọn ảnh từ thư viện');
        var grid = el('ul', { 'class': 'media-grid' });
        var captionLabel = el('label', { 'for': textarea.id + '-caption' }, 'Chú thích ảnh (không bắt buộc)');
        var captionInput = el('input', { id: textarea.id + '-caption', type: 'text', maxlength: '300' });
        var closeButton = el('button', { type: 'button' }, 'Đóng');
        closeButton.addEventListener('click', function () { dialog.close(); });
        dialog.appendChild(dialogTitle);
        dialog.appendChild(captionLabel);
        dialog.appendChild(captionInput);
        dialog.appendChild(grid);
        dialog.appendChild(closeButton);

        function openPicker() {
            saveSelection();
            grid.textContent = 'Đang tải…';
            captionInput.value = '';
            dialog.showModal();
            fetch(textarea.dataset.mediaUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then(function (response) { if (!response.ok) { throw new Error(); } return response.json(); })
                .then(function (items) {
                    grid.textContent = '';
                    if (items.length === 0) { grid.textContent = 'Thư viện chưa có ảnh. Hãy tải ảnh lên trong mục Thư viện ảnh.'; }
                    items.forEach(function (item) {
                        var li = el('li');
                        var pick = el('button', { type: 'button', 'class': 'rte-pick' });
                        var img = el('img', { src: item.thumbnail, alt: '', loading: 'lazy', width: '160', height: '107' });
                        pick.appendChild(img);
                        pick.appendChild(el('span', {}, item.alt));
                        pick.addEventListener('click', function () {
                            var caption = captionInput.value.trim();
                            var html = '<figure><img src="' + escapeHtml(item.url) + '" alt="' + escapeHtml(item.alt) + '">' +
                                (caption ? '<figcaption>' + escapeHtml(caption) + '</figcaption>' : '') + '</figure><p><br></p>';
                            dialog.close();
                            restoreSelection();
                            exec('insertHTML', html);
                        });
                        li.appendChild(pick);
                        grid.appendChild(li);
                    });
                })
                .catch(function () { grid.textContent = 'Không tải được thư viện ảnh.'; });
        }

        var showingSource = false;
        function toggleSource() {
            showingSource = !showingSource;
            if (showingSource) {
                textarea.value = area.innerHTML;
            } else {
                area.innerHTML = textarea.value;
            }
            wrapper.classList.toggle('rte-source', showingSource);
        }

        textarea.form.addEventListener('submit', function () {
            if (!showingSource) { textarea.value = area.innerHTML; }
        });

        textarea.parentNode.insertBefore(wrapper, textarea);
        wrapper.appendChild(toolbar);
        wrapper.appendChild(area);
        wrapper.appendChild(textarea);
        wrapper.appendChild(dialog);
        wrapper.classList.add('rte-ready');
        document.execCommand('defaultParagraphSeparator', false, 'p');
    }

    document.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
})();
