// mamori: the little the screens need beyond htmx. No inline scripts anywhere
// (the Content-Security-Policy forbids them); behaviour hangs off data- attributes.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // <form data-confirm="…">: ask before a destructive action.
  document.body.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
  });
  // <select data-autosubmit>: filters apply as soon as they change.
  document.body.addEventListener("change", (event) => {
    const field = event.target.closest("[data-autosubmit]");
    if (field && field.form) field.form.requestSubmit();
  });
});

// htmx requests carry the CSRF token of the page (meta or hidden field).
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('input[name="csrf"]');
  if (token) event.detail.headers["X-CSRF-Token"] = token.value;
});
