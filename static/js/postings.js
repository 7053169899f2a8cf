// Progressive enhancement for the request wizards; every page works without it.
(function () {
  "use strict";
  // Which fields each type of place needs (the rest is hidden, not removed: the server decides).
  var FIELDS = {
    region: ["name"],
    company: ["name", "identification_number", "street", "house_number", "po_box", "postal_code", "town"],
    construction_site: ["name", "description", "street", "house_number", "postal_code", "town"],
    home_base: ["name"],
    inland_vessel: ["name", "registration_number", "harbour_or_river"],
    ocean_vessel: ["name", "imo_number", "territorial_waters_or_port"]
  };
  var ALWAYS = ["country", "territory", "location_type", "time_pct"];
  // Before a type is chosen, only what every type asks (the name): showing every type's fields at
  // once put a boat's registration number, an IMO number and the territorial-waters question in
  // front of someone who has not said the place is a ship.
  var COMMON = Object.keys(FIELDS).reduce(function (common, type) {
    return common.filter(function (name) { return FIELDS[type].indexOf(name) >= 0; });
  }, FIELDS.region.slice());

  function update(place) {
    var select = place.querySelector("[data-field=location_type] select");
    if (!select) { return; }
    // A type this script does not know (one added on the server only) hides nothing.
    var wanted = select.value ? FIELDS[select.value] : COMMON;
    place.classList.add("js-hidden-fields");
    place.querySelectorAll(".place-field").forEach(function (wrapper) {
      var name = wrapper.getAttribute("data-field");
      var hasError = wrapper.querySelector(".error-message");
      wrapper.hidden = !(ALWAYS.indexOf(name) >= 0 || !wanted || wanted.indexOf(name) >= 0 || hasError);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-place]").forEach(update);
    // Delegated, so places added without a reload (postings-places.js) behave the same.
    document.addEventListener("change", function (event) {
      if (event.target.matches("[data-field=location_type] select")) { update(event.target.closest("[data-place]")); }
    });
    document.addEventListener("postings:place-added", function (event) { update(event.target); });
    // A double click on Send makes one request on the server anyway; this only avoids the second trip.
    document.querySelectorAll("[data-prevent-double-click]").forEach(function (button) {
      button.form.addEventListener("submit", function () {
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
})();
