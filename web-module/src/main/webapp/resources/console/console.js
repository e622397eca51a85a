/*
 * The console's only script (the Content-Security-Policy allows no inline script): wires the elements that ask
 * for it by data attributes.
 *   data-ajax-event="blur" data-ajax-render="id1 id2": a Faces ajax request on that event, executing the element
 *     and re-rendering those components of the element's form (ids relative to the form).
 *   data-confirm="text": a button that asks before it sends the form.
 */
(function () {
    "use strict";

    function wire(root) {
        root.querySelectorAll("[data-ajax-event]").forEach(function (element) {
            if (element.dataset.wired) {
                return;
            }
            element.dataset.wired = "true";
            element.addEventListener(element.dataset.ajaxEvent, function (event) {
                var form = element.form;
                var render = (element.dataset.ajaxRender || "").split(/\s+/).filter(Boolean)
                    .map(function (id) { return form.id + ":" + id; }).join(" ");
                faces.ajax.request(element, event, {execute: element.id, render: render});
            });
        });
        root.querySelectorAll("[data-confirm]").forEach(function (element) {
            if (element.dataset.wired) {
                return;
            }
            element.dataset.wired = "true";
            element.addEventListener("click", function (event) {
                if (!window.confirm(element.dataset.confirm)) {
                    event.preventDefault();
                }
            });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        wire(document);
        if (window.faces && faces.ajax) {
            faces.ajax.addOnEvent(function (data) {
                if (data.status === "success") {
                    wire(document);
                }
            });
        }
    });
})();
