// Progressive enhancement only: every page works without this file.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});

// Pages are cached for every reader: the widget learns from the reader's own cookie that they voted.
const voted = (document.cookie.match(/(?:^|; )portal\.voted=([\d.]+)/) || [])[1];
document.querySelectorAll(".poll-widget[data-poll-id]").forEach((widget) => {
    if (voted && voted.split(".").includes(widget.dataset.pollId)) {
        widget.querySelector(".poll-form").hidden = true;
        widget.querySelector(".poll-voted").hidden = false;
    }
});
