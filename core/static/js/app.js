// Progressive enhancement only: every page works without this file.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  const box = document.getElementById("htmx-error");
  if (box) {
    box.hidden = false;
    box.textContent = box.dataset["status" + status] || box.dataset.generic;
  }
});

// An error summary marked data-ww-focus takes the focus when the page opens, so keyboard
// and screen-reader users start at what went wrong (the autofocus attribute does the same
// without JavaScript; this covers browsers that skip autofocus on a non-field).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-ww-focus]");
  if (summary && (document.activeElement === null || document.activeElement === document.body)) {
    summary.focus();
  }
});

// htmx replaces the part of the page around the control that was used (a ticked step, an
// agreed answer). The control itself is new then and the focus would fall back to the top of
// the page: put it back on the control with the same id in the new part.
let focusedBeforeSwap = null;
document.addEventListener("htmx:beforeRequest", () => {
  const active = document.activeElement;
  focusedBeforeSwap = active && active.id ? active.id : null;
});
document.addEventListener("htmx:afterSettle", () => {
  if (!focusedBeforeSwap) {
    return;
  }
  const active = document.activeElement;
  const lost = active === null || active === document.body || !active.isConnected;
  const control = document.getElementById(focusedBeforeSwap);
  if (lost && control) {
    control.focus();
  }
  focusedBeforeSwap = null;
});
