// 打印 links (data-print) stay hidden without JavaScript; with it they open the browser's print dialog.
// The print stylesheet in site.css hides the site chrome.
document.querySelectorAll("[data-print]").forEach(function (link) {
    link.hidden = false;
    link.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
    });
});
