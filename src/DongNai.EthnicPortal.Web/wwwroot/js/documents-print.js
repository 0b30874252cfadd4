// The print view's button: kept in a file because the Content-Security-Policy allows no inline script.
// It is hidden in the markup, so without scripts no button is shown that would do nothing.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
        window.print();
    });
});
