// Builds elements with attributes and text only: the editor never assigns markup from the server to innerHTML.
export function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((key) => node.setAttribute(key, attrs[key]));
    if (text) { node.textContent = text; }
    return node;
}
