// Inserting images: pick one from the media library, or upload a new one (chosen, dropped or pasted)
// into the library through the same content checks as its upload form. A new image needs alt text,
// unless the editor marks it decorative.
import { el } from './dom.js';

function field(id, labelText, input) {
    const wrapper = el('div', { class: 'field' });
    wrapper.appendChild(el('label', { for: id }, labelText));
    wrapper.appendChild(input);
    return wrapper;
}

export function createImageDialog({ idPrefix, pickerUrl, onInsert, onUpload }) {
    const titleId = idPrefix + '-image-title';
    const dialog = el('dialog', { class: 'rte-picker', 'aria-labelledby': titleId });
    const form = el('form', { method: 'dialog', class: 'stack', novalidate: '' });
    const fileInput = el('input', { id: idPrefix + '-image-file', type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp' });
    const fileField = field(fileInput.id, 'Tải ảnh mới lên thư viện', fileInput);
    const chosenName = el('p', { class: 'hint' });
    const altInput = el('input', { id: idPrefix + '-image-alt', type: 'text', maxlength: '500' });
    const decorative = el('input', { id: idPrefix + '-image-decorative', type: 'checkbox' });
    const decorativeLabel = el('label', { class: 'check', for: decorative.id });
    decorativeLabel.appendChild(decorative);
    decorativeLabel.appendChild(document.createTextNode(' Ảnh trang trí (không mang nội dung, không cần mô tả)'));
    const captionInput = el('input', { id: idPrefix + '-image-caption', type: 'text', maxlength: '300' });
    const error = el('p', { class: 'field-error', role: 'alert' });
    const gridTitle = el('h3', {}, 'Hoặc chọn ảnh có sẵn trong thư viện');
    const grid = el('ul', { class: 'media-grid' });
    const insertButton = el('button', { type: 'submit', class: 'button-primary' }, 'Chèn ảnh');
    const cancelButton = el('button', { type: 'button' }, 'Hủy');
    const actions = el('div', { class: 'form-actions' });
    actions.appendChild(insertButton);
    actions.appendChild(cancelButton);

    dialog.appendChild(el('h2', { id: titleId }, 'Chèn ảnh'));
    form.appendChild(fileField);
    form.appendChild(chosenName);
    form.appendChild(field(altInput.id, 'Mô tả ảnh cho người không nhìn thấy (bắt buộc với ảnh mới)', altInput));
    form.appendChild(decorativeLabel);
    form.appendChild(field(captionInput.id, 'Chú thích ảnh (không bắt buộc)', captionInput));
    form.appendChild(error);
    form.appendChild(actions);
    form.appendChild(gridTitle);
    form.appendChild(grid);
    dialog.appendChild(form);

    let pendingFile = null;
    let pendingPosition = null;
    let chosenItem = null;

    function reset() {
        pendingFile = null;
        pendingPosition = null;
        chosenItem = null;
        fileInput.value = '';
        altInput.value = '';
        captionInput.value = '';
        decorative.checked = false;
        error.textContent = '';
        chosenName.textContent = '';
    }

    function showChosen(text) {
        chosenName.textContent = text;
    }

    function loadLibrary() {
        grid.textContent = 'Đang tải…';
        fetch(pickerUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then((response) => { if (!response.ok) { throw new Error(); } return response.json(); })
            .then((items) => {
                grid.textContent = items.length === 0 ? 'Thư viện chưa có ảnh.' : '';
                items.forEach((item) => {
                    const li = el('li');
                    const pick = el('button', { type: 'button', class: 'rte-pick', 'aria-pressed': 'false' });
                    pick.appendChild(el('img', { src: item.thumbnail, alt: '', loading: 'lazy', width: '160', height: '107' }));
                    pick.appendChild(el('span', {}, item.alt));
                    pick.addEventListener('click', () => {
                        grid.querySelectorAll('[aria-pressed="true"]').forEach((other) => other.setAttribute('aria-pressed', 'false'));
                        pick.setAttribute('aria-pressed', 'true');
                        chosenItem = item;
                        pendingFile = null;
                        fileInput.value = '';
                        altInput.value = item.alt;
                        showChosen('Đã chọn ảnh trong thư viện: ' + item.alt);
                    });
                    li.appendChild(pick);
                    grid.appendChild(li);
                });
            })
            .catch(() => { grid.textContent = 'Không tải được thư viện ảnh.'; });
    }

    fileInput.addEventListener('change', () => {
        pendingFile = fileInput.files[0] || null;
        chosenItem = null;
        if (pendingFile) { showChosen('Ảnh mới: ' + pendingFile.name); }
    });
    decorative.addEventListener('change', () => { altInput.disabled = decorative.checked; });
    cancelButton.addEventListener('click', () => dialog.close());

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const alt = altInput.value.trim();
        const caption = captionInput.value.trim();
        if (!pendingFile && !chosenItem) {
            error.textContent = 'Hãy chọn một tệp ảnh hoặc một ảnh trong thư viện.';
            return;
        }
        if (!decorative.checked && alt === '') {
            error.textContent = 'Hãy nhập mô tả ảnh, hoặc đánh dấu đây là ảnh trang trí.';
            altInput.focus();
            return;
        }
        dialog.close();
        if (pendingFile) {
            onUpload(pendingFile, { alt, decorative: decorative.checked, caption }, pendingPosition);
        } else {
            onInsert({ src: chosenItem.url, alt: decorative.checked ? '' : alt, width: chosenItem.width, height: chosenItem.height, caption });
        }
    });

    return {
        element: dialog,
        open() {
            reset();
            fileField.hidden = false;
            gridTitle.hidden = false;
            grid.hidden = false;
            altInput.disabled = false;
            dialog.showModal();
            loadLibrary();
        },
        askForNew(file, position) {
            reset();
            pendingFile = file;
            pendingPosition = position;
            fileField.hidden = true;
            gridTitle.hidden = true;
            grid.hidden = true;
            altInput.disabled = false;
            showChosen('Ảnh mới: ' + file.name);
            dialog.showModal();
            altInput.focus();
        },
    };
}

export function uploadImage(url, form, file, meta, onProgress) {
    return new Promise((resolve, reject) => {
        const data = new FormData();
        data.append('file', file, file.name);
        data.append('altText', meta.decorative ? '' : meta.alt);
        data.append('decorative', meta.decorative ? 'true' : 'false');
        data.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
        const request = new XMLHttpRequest();
        request.open('POST', url);
        request.setRequestHeader('Accept', 'application/json');
        request.upload.addEventListener('progress', (event) => {
            if (event.lengthComputable) { onProgress(Math.round((event.loaded / event.total) * 100)); }
        });
        request.addEventListener('load', () => {
            let body = null;
            try { body = JSON.parse(request.responseText); } catch (ignored) { body = null; }
            if (request.status === 200 && body && body.url) {
                resolve(body);
            } else if (body && body.error) {
                reject(body.error);
            } else if (request.status === 413) {
                reject('Ảnh quá lớn: tối đa 10 MB.');
            } else {
                reject('Không tải được ảnh lên (mã lỗi ' + request.status + ').');
            }
        });
        request.addEventListener('error', () => reject('Không kết nối được máy chủ để tải ảnh lên.'));
        request.send(data);
    });
}
