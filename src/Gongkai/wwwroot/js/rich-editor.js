// 正文编辑器: turns each textarea[data-rich-editor] into a what-you-see-is-what-you-get editor (Squire, vendored in
// /lib/squire-rte) with a Chinese toolbar. The textarea stays the form field: it is hidden and kept in sync (on every
// change and again on submit), so the form posts exactly as without JavaScript, and the server sanitises the HTML as it
// does for typed HTML. 「HTML 源代码」 shows the textarea itself for markup pasted from elsewhere; leaving that mode loads
// the markup back into the editor, and a form submitted in that mode posts the textarea as typed. Without JavaScript
// (or if Squire did not load) the plain textarea is left as it is.
(function () {
    "use strict";
    if (typeof window.Squire !== "function") {
        return;
    }

    // Pasted or loaded HTML is parsed in an inert <template> (nothing loads or runs there); scripts, frames, form
    // controls, inline styles (the CSP refuses them) and event-handler attributes are dropped before Squire sees it.
    function sanitizeToDOMFragment(html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        template.content.querySelectorAll("script,style,link,meta,iframe,frame,object,embed,form,input,button,select,textarea,svg,math")
            .forEach(function (node) { node.remove(); });
        template.content.querySelectorAll("*").forEach(function (element) {
            Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
                var name = attribute.name.toLowerCase();
                if (name.indexOf("on") === 0 || name === "style" || name === "class" || name === "id") {
                    element.removeAttribute(attribute.name);
                }
            });
        });
        return document.importNode(template.content, true);
    }

    function enhance(textarea, index) {
        var label = document.querySelector('label[for="' + textarea.id + '"]');
        var wrapper = document.createElement("div");
        wrapper.className = "rich-editor";
        var toolbar = document.createElement("div");
        toolbar.className = "rich-editor-toolbar";
        toolbar.setAttribute("role", "toolbar");
        toolbar.setAttribute("aria-label", "正文格式");
        var area = document.createElement("div");
        area.className = "rich-editor-area";
        area.id = textarea.id + "-editor";
        area.setAttribute("role", "textbox");
        area.setAttribute("aria-multiline", "true");
        if (label) {
            label.id = label.id || textarea.id + "-label-" + index;
            area.setAttribute("aria-labelledby", label.id);
            label.addEventListener("click", function () {
                if (!sourceMode) {
                    editor.focus();
                }
            });
        }

        ["aria-describedby", "aria-invalid"].forEach(function (name) {
            if (textarea.hasAttribute(name)) {
                area.setAttribute(name, textarea.getAttribute(name));
            }
        });
        toolbar.setAttribute("aria-controls", area.id);
        wrapper.appendChild(toolbar);
        wrapper.appendChild(area);
        textarea.parentNode.insertBefore(wrapper, textarea);
        // The textarea moves into the editor's frame (still inside its form) so that the source view sits under the toolbar.
        wrapper.appendChild(textarea);
        textarea.classList.add("rich-editor-source");
        var required = textarea.required;
        var sourceMode = false;
        textarea.hidden = true;
        textarea.required = false;

        var editor = new window.Squire(area, { blockTag: "P", sanitizeToDOMFragment: sanitizeToDOMFragment });
        editor.setHTML(textarea.value);

        function sync() {
            if (!sourceMode) {
                textarea.value = editor.getHTML();
            }
        }

        function inside(tag) {
            return new RegExp("(^|>)" + tag + "(\\.|\\[|>|$)").test(editor.getPath());
        }

        // Top-level paragraphs of the selection become h2 (标题) or, when the selection is already a heading, paragraphs.
        function toggleHeading() {
            var tag = inside("H2") ? "P" : "H2";
            editor.modifyBlocks(function (fragment) {
                Array.prototype.slice.call(fragment.childNodes).forEach(function (node) {
                    if (node.nodeType === 1 && /^(P|DIV|H[1-6])$/.test(node.nodeName)) {
                        var replacement = document.createElement(tag);
                        while (node.firstChild) {
                            replacement.appendChild(node.firstChild);
                        }
                        fragment.replaceChild(replacement, node);
                    }
                });
                return fragment;
            });
        }

        function link() {
            if (inside("A")) {
                editor.removeLink();
                return;
            }
            var address = window.prompt("链接地址（以 https:// 或 http:// 开头）", "https://");
            if (address === null) {
                return;
            }
            address = address.trim();
            if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(address)) {
                window.alert("链接地址须以 https:// 、http:// 或 mailto: 开头。");
                return;
            }
            editor.makeLink(address);
        }

        function table() {
            editor.insertHTML("<table><thead><tr><th>表头</th><th>表头</th></tr></thead>" +
                "<tbody><tr><td>内容</td><td>内容</td></tr><tr><td>内容</td><td>内容</td></tr></tbody></table><p><br></p>");
        }

        var buttons = [
            { label: "标题", title: "设为标题（再按一次恢复为段落）", run: toggleHeading, state: function () { return inside("H2"); } },
            { label: "加粗", run: function () { if (editor.hasFormat("B")) { editor.removeBold(); } else { editor.bold(); } }, state: function () { return editor.hasFormat("B"); } },
            { label: "列表", title: "项目符号列表", run: function () { if (inside("UL")) { editor.removeList(); } else { editor.makeUnorderedList(); } }, state: function () { return inside("UL"); } },
            { label: "编号", title: "编号列表", run: function () { if (inside("OL")) { editor.removeList(); } else { editor.makeOrderedList(); } }, state: function () { return inside("OL"); } },
            { label: "链接", title: "插入链接（在链接上再按一次取消链接）", run: link, state: function () { return inside("A"); } },
            { label: "表格", title: "插入两列表格", run: table },
            { label: "撤销", run: function () { editor.undo(); } },
            { label: "重做", run: function () { editor.redo(); } },
            { label: "HTML 源代码", title: "直接查看和编辑 HTML（再按一次回到所见即所得编辑）", source: true, state: function () { return sourceMode; } }
        ];

        function refreshButtons() {
            buttons.forEach(function (item) {
                if (item.state) {
                    item.element.setAttribute("aria-pressed", item.state() ? "true" : "false");
                }
                if (!item.source) {
                    item.element.disabled = sourceMode;
                }
            });
        }

        function toggleSource() {
            if (sourceMode) {
                sourceMode = false;
                editor.setHTML(textarea.value);
                sync();
                textarea.hidden = true;
                textarea.required = false;
                area.hidden = false;
                refreshButtons();
                editor.focus();
            } else {
                sync();
                sourceMode = true;
                area.hidden = true;
                textarea.hidden = false;
                textarea.required = required;
                refreshButtons();
                textarea.focus();
            }
        }
        buttons.forEach(function (item) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = item.label;
            if (item.title) {
                button.title = item.title;
            }
            if (item.state) {
                button.setAttribute("aria-pressed", "false");
            }
            button.addEventListener("click", function () {
                if (item.source) {
                    toggleSource();
                    return;
                }
                item.run();
                editor.focus();
                sync();
            });
            item.element = button;
            toolbar.appendChild(button);
        });

        editor.addEventListener("pathChange", refreshButtons);
        editor.addEventListener("input", sync);
        if (textarea.form) {
            textarea.form.addEventListener("submit", sync);
        }
    }

    document.querySelectorAll("textarea[data-rich-editor]").forEach(enhance);
}());
