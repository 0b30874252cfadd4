// The print view's button: kept in a file because the Content-Security-Policy allows no inline script.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
        window.print();
    });
});
