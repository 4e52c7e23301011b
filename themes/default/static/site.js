// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // A static page ages: move events that have ended (by the visitor's clock) out of "coming".
  var today = new Date();
  var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
  document.querySelectorAll("[data-coming] [data-end]").forEach(function (item) {
    if (item.getAttribute("data-end") < iso) { item.hidden = true; }
  });

  // Filter the minutes list by federation without a page load.
  var form = document.querySelector(".js-filter");
  if (form) {
    form.hidden = false;
    var select = form.querySelector("select");
    var status = form.querySelector(".filter-status");
    select.addEventListener("change", function () {
      var wanted = select.value;
      var shown = 0;
      document.querySelectorAll(".meeting-list li").forEach(function (item) {
        var match = !wanted || (" " + item.getAttribute("data-federations") + " ").indexOf(" " + wanted + " ") >= 0;
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      document.querySelectorAll(".year-group").forEach(function (group) {
        group.hidden = !group.querySelector(".meeting-list li:not([hidden])");
      });
      status.textContent = shown + (shown === 1 ? " möte visas" : " möten visas");
    });
  }
})();
