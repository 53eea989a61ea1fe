// Rich text for the achievement report and the showcase stories: each <textarea data-rich-editor> becomes a Quill
// editor (wwwroot/lib/quill, BSD-3-Clause). The textarea stays the form field: it is kept in step with the editor, and
// without JavaScript it is simply the plain-text fallback. The server cleans whatever arrives (HtmlSanitizer).
(function () {
    'use strict';
    if (!window.Quill) {
        return;
    }

    var labels = {
        'ql-bold': 'In đậm', 'ql-italic': 'In nghiêng', 'ql-underline': 'Gạch chân', 'ql-blockquote': 'Trích dẫn',
        'ql-clean': 'Xóa định dạng', 'ql-table': 'Chèn bảng 3 × 3', 'ql-list:ordered': 'Danh sách đánh số',
        'ql-list:bullet': 'Danh sách gạch đầu dòng', 'ql-header': 'Kiểu đoạn'
    };

    function label(toolbar) {
        toolbar.querySelectorAll('button').forEach(function (button) {
            var key = button.className.split(' ')[0] + (button.value ? ':' + button.value : '');
            if (labels[key]) {
                button.setAttribute('aria-label', labels[key]);
                button.setAttribute('title', labels[key]);
            }
        });
        toolbar.querySelectorAll('.ql-picker-label').forEach(function (picker) {
            picker.setAttribute('aria-label', labels['ql-header']);
            picker.setAttribute('title', labels['ql-header']);
        });
        toolbar.querySelectorAll('.ql-picker-item').forEach(function (item) {
            var value = item.getAttribute('data-value');
            item.setAttribute('aria-label', value === '3' ? 'Tiêu đề mục' : value === '4' ? 'Tiêu đề nhỏ' : 'Đoạn văn');
        });
    }

    function semantic(quill) {
        if (quill.getLength() <= 1) {
            return '';
        }

        // Quill writes every space of its semantic HTML as a no-break space; the report wants ordinary spaces.
        return quill.getSemanticHTML().replace(/&nbsp;/g, ' ').replace(/\u00a0/g, ' ');
    }

    function enhance(textarea) {
        var host = document.createElement('div');
        host.className = 'rich-editor';
        var area = document.createElement('div');
        host.appendChild(area);
        textarea.parentNode.insertBefore(host, textarea);
        var quill = new window.Quill(area, {
            theme: 'snow',
            modules: {
                table: true,
                toolbar: {
                    container: [[{ header: [3, 4, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'table'], ['clean']],
                    handlers: {
                        table: function () {
                            this.quill.getModule('table').insertTable(3, 3);
                        }
                    }
                }
            }
        });
        var toolbar = host.querySelector('.ql-toolbar');
        if (toolbar) {
            toolbar.setAttribute('role', 'toolbar');
            toolbar.setAttribute('aria-label', 'Định dạng văn bản');
            label(toolbar);
        }

        var field = document.querySelector('label[for="' + textarea.id + '"]');
        quill.root.setAttribute('role', 'textbox');
        quill.root.setAttribute('aria-multiline', 'true');
        if (field) {
            if (!field.id) {
                field.id = textarea.id + '-label';
            }

            quill.root.setAttribute('aria-labelledby', field.id);
            field.addEventListener('click', function () { quill.focus(); });
        }

        if (textarea.value.trim()) {
            quill.clipboard.dangerouslyPasteHTML(textarea.value, 'silent');
        }

        textarea.classList.add('d-none');
        textarea.setAttribute('aria-hidden', 'true');
        textarea.tabIndex = -1;
        var sync = function () { textarea.value = semantic(quill); };
        quill.on('text-change', sync);
        if (textarea.form) {
            textarea.form.addEventListener('submit', sync);
        }

        host.quill = quill;
        textarea.richEditor = quill;
    }

    document.querySelectorAll('textarea[data-rich-editor]').forEach(enhance);
})();
