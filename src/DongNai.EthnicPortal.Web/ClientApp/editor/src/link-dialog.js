// Asks for a link's address in the page rather than with window.prompt, so it can be labelled, explained
// and answered with the keyboard like the rest of the admin forms.
import { el } from './dom.js';

const ALLOWED = /^(https?:\/\/|mailto:|\/(?!\/))/i;

export function isAllowedLink(url) {
    return ALLOWED.test(url);
}

export function createLinkDialog({ idPrefix, onApply, onRemove }) {
    const titleId = idPrefix + '-link-title';
    const dialog = el('dialog', { class: 'rte-link', 'aria-labelledby': titleId });
    const form = el('form', { method: 'dialog', class: 'stack', novalidate: '' });
    const input = el('input', { id: idPrefix + '-link-url', type: 'url', maxlength: '2000', 'aria-describedby': idPrefix + '-link-hint' });
    const label = el('label', { for: input.id }, 'Địa chỉ liên kết');
    const hint = el('p', { id: idPrefix + '-link-hint', class: 'hint' }, 'Bắt đầu bằng https://, http://, mailto: hoặc / (trang trong cổng).');
    const error = el('p', { class: 'field-error', role: 'alert' });
    const apply = el('button', { type: 'submit', class: 'button-primary' }, 'Áp dụng');
    const remove = el('button', { type: 'button' }, 'Bỏ liên kết');
    const cancel = el('button', { type: 'button' }, 'Hủy');
    const actions = el('div', { class: 'form-actions' });
    [apply, remove, cancel].forEach((button) => actions.appendChild(button));
    dialog.appendChild(el('h2', { id: titleId }, 'Liên kết'));
    [label, input, hint, error, actions].forEach((node) => form.appendChild(node));
    dialog.appendChild(form);

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const url = input.value.trim();
        if (!isAllowedLink(url)) {
            error.textContent = 'Địa chỉ liên kết không hợp lệ.';
            input.focus();
            return;
        }
        dialog.close();
        onApply(url);
    });
    remove.addEventListener('click', () => { dialog.close(); onRemove(); });
    cancel.addEventListener('click', () => dialog.close());

    return {
        element: dialog,
        open(current) {
            input.value = current || 'https://';
            error.textContent = '';
            dialog.showModal();
            input.select();
        },
    };
}
