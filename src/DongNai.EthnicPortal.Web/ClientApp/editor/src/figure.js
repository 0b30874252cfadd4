import { Node } from '@tiptap/core';

// An image from the media library with its optional caption, as the sanitizer keeps it:
// <figure><img src alt width height><figcaption>…</figcaption></figure>. The caption is an attribute
// (edited in the image dialog) so the figure stays one block that moves, copies and deletes whole.

export function isAllowedImageSource(src) {
    return /^(https?:\/\/|\/(?!\/))/i.test(src || '');
}

function attrsFromImage(image, caption) {
    const src = image.getAttribute('src');
    if (!isAllowedImageSource(src)) {
        return false;
    }
    return {
        src,
        alt: image.getAttribute('alt') || '',
        width: image.getAttribute('width'),
        height: image.getAttribute('height'),
        caption: caption || '',
    };
}

export const Figure = Node.create({
    name: 'figure',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,

    addAttributes() {
        return {
            src: { default: null },
            alt: { default: '' },
            width: { default: null },
            height: { default: null },
            caption: { default: '' },
        };
    },

    parseHTML() {
        return [
            {
                tag: 'figure',
                getAttrs: (element) => {
                    const image = element.querySelector('img');
                    const caption = element.querySelector('figcaption');
                    return image ? attrsFromImage(image, caption ? caption.textContent.trim() : '') : false;
                },
            },
            { tag: 'img[src]', getAttrs: (element) => attrsFromImage(element, '') },
        ];
    },

    renderHTML({ node }) {
        const { src, alt, width, height, caption } = node.attrs;
        const image = ['img', { src, alt, width, height }];
        return caption ? ['figure', {}, image, ['figcaption', {}, caption]] : ['figure', {}, image];
    },

    addCommands() {
        return {
            insertFigure: (attrs) => ({ commands }) => commands.insertContent({ type: this.name, attrs }),
        };
    },
});
