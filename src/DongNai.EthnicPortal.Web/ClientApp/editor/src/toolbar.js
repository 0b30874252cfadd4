// The toolbar follows the WAI-ARIA toolbar pattern: one tab stop (the last used button), arrow keys,
// Home and End move inside it; toggles report their state with aria-pressed, and commands that do not
// apply where the cursor is are aria-disabled (still focusable, so the arrow order never changes).
import { el } from './dom.js';

export function buildToolbar(editor, actions) {
    const inTable = () => editor.isActive('table');
    const buttons = [
        { key: 'paragraph', label: 'Đoạn văn', title: 'Đoạn văn thường', run: (c) => c.setParagraph(), active: () => editor.isActive('paragraph') },
        { key: 'h2', label: 'Tiêu đề 2', title: 'Tiêu đề mục (Ctrl+Alt+2)', run: (c) => c.toggleHeading({ level: 2 }), active: () => editor.isActive('heading', { level: 2 }) },
        { key: 'h3', label: 'Tiêu đề 3', title: 'Tiêu đề mục con (Ctrl+Alt+3)', run: (c) => c.toggleHeading({ level: 3 }), active: () => editor.isActive('heading', { level: 3 }) },
        { key: 'bold', label: 'Đậm', title: 'Chữ đậm (Ctrl+B)', run: (c) => c.toggleBold(), active: () => editor.isActive('bold') },
        { key: 'italic', label: 'Nghiêng', title: 'Chữ nghiêng (Ctrl+I)', run: (c) => c.toggleItalic(), active: () => editor.isActive('italic') },
        { key: 'bulletList', label: '• Danh sách', title: 'Danh sách dấu chấm (Ctrl+Shift+8)', run: (c) => c.toggleBulletList(), active: () => editor.isActive('bulletList') },
        { key: 'orderedList', label: '1. Danh sách', title: 'Danh sách đánh số (Ctrl+Shift+7)', run: (c) => c.toggleOrderedList(), active: () => editor.isActive('orderedList') },
        { key: 'blockquote', label: 'Trích dẫn', title: 'Trích dẫn (Ctrl+Shift+B)', run: (c) => c.toggleBlockquote(), active: () => editor.isActive('blockquote') },
        { key: 'link', label: 'Liên kết', title: 'Chèn hoặc sửa liên kết', action: actions.link, active: () => editor.isActive('link') },
        { key: 'unlink', label: 'Bỏ liên kết', title: 'Bỏ liên kết', run: (c) => c.extendMarkRange('link').unsetLink(), enabled: () => editor.isActive('link') },
        { key: 'image', label: 'Ảnh', title: 'Chèn ảnh từ thư viện hoặc tải ảnh mới', action: actions.image },
        { key: 'table', label: 'Bảng', title: 'Chèn bảng 3×3 có hàng tiêu đề', run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }), enabled: () => !inTable() },
        { key: 'addRow', label: '+ Hàng', title: 'Thêm hàng bên dưới', run: (c) => c.addRowAfter(), enabled: inTable },
        { key: 'deleteRow', label: '− Hàng', title: 'Xóa hàng', run: (c) => c.deleteRow(), enabled: inTable },
        { key: 'addColumn', label: '+ Cột', title: 'Thêm cột bên phải', run: (c) => c.addColumnAfter(), enabled: inTable },
        { key: 'deleteColumn', label: '− Cột', title: 'Xóa cột', run: (c) => c.deleteColumn(), enabled: inTable },
        { key: 'deleteTable', label: 'Xóa bảng', title: 'Xóa cả bảng', run: (c) => c.deleteTable(), enabled: inTable },
        { key: 'undo', label: 'Hoàn tác', title: 'Hoàn tác (Ctrl+Z)', run: (c) => c.undo(), enabled: () => editor.can().undo() },
        { key: 'redo', label: 'Làm lại', title: 'Làm lại (Ctrl+Y)', run: (c) => c.redo(), enabled: () => editor.can().redo() },
        { key: 'source', label: 'HTML', title: 'Xem và sửa mã HTML', toggle: actions.source, pressed: false },
    ];

    const toolbar = el('div', { class: 'rte-toolbar', role: 'toolbar', 'aria-label': 'Định dạng nội dung' });
    const nodes = buttons.map((spec, index) => {
        const button = el('button', { type: 'button', title: spec.title, 'data-command': spec.key, tabindex: index === 0 ? '0' : '-1' }, spec.label);
        button.addEventListener('mousedown', (event) => event.preventDefault());
        button.addEventListener('click', () => {
            if (button.getAttribute('aria-disabled') === 'true') { return; }
            if (spec.toggle) {
                spec.pressed = spec.toggle();
                button.setAttribute('aria-pressed', String(spec.pressed));
                return;
            }
            if (spec.action) {
                spec.action();
            } else {
                // Focus first and synchronously: Tiptap's focus() command waits a frame, and would pull focus
                // back from wherever a quick keyboard user has moved meanwhile.
                editor.view.focus();
                spec.run(editor.chain()).run();
            }
            refresh();
        });
        if (spec.active || spec.toggle) { button.setAttribute('aria-pressed', 'false'); }
        toolbar.appendChild(button);
        return button;
    });

    function refresh() {
        buttons.forEach((spec, index) => {
            if (spec.active) { nodes[index].setAttribute('aria-pressed', String(spec.active())); }
            if (spec.enabled) { nodes[index].setAttribute('aria-disabled', String(!spec.enabled())); }
        });
    }

    function focusAt(index) {
        const target = (index + nodes.length) % nodes.length;
        nodes.forEach((node, i) => node.setAttribute('tabindex', i === target ? '0' : '-1'));
        nodes[target].focus();
    }

    toolbar.addEventListener('keydown', (event) => {
        const current = nodes.indexOf(document.activeElement);
        if (current < 0) { return; }
        const moves = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: nodes.length - 1 };
        if (event.key in moves) {
            event.preventDefault();
            focusAt(moves[event.key]);
        }
    });
    toolbar.addEventListener('focusin', (event) => {
        const index = nodes.indexOf(event.target);
        if (index >= 0) { nodes.forEach((node, i) => node.setAttribute('tabindex', i === index ? '0' : '-1')); }
    });

    // Tab and Shift+Tab indent list items inside the writing area, so Alt+F10 (as in other editors) is the
    // way back to the toolbar from anywhere in it.
    editor.view.dom.addEventListener('keydown', (event) => {
        if (event.altKey && event.key === 'F10') {
            event.preventDefault();
            (nodes.find((node) => node.getAttribute('tabindex') === '0') || nodes[0]).focus();
        }
    });
    editor.on('selectionUpdate', refresh);
    editor.on('transaction', refresh);
    refresh();
    return toolbar;
}
