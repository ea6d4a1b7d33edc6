// The interview page's transcript, refreshed without a reload while JavaScript runs: every 10 seconds it asks
// /api/v1/interviews/{id}/transcript?after=N for answers given since, and appends them as text (never as HTML).
// Without JavaScript the page works the same by refreshing.
(function () {
    var list = document.getElementById("transcript");
    if (!list || !window.fetch) {
        return;
    }

    document.querySelectorAll(".no-script-only").forEach(function (hint) { hint.hidden = true; });
    var id = list.getAttribute("data-interview");
    var after = parseInt(list.getAttribute("data-after") || "0", 10);

    function line(label, text) {
        var p = document.createElement("p");
        p.className = "wrap-anywhere";
        var strong = document.createElement("strong");
        strong.textContent = label;
        p.appendChild(strong);
        p.appendChild(document.createTextNode(text));
        return p;
    }

    function poll() {
        fetch("/api/v1/interviews/" + id + "/transcript?after=" + after, { headers: { "Accept": "application/json" }, cache: "no-store" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data) {
                    return;
                }

                data.entries.forEach(function (entry) {
                    var item = document.createElement("li");
                    item.appendChild(line("网友提问：", entry.question));
                    item.appendChild(line(entry.guest + "：", entry.answer));
                    list.appendChild(item);
                    after = Math.max(after, entry.position);
                });
                var empty = document.getElementById("transcript-empty");
                if (empty && data.entries.length > 0) {
                    empty.hidden = true;
                }

                if (data.status !== "archived") {
                    window.setTimeout(poll, 10000);
                }
            })
            .catch(function () { window.setTimeout(poll, 30000); });
    }

    window.setTimeout(poll, 10000);
}());
