// Move focus to the error summary so screen-reader users hear what went wrong (progressive enhancement).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});
