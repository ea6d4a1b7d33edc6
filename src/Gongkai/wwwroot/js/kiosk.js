// 查阅点: back to the start after the idle time without a touch, a key or a scroll, so the next visitor starts clean.
// Without JavaScript the layout's <noscript> meta refresh does the same (after the same time, touched or not).
(function () {
    var script = document.currentScript;
    var seconds = Number(script && script.dataset.idleSeconds) || 120;
    var home = (script && script.dataset.home) || "/kiosk";
    var timer;
    function restart() {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { window.location.assign(home); }, seconds * 1000);
    }
    ["pointerdown", "touchstart", "keydown", "scroll", "input"].forEach(function (name) {
        document.addEventListener(name, restart, { passive: true, capture: true });
    });
    restart();
})();
