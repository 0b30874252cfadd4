// Cleans clipboard HTML from Word, LibreOffice and Google Docs before ProseMirror parses it.
// ProseMirror already drops everything its schema does not know (fonts, colours, spans); what it
// cannot know is Word's own conventions: lists written as paragraphs with mso-list styles, comment
// anchors, tracked deletions, o:p fillers, and headings numbered for a document rather than a page.

const BULLET_MARKERS = /^[\u00b7\u2022\u25aa\u25cf\u25e6\u2013\u2014o\u00a7\uf0a7\uf0b7\-*]$/;

const STYLE = 'data-pasted-style';

function styleOf(element) {
    return (element.getAttribute(STYLE) || '').toLowerCase();
}

// Parsing the clipboard, even into a detached document, applies the page's CSP: every style attribute,
// <style> element and on… handler would be reported as blocked. Renaming them inside tags first keeps the
// styles readable (Google Docs marks bold with them) while nothing inline ever reaches the parser.
function neutralize(html) {
    return html
        .replace(/<style[\s\S]*?<\/style\s*>/gi, '')
        .replace(/<[a-z][^>]*>/gi, (tag) => tag
            .replace(/(\s)style(\s*=)/gi, '$1' + STYLE + '$2')
            .replace(/(\s)on([a-z]+)(\s*=)/gi, '$1data-pasted-on$2$3'));
}

function listInfo(paragraph) {
    const match = /mso-list:\s*(l\d+)\s+level(\d+)/.exec(styleOf(paragraph));
    if (!match) {
        return null;
    }
    const marker = Array.from(paragraph.querySelectorAll('span')).find((span) => /mso-list:\s*ignore/.test(styleOf(span)));
    const markerText = (marker ? marker.textContent : '').replace(/\u00a0/g, ' ').trim();
    const ordered = markerText !== '' && !BULLET_MARKERS.test(markerText);
    return { list: match[1], level: parseInt(match[2], 10), ordered, marker };
}

// Word writes each list item as <p class=MsoListParagraph style="mso-list:l0 level1 lfo1"> with the bullet or
// number in a span marked mso-list:Ignore. Consecutive such paragraphs become one real (possibly nested) list.
function rebuildFakeLists(doc) {
    const paragraphs = Array.from(doc.body.querySelectorAll('p'));
    let stack = [];
    let previous = null;
    paragraphs.forEach((paragraph) => {
        const info = listInfo(paragraph);
        if (!info) {
            return;
        }
        if (info.marker) {
            info.marker.remove();
        }
        const adjacent = previous && previous.nextElementSibling === paragraph;
        if (!adjacent) {
            stack = [];
        }
        const item = doc.createElement('li');
        item.innerHTML = paragraph.innerHTML;
        while (stack.length > info.level) {
            stack.pop();
        }
        if (stack.length === 0) {
            const root = doc.createElement(info.ordered ? 'ol' : 'ul');
            paragraph.parentNode.insertBefore(root, paragraph);
            stack.push(root);
        }
        while (stack.length < info.level) {
            const parentItem = stack[stack.length - 1].lastElementChild;
            const nested = doc.createElement(info.ordered ? 'ol' : 'ul');
            (parentItem || stack[stack.length - 1]).appendChild(nested);
            stack.push(nested);
        }
        stack[stack.length - 1].appendChild(item);
        // The placeholder keeps the adjacency check working for the next paragraph.
        const placeholder = doc.createElement('p');
        placeholder.setAttribute('data-list-placeholder', '');
        paragraph.replaceWith(placeholder);
        previous = placeholder;
    });
    doc.body.querySelectorAll('p[data-list-placeholder]').forEach((placeholder) => placeholder.remove());
}

function removeComments(doc) {
    const walker = doc.createTreeWalker(doc.body, 128 /* NodeFilter.SHOW_COMMENT */);
    const comments = [];
    while (walker.nextNode()) {
        comments.push(walker.currentNode);
    }
    comments.forEach((comment) => comment.remove());
}

function unwrap(element) {
    element.replaceWith(...Array.from(element.childNodes));
}

export function cleanPastedHtml(html) {
    const doc = new DOMParser().parseFromString(neutralize(html), 'text/html');
    removeComments(doc);

    // Word's review comments: the commented words stay, their markers and the comment list at the end go.
    doc.body.querySelectorAll('[' + STYLE + '*="mso-comment-reference" i]').forEach(unwrap);
    doc.body.querySelectorAll('[' + STYLE + '*="mso-element:comment" i], .msocomtxt, .MsoCommentReference, .msocomoff, .msocomanchor, a[href^="#_msocom"], a[href^="#_msoanchor"]')
        .forEach((element) => element.remove());

    // Tracked changes: deletions go, insertions stay as plain text.
    doc.body.querySelectorAll('del, .msoDel, [' + STYLE + '*="mso-revision-deleted" i]').forEach((element) => element.remove());
    doc.body.querySelectorAll('ins, .msoIns').forEach(unwrap);

    // Word's empty-paragraph filler <o:p> and conditional-comment leftovers.
    doc.body.querySelectorAll('o\\:p, xml, style, meta, link, title, script').forEach((element) => element.remove());

    rebuildFakeLists(doc);

    // Google Docs wraps a whole fragment in <b style="font-weight:normal">, which is not bold.
    // (Word's own mso-bidi-font-weight:normal on a real <b> is not that.)
    doc.body.querySelectorAll('b').forEach((bold) => {
        if (/^docs-internal-guid/.test(bold.id) || /(^|;)\s*font-weight:\s*(normal|[1-4]00)\b/.test(styleOf(bold))) {
            unwrap(bold);
        }
    });

    // Headings with outline numbering (as in most .docx from Word) come from LibreOffice as lists holding
    // nothing but the heading, sometimes nested: <ol><ol><li><h2>…</h2></ol></ol>. The heading stays, the list goes.
    doc.body.querySelectorAll('li h1, li h2, li h3, li h4, li h5, li h6').forEach((heading) => {
        let outer = null;
        for (let node = heading.parentElement; node && node !== doc.body; node = node.parentElement) {
            if (/^(OL|UL)$/.test(node.tagName) && node.textContent.trim() === heading.textContent.trim()) {
                outer = node;
            }
        }
        if (outer) {
            outer.replaceWith(heading);
        }
    });

    // The page has its title as h1 and keeps two heading levels: the fragment's top heading level becomes
    // h2, the next one h3, and anything deeper h3 as well.
    const headings = Array.from(doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    const top = Math.min(...headings.map((heading) => parseInt(heading.tagName.substring(1), 10)));
    headings.forEach((heading) => {
        const level = parseInt(heading.tagName.substring(1), 10) === top ? 'h2' : 'h3';
        if (heading.tagName.toLowerCase() !== level) {
            const replacement = doc.createElement(level);
            replacement.innerHTML = heading.innerHTML;
            heading.replaceWith(replacement);
        }
    });

    // Portal tables have a header row. Office programs mark it differently or not at all (LibreOffice: a thead
    // of td, Word: the first row, Google Docs: nothing), so a table without th gets its first row as header.
    doc.body.querySelectorAll('table').forEach((table) => {
        if (table.querySelector('th')) {
            return;
        }
        const firstRow = table.querySelector('tr');
        if (!firstRow) {
            return;
        }
        Array.from(firstRow.children).forEach((cell) => {
            const header = doc.createElement('th');
            header.innerHTML = cell.innerHTML;
            ['colspan', 'rowspan'].forEach((name) => { if (cell.hasAttribute(name)) { header.setAttribute(name, cell.getAttribute(name)); } });
            cell.replaceWith(header);
        });
    });

    // Empty paragraphs (Word's spacing, &nbsp; only) carry no content.
    doc.body.querySelectorAll('p').forEach((paragraph) => {
        if (paragraph.textContent.replace(/[\s\u00a0]/g, '') === '' && !paragraph.querySelector('img')) {
            paragraph.remove();
        }
    });

    // Local images (file:///C:/Users/...) cannot be uploaded from the clipboard's HTML.
    doc.body.querySelectorAll('img').forEach((image) => {
        const src = image.getAttribute('src') || '';
        if (!/^(https?:\/\/|\/(?!\/))/i.test(src)) {
            image.remove();
        }
    });

    // Google Docs and LibreOffice mark emphasis with styles on spans; it is kept as elements, then every style goes.
    doc.body.querySelectorAll('span[' + STYLE + ']').forEach((span) => {
        const style = styleOf(span);
        let inner = span;
        if (/font-weight:\s*(bold|[6-9]00)/.test(style)) {
            const strong = doc.createElement('strong');
            strong.append(...Array.from(inner.childNodes));
            inner.appendChild(strong);
            inner = strong;
        }
        if (/font-style:\s*italic/.test(style)) {
            const em = doc.createElement('em');
            em.append(...Array.from(inner.childNodes));
            inner.appendChild(em);
        }
    });
    doc.body.querySelectorAll('*').forEach((element) => {
        Array.from(element.attributes)
            .filter((attribute) => attribute.name === 'class' || attribute.name.startsWith('data-pasted-'))
            .forEach((attribute) => element.removeAttribute(attribute.name));
    });
    return doc.body.innerHTML;
}
