// Live preview of a charter section while typing: the server renders and sanitises the Markdown
// (the same code as the saved page), so the preview shows exactly what will be published.
// Without JavaScript the form's "Preview" button does the same with a page load.
(function () {
  "use strict";
  var DELAY = 400;

  function preview(form, target) {
    var data = new FormData(form);
    data.set("preview", "1");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.text().then(function (text) {
          if (response.ok) {
            target.innerHTML = text; // sanitised by the server (markdown-it-py + nh3)
          } else {
            target.textContent = text;
          }
        });
      })
      .catch(function () {});
  }

  document.querySelectorAll("form[data-preview]").forEach(function (form) {
    var target = document.getElementById(form.dataset.preview);
    if (!target) return;
    var timer = null;
    form.addEventListener("input", function (event) {
      if (event.target.tagName !== "TEXTAREA") return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { preview(form, target); }, DELAY);
    });
  });
})();
