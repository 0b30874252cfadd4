// The admin rich-text editor for article and page bodies (Tiptap over ProseMirror). Without JavaScript the
// textarea is the editor; with it, the textarea is hidden and kept in sync. The schema holds only what the
// server-side sanitizer keeps, and the sanitizer stays the authority on what is stored.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table';
import { Figure } from './figure.js';
import { cleanPastedHtml } from './paste-cleaner.js';
import { attachAutosave } from './autosave.js';
import { createImageDialog, uploadImage } from './images.js';
import { buildToolbar } from './toolbar.js';
import { el } from './dom.js';
import { createLinkDialog, isAllowedLink } from './link-dialog.js';

// Tables render without the resizing colgroup and inline widths Tiptap adds, which the CSP would refuse.
const PortalTable = Table.extend({
    renderHTML() {
        return ['table', {}, ['tbody', 0]];
    },
});

const PortalTableHeader = TableHeader.extend({
    renderHTML({ HTMLAttributes }) {
        const attrs = { scope: 'col' };
        if (HTMLAttributes.colspan > 1) { attrs.colspan = HTMLAttributes.colspan; }
        if (HTMLAttributes.rowspan > 1) { attrs.rowspan = HTMLAttributes.rowspan; }
        return ['th', attrs, 0];
    },
});

const PortalTableCell = TableCell.extend({
    renderHTML({ HTMLAttributes }) {
        const attrs = {};
        if (HTMLAttributes.colspan > 1) { attrs.colspan = HTMLAttributes.colspan; }
        if (HTMLAttributes.rowspan > 1) { attrs.rowspan = HTMLAttributes.rowspan; }
        return ['td', attrs, 0];
    },
});

function imageFiles(dataTransfer) {
    return Array.from((dataTransfer && dataTransfer.files) || []).filter((file) => /^image\//.test(file.type));
}

function enhance(textarea) {
    const form = textarea.form;
    const label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) { label.id = textarea.id + '-label'; }

    const wrapper = el('div', { class: 'rte' });
    const area = el('div', { class: 'rte-area-host' });
    const status = el('p', { class: 'rte-status', role: 'status', 'aria-live': 'polite' });
    const progress = el('progress', { class: 'rte-progress', max: '100', value: '0', hidden: '', 'aria-label': 'Tiến độ tải ảnh lên' });

    let editor = null;
    const imageDialog = createImageDialog({
        idPrefix: textarea.id,
        pickerUrl: textarea.dataset.mediaUrl,
        onInsert: (attrs) => editor.chain().focus().insertFigure(attrs).run(),
        onUpload: (file, meta, position) => startUpload(file, meta, position),
    });

    function startUpload(file, meta, position) {
        progress.hidden = false;
        progress.value = 0;
        status.textContent = 'Đang tải ảnh “' + file.name + '” lên thư viện…';
        uploadImage(textarea.dataset.uploadUrl, form, file, meta, (percent) => { progress.value = percent; })
            .then((image) => {
                progress.hidden = true;
                const attrs = { src: image.url, alt: meta.decorative ? '' : meta.alt, width: image.width, height: image.height, caption: meta.caption };
                const chain = editor.chain().focus();
                if (typeof position === 'number') {
                    chain.insertContentAt(position, { type: 'figure', attrs }).run();
                } else {
                    chain.insertFigure(attrs).run();
                }
                status.textContent = 'Đã tải ảnh lên thư viện và chèn vào bài.';
            })
            .catch((message) => {
                progress.hidden = true;
                status.textContent = message;
            });
    }

    editor = new Editor({
        element: area,
        injectCSS: false,
        content: textarea.value.trim() || '<p></p>',
        extensions: [
            StarterKit.configure({
                heading: { levels: [2, 3] },
                code: false,
                codeBlock: false,
                strike: false,
                underline: false,
                horizontalRule: false,
                link: {
                    openOnClick: false,
                    autolink: true,
                    protocols: ['mailto'],
                    HTMLAttributes: { target: null, rel: null, class: null },
                    isAllowedUri: isAllowedLink,
                },
            }),
            PortalTable.configure({ resizable: false }),
            TableRow,
            PortalTableHeader,
            PortalTableCell,
            Figure,
        ],
        editorProps: {
            attributes: {
                class: 'rte-area article-body',
                role: 'textbox',
                'aria-multiline': 'true',
                'aria-labelledby': textarea.id + '-label',
            },
            transformPastedHTML: cleanPastedHtml,
            handleDrop: (view, event, _slice, moved) => {
                const files = moved ? [] : imageFiles(event.dataTransfer);
                if (files.length === 0) { return false; }
                event.preventDefault();
                const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
                imageDialog.askForNew(files[0], at ? at.pos : null);
                return true;
            },
            handlePaste: (_view, event) => {
                const files = imageFiles(event.clipboardData);
                if (files.length === 0 || (event.clipboardData.getData('text/html') || '').trim() !== '') { return false; }
                event.preventDefault();
                imageDialog.askForNew(files[0], null);
                return true;
            },
        },
        onUpdate: () => { textarea.value = editor.getHTML(); },
    });
    textarea.value = textarea.value.trim() === '' ? '' : editor.getHTML();

    let showingSource = false;
    function toggleSource() {
        showingSource = !showingSource;
        if (!showingSource) {
            editor.commands.setContent(textarea.value, { emitUpdate: false });
            textarea.value = editor.getHTML();
        }
        wrapper.classList.toggle('rte-source', showingSource);
        return showingSource;
    }

    const linkDialog = createLinkDialog({
        idPrefix: textarea.id,
        onApply: (href) => editor.chain().focus().extendMarkRange('link').setLink({ href }).run(),
        onRemove: () => editor.chain().focus().extendMarkRange('link').unsetLink().run(),
    });
    document.body.appendChild(linkDialog.element);

    const toolbar = buildToolbar(editor, {
        link: () => linkDialog.open(editor.getAttributes('link').href),
        image: () => imageDialog.open(),
        source: toggleSource,
    });

    form.addEventListener('submit', () => {
        if (!showingSource) { textarea.value = editor.getHTML(); }
    });

    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    wrapper.appendChild(textarea);
    wrapper.appendChild(progress);
    wrapper.appendChild(status);
    document.body.appendChild(imageDialog.element);

    if (textarea.dataset.autosaveUrl) {
        attachAutosave({
            form,
            url: textarea.dataset.autosaveUrl,
            seconds: parseInt(textarea.dataset.autosaveSeconds, 10) || 30,
            status,
            sync: () => { if (!showingSource) { textarea.value = editor.getHTML(); } },
            changes: (listener) => {
                editor.on('update', listener);
                form.addEventListener('input', listener);
            },
        });
    }
    textarea.portalEditor = editor;
    // Last, so that whatever waits for "ready" finds the editor and its autosave in place.
    wrapper.classList.add('rte-ready');
}

document.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
