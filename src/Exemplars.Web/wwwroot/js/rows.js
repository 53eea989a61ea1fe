// Lists edited as rows (the issuer's officers, terms and recipients): "Thêm …" copies the last row of its list empty,
// numbered after the others so the form binds it. Without script, the blank row the page always ends with does the same.
(function () {
    'use strict';
    document.querySelectorAll('[data-add-row]').forEach(function (button) {
        button.addEventListener('click', function () {
            var list = document.querySelector('[data-rows="' + button.getAttribute('data-add-row') + '"]');
            var rows = list ? list.querySelectorAll('[data-row]') : [];
            if (rows.length === 0) {
                return;
            }

            var index = rows.length;
            var copy = rows[rows.length - 1].cloneNode(true);
            copy.querySelectorAll('input').forEach(function (input) {
                input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
                var label = input.getAttribute('aria-label');
                if (label) {
                    input.setAttribute('aria-label', label.replace(/\d+$/, String(index + 1)));
                }

                if (input.type === 'checkbox') {
                    input.checked = false;
                } else {
                    input.value = '';
                }
            });
            list.appendChild(copy);
            var first = copy.querySelector('input');
            if (first) {
                first.focus();
            }
        });
    });
}());
