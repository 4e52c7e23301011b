// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // A static page ages: move events that have ended (by the visitor's clock) out of "coming".
  var today = new Date();
  var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
  document.querySelectorAll("[data-coming] [data-end]").forEach(function (item) {
    if (item.getAttribute("data-end") < iso) { item.hidden = true; }
  });

  // Filter the minutes list by federation without a page load, when "Visa" is pressed: choosing
  // alone changes nothing (WCAG 3.2.2), and the count is announced where the button is.
  var form = document.querySelector(".js-filter");
  if (form) {
    form.hidden = false;
    var select = form.querySelector("select");
    var status = form.querySelector(".filter-status");
    var apply = function () {
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
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    // A link or bookmark with ?forbund=… (what the form would send) opens the list filtered.
    var asked = new URLSearchParams(window.location.search).get("forbund");
    if (asked && select.querySelector("option[value='" + asked.replace(/[^a-z0-9-]/g, "") + "']")) {
      select.value = asked;
      apply();
    }
  }
})();

// ===== Calendar (generator/calendar_pages.py): coming lists, today's cell, federation filter =====
(function () {
  "use strict";
  function pad(n) { return String(n).padStart(2, "0"); }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  function ended(item) { return !!item.closest("[data-coming]") && item.getAttribute("data-end") < today; }
  function shown(list) { return list.querySelectorAll("li:not([hidden])").length; }

  // Hide what filtering or the visitor's clock emptied; a coming list left empty says so.
  function settle() {
    document.querySelectorAll(".calendar-month, .undated-section").forEach(function (group) {
      var list = group.querySelector("ul");
      group.hidden = !!list && !shown(list);
    });
    // One empty-state message: the page's own when it has one (nothing was coming at the build),
    // else one made here when the clock or the filter has emptied every month.
    document.querySelectorAll("[data-coming-groups]").forEach(function (box) {
      var any = box.querySelector(".calendar-month:not([hidden])");
      var note = box.querySelector(".empty-note");
      if (!any && !note) {
        note = document.createElement("p");
        note.className = "empty-note";
        note.textContent = "Inga kommande möten eller händelser att visa.";
        box.appendChild(note);
      }
      if (note) { note.hidden = !!any; }
    });
    document.querySelectorAll("ul[data-coming][data-empty]").forEach(function (list) {
      if (list.closest(".calendar-month") || shown(list) || list.getAttribute("data-emptied")) { return; }
      var note = document.createElement("p");
      note.textContent = list.getAttribute("data-empty");
      list.setAttribute("data-emptied", "");
      list.parentNode.insertBefore(note, list.nextSibling);
    });
  }
  settle();

  // The build's "today" ages: mark the visitor's today in the month grid instead.
  var marked = document.querySelector(".month-grid td[aria-current='date']");
  var cell = document.querySelector(".month-grid td[data-date='" + today + "']");
  if (marked !== cell) {
    var label = marked && marked.querySelector(".day-number .visually-hidden");
    if (marked) { marked.removeAttribute("aria-current"); marked.classList.remove("today"); }
    if (cell) {
      cell.setAttribute("aria-current", "date");
      cell.classList.add("today");
      if (label) { cell.querySelector(".day-number").appendChild(label); }
    } else if (label) { label.remove(); }
  }

  // Filter /kalender/ by federation in place; the federation links do the same without JavaScript.
  var filter = document.querySelector(".js-calendar-filter");
  if (filter) {
    filter.hidden = false;
    var select = filter.querySelector("select");
    var status = filter.querySelector(".filter-status");
    filter.addEventListener("submit", function (event) {
      event.preventDefault();
      var wanted = select.value;
      var count = 0;
      document.querySelectorAll(".calendar-months li[data-federations], .undated-list li").forEach(function (item) {
        var match = !wanted || (" " + item.getAttribute("data-federations") + " ").indexOf(" " + wanted + " ") >= 0;
        item.hidden = !match || ended(item);
        if (!item.hidden) { count += 1; }
      });
      settle();
      status.textContent = count === 1 ? "1 möte eller händelse visas." : count + " möten och händelser visas.";
    });
  }
})();
// ===== end Calendar =====
