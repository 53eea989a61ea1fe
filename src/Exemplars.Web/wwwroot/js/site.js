// Confirmation before destructive actions: any form with data-confirm asks first (no inline script, CSP-safe).
document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
// htmx requests carry the antiforgery token from the page.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    if (token) {
        event.detail.headers["RequestVerificationToken"] = token.value;
    }
});
// Print buttons without inline script.
document.addEventListener("click", function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute("data-print")) {
        window.print();
    }
});
// Progress for anything that takes longer than a moment: a form post that has not answered within 0.6 s disables its
// button (no double sending), marks it busy and says "Đang xử lý…" in a polite live region. htmx forms show their own.
(function () {
    var timer = null;
    function region() {
        var status = document.getElementById("busy-status");
        if (!status) {
            status = document.createElement("div");
            status.id = "busy-status";
            status.className = "busy-status";
            status.setAttribute("role", "status");
            status.setAttribute("aria-live", "polite");
            status.hidden = true;
            document.body.appendChild(status);
        }
        return status;
    }
    function reset() {
        if (timer) { window.clearTimeout(timer); timer = null; }
        var status = document.getElementById("busy-status");
        if (status) { status.hidden = true; status.textContent = ""; }
        document.querySelectorAll("[data-busy]").forEach(function (button) {
            button.disabled = false;
            button.removeAttribute("aria-busy");
            button.removeAttribute("data-busy");
            var spinner = button.querySelector(".busy-spinner");
            if (spinner) { spinner.remove(); }
        });
    }
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.getAttribute || (form.getAttribute("method") || "get").toLowerCase() !== "post" || form.hasAttribute("data-no-busy")) {
            return;
        }
        var button = event.submitter || form.querySelector("button[type=submit], button:not([type])");
        region();
        timer = window.setTimeout(function () {
            var status = region();
            status.textContent = "Đang xử lý, xin chờ trong giây lát…";
            status.hidden = false;
            if (button) {
                button.disabled = true;
                button.setAttribute("aria-busy", "true");
                button.setAttribute("data-busy", "");
                var spinner = document.createElement("span");
                spinner.className = "spinner-border spinner-border-sm ms-2 busy-spinner";
                spinner.setAttribute("aria-hidden", "true");
                button.appendChild(spinner);
            }
        }, 600);
    });
    // Back from the browser's cache: nothing is pending any more.
    window.addEventListener("pageshow", reset);
})();
// Tables marked .table-stack become one block per row on a phone (see site.css): each cell is labelled with its
// column's header, so nothing wraps one word per line and nothing scrolls sideways.
(function () {
    function label(table) {
        var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
            // The column's name only: not the hidden hint of a sortable header nor its arrow.
            var name = th.cloneNode(true);
            Array.prototype.forEach.call(name.querySelectorAll(".visually-hidden, [aria-hidden='true']"), function (e) { e.remove(); });
            return name.textContent.trim();
        });
        Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
            Array.prototype.forEach.call(row.children, function (cell, i) {
                if (headers[i] && !cell.hasAttribute("data-label") && !cell.hasAttribute("colspan")) {
                    cell.setAttribute("data-label", headers[i]);
                }
            });
        });
    }
    function all() { Array.prototype.forEach.call(document.querySelectorAll("table.table-stack"), label); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
    document.addEventListener("htmx:afterSwap", all);
})();
