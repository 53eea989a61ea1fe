// Confirmation on a submit button: <button data-confirm="…"> asks before its form is sent (the form's own data-confirm is
// handled by site.js). No inline script, so it works under the Content-Security-Policy.
document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("button[data-confirm], input[type=submit][data-confirm]") : null;
    if (!button || (button.form && button.form.hasAttribute("data-confirm"))) {
        return;
    }
    if (!window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
    }
});
