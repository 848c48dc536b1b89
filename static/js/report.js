// The report page: autosave while typing, a copy of what is typed kept on this computer so that
// a dropped connection loses nothing, and the percentage of a ratio computed as it is typed.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  if (!form || !form.dataset.autosaveUrl) return;

  const status = document.getElementById("autosave-status");
  const versionInput = document.getElementById("report-version");
  const storageKey = form.dataset.storageKey;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const DELAY_MS = 1500;
  let timer = null;
  let inflight = null;
  let dirty = false;
  let conflicted = false;
  let pendingSubmit = null;

  function say(text, tone) {
    status.textContent = text;
    status.className = "small mb-2 " + (tone ? "text-" + tone : "text-muted");
  }

  function fields() {
    const data = {};
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.name === "csrfmiddlewaretoken" || el.type === "submit") continue;
      data[el.name] = el.value;
    }
    return data;
  }

  function keep() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: versionInput.value, at: Date.now(), fields: fields() }));
    } catch (e) { /* storage full or disabled: the server copy still counts */ }
  }

  function forget() {
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
  }

  function restore(saved) {
    for (const [name, value] of Object.entries(saved.fields)) {
      if (name === "version") continue;
      const el = form.elements.namedItem(name);
      if (el && !(el instanceof RadioNodeList)) el.value = value;
    }
    form.querySelectorAll("[data-ratio]").forEach(updateRatio);
  }

  function save() {
    timer = null;
    if (conflicted || !dirty) return Promise.resolve();
    if (inflight) {
      // One save at a time: the next one must carry the version this one brings back.
      timer = setTimeout(save, DELAY_MS);
      return inflight;
    }
    const body = new FormData();
    for (const [name, value] of Object.entries(fields())) body.append(name, value);
    dirty = false;
    say(gettext("Đang lưu…"));
    inflight = fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(async (response) => {
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        versionInput.value = answer.version;
        document.getElementById("completeness").textContent = answer.completeness;
        document.getElementById("completeness-bar").style.width = answer.completeness.replace(",", ".") + "%";
        if (!dirty) forget();
        say(gettext("Đã tự động lưu lúc ") + answer.saved_at, "success");
      } else if (response.status === 409) {
        conflicted = true;
        say(answer.message, "danger");
      } else if (answer.errors) {
        const first = Object.values(answer.errors).flat();
        say(gettext("Chưa lưu được: ") + first.slice(0, 3).join(" "), "danger");
      } else {
        dirty = true;
        say(gettext("Máy chủ chưa nhận được; sẽ thử lại."), "warning");
      }
    }).catch(() => {
      dirty = true;
      say(gettext("Mất kết nối — những gì bạn nhập vẫn được giữ trên máy này và sẽ được lưu khi có mạng lại."), "warning");
    }).finally(() => {
      inflight = null;
      if (pendingSubmit) {
        const button = pendingSubmit;
        pendingSubmit = null;
        form.requestSubmit(button);
      }
    });
    return inflight;
  }

  function changed(event) {
    if (event.target.type === "file") return;
    dirty = true;
    keep();
    if (event.target.closest("[data-ratio]")) updateRatio(event.target.closest("[data-ratio]"));
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  }

  function parseVi(text) {
    const raw = (text || "").trim().replace(/\s/g, "");
    if (!raw) return null;
    const normal = raw.includes(",") ? raw.replace(/\./g, "").replace(",", ".") : raw;
    const number = Number(normal);
    return Number.isFinite(number) ? number : null;
  }

  function updateRatio(group) {
    const n = parseVi(group.querySelector("[data-numerator]").value);
    const d = parseVi(group.querySelector("[data-denominator]").value);
    const out = group.querySelector("[data-percent]");
    out.textContent = n !== null && d ? (Math.round((n * 1000) / d) / 10).toLocaleString("vi-VN") + "%" : "…%";
  }

  function gettext(text) {
    return window.gettext ? window.gettext(text) : text;
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (inflight) {
      // Let the background save finish first, so the page posts the version it produced.
      event.preventDefault();
      pendingSubmit = event.submitter;
      return;
    }
    forget();
    window.removeEventListener("beforeunload", warn);
  });
  window.addEventListener("online", () => { if (dirty) save(); });
  setInterval(() => { if (dirty && !timer && !inflight && navigator.onLine) save(); }, 15000);

  function warn(event) {
    if (dirty || inflight) { event.preventDefault(); event.returnValue = ""; }
  }
  window.addEventListener("beforeunload", warn);

  // What was typed on this computer and never reached the server comes back.
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { saved = null; }
  if (saved && saved.fields) {
    if (String(saved.version) === versionInput.value) {
      restore(saved);
      dirty = true;
      say(gettext("Đã khôi phục những gì bạn nhập lần trước nhưng chưa kịp lưu; đang lưu lại…"), "warning");
      timer = setTimeout(save, 300);
    } else {
      const note = document.createElement("div");
      note.className = "alert alert-warning d-flex gap-2 align-items-center";
      note.setAttribute("role", "alert");
      note.textContent = gettext("Máy này còn giữ dữ liệu bạn nhập nhưng chưa lưu, trong khi báo cáo đã được lưu từ nơi khác. ");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-warning";
      button.textContent = gettext("Khôi phục dữ liệu chưa lưu");
      button.addEventListener("click", () => { restore(saved); dirty = true; keep(); note.remove(); save(); });
      const drop = document.createElement("button");
      drop.type = "button";
      drop.className = "btn btn-sm btn-outline-secondary";
      drop.textContent = gettext("Bỏ qua");
      drop.addEventListener("click", () => { forget(); note.remove(); });
      note.append(button, drop);
      form.prepend(note);
    }
  }
  form.querySelectorAll("[data-ratio]").forEach(updateRatio);
})();
