// "Add another place" without a page reload (progressive enhancement). Without JavaScript the button
// submits the form and the server adds an empty place; with it, the empty formset form kept in
// <template id="place-template"> (Django's empty_form, "__prefix__") is copied in, TOTAL_FORMS is
// raised, and focus moves to the new place's first field.
(function () {
  "use strict";

  function addPlace(button) {
    var form = button.form;
    var template = document.getElementById("place-template");
    var places = form.querySelector("[data-places]");
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    if (!template || !places || !total) { return false; }
    var index = parseInt(total.value, 10);
    if (isNaN(index)) { return false; }
    var number = places.querySelectorAll("[data-place]").length + 1;
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__num__/g, String(number));
    places.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    // With two places or more, every place (the first one too) can be removed.
    places.querySelectorAll("[data-remove-place][hidden]").forEach(function (box) { box.hidden = false; });
    var added = places.querySelectorAll("[data-place]");
    var place = added[added.length - 1];
    place.dispatchEvent(new CustomEvent("postings:place-added", { bubbles: true }));
    var first = place.querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus(); }
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-add-place]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (addPlace(button)) { event.preventDefault(); }
      });
    });
  });
})();
