// Progressive enhancement for the self-check (/check/): each question shows once it applies, so a
// first-time reader meets the few that matter to them. Without JavaScript every question shows and
// the server ignores those that do not apply (selfcheck/forms.py). Nothing is cleared: hidden
// answers come back if the reader changes their mind. A question with an error always shows.
(function () {
  "use strict";

  function hasError(element) { return element.querySelector(".error-message") !== null; }

  function filled(row) {
    return Array.prototype.some.call(row.querySelectorAll("input, select"), function (field) {
      return field.tagName === "SELECT" ? field.selectedIndex > 0 : field.value !== "";
    });
  }

  function update(form) {
    var checked = form.querySelector("input[name=employment_type]:checked");
    var type = checked ? checked.value : "";
    form.querySelectorAll("[data-show-for-type]").forEach(function (group) {
      group.hidden = group.getAttribute("data-show-for-type") !== type && !hasError(group);
    });
    form.querySelectorAll("[data-hide-for-type]").forEach(function (group) {
      group.hidden = group.getAttribute("data-hide-for-type") === type && !hasError(group);
    });
    form.querySelectorAll("[data-show-if-checked]").forEach(function (group) {
      var box = document.getElementById(group.getAttribute("data-show-if-checked"));
      group.hidden = !(box && box.checked) && !hasError(group);
    });
  }

  // Countries of work: the first, and every one already answered, show; "Add another country"
  // shows the next, up to the four the form has.
  function setUpRows(fieldset) {
    var rows = Array.prototype.slice.call(fieldset.querySelectorAll("[data-work-row]"));
    rows.forEach(function (row, index) { row.hidden = index > 0 && !filled(row) && !hasError(row); });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = fieldset.getAttribute("data-add-label");
    function refresh() { button.hidden = rows.every(function (row) { return !row.hidden; }); }
    button.addEventListener("click", function () {
      var next = rows.filter(function (row) { return row.hidden; })[0];
      if (!next) { return; }
      next.hidden = false;
      next.querySelector("select, input").focus();
      refresh();
    });
    fieldset.appendChild(button);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-selfcheck]").forEach(function (form) {
      form.querySelectorAll("[data-work-rows]").forEach(setUpRows);
      update(form);
      form.addEventListener("change", function () { update(form); });
    });
  });
})();
