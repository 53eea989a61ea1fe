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
