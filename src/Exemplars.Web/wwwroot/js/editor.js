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

    // Word puts its formatting in style attributes and a <style> block. Parsing those, even in an inert document, is
    // "applying inline style" for the Content-Security-Policy (style-src 'self'), so pasted HTML is rewritten as text
    // first: style blocks dropped, style attributes renamed, and Word's list paragraphs (which Quill would recognise by
    // their styles) turned into real lists here. Bold, italics, paragraphs and tables are plain tags and pass as they are.
    function listFormats(html) {
        var formats = {};
        var rule = /@list\s+l(\d+):level(\d+)\s*\{([^}]*)\}/gi;
        var match;
        while ((match = rule.exec(html)) !== null) {
            var format = /mso-level-number-format:\s*([\w-]+)/i.exec(match[3]);
            formats['l' + match[1] + ':' + match[2]] = format && format[1].toLowerCase() === 'bullet' ? 'ul' : 'ol';
        }

        return formats;
    }

    function withoutStyles(html) {
        var formats = listFormats(html);
        var text = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/(<[a-zA-Z][^>]*?\s)style(\s*=)/g, '$1data-word-style$2');
        var doc = new DOMParser().parseFromString(text, 'text/html');
        doc.querySelectorAll('[data-word-style*="mso-list:Ignore" i], [data-word-style*="mso-list: Ignore" i]').forEach(function (node) { node.remove(); });
        var list = null;
        var listKey = null;
        Array.prototype.slice.call(doc.body.querySelectorAll('p')).forEach(function (paragraph) {
            var style = paragraph.getAttribute('data-word-style') || '';
            var item = /mso-list:\s*l(\d+)\s+level(\d+)/i.exec(style);
            if (!item) {
                list = null;
                return;
            }

            var key = 'l' + item[1] + ':' + item[2];
            var previous = paragraph.previousElementSibling;
            if (!list || listKey !== key || previous !== list) {
                list = doc.createElement(formats[key] || 'ol');
                listKey = key;
                paragraph.parentNode.insertBefore(list, paragraph);
            }

            var li = doc.createElement('li');
            while (paragraph.firstChild) {
                li.appendChild(paragraph.firstChild);
            }

            li.innerHTML = li.innerHTML.replace(/^(\s|&nbsp;)+/, '');
            list.appendChild(li);
            paragraph.remove();
        });
        doc.querySelectorAll('[data-word-style]').forEach(function (node) { node.removeAttribute('data-word-style'); });
        return doc.body.innerHTML;
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
                // Tab and Shift+Tab leave the editor for the next or previous field, as in every other field of the form
                // (WCAG 2.1.2, no keyboard trap): Quill's own Tab bindings (insert a tab, indent) are switched off.
                keyboard: { bindings: { tab: null, indent: null, outdent: null, 'remove tab': null, 'table tab': null } },
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

        quill.root.addEventListener('paste', function (event) {
            var html = event.clipboardData && event.clipboardData.getData('text/html');
            if (!html || event.defaultPrevented || !/style|mso-/i.test(html)) {
                return;
            }

            event.preventDefault();
            event.stopImmediatePropagation();
            var range = quill.getSelection(true);
            if (range) {
                quill.clipboard.onPaste(range, { html: withoutStyles(html), text: event.clipboardData.getData('text/plain') });
            }
        }, true);

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
