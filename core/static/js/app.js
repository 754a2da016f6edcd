// Progressive enhancement only: every page works without this file.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  const box = document.getElementById("htmx-error");
  if (box) {
    box.hidden = false;
    box.textContent = box.dataset["status" + status] || box.dataset.generic;
  }
});
