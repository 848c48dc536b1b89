// The report page: autosave while typing; a copy of what is typed kept on this computer so that
// a dropped connection or a closed browser loses nothing; the percentage of a ratio computed as
// it is typed.
//
// The copy holds, for each field a person changed, the value typed and the value the field had
// when the page was loaded (its base). When a page loads, a copied field is put back only if
// the server still has its base: a figure someone else saved since is never overwritten; it is
// shown beside the field instead, for the person to decide.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  if (!form || !form.dataset.autosaveUrl) return;

  const status = document.getElementById("autosave-status");
  const versionInput = document.getElementById("report-version");
  const prefix = form.dataset.storageKey + "-";
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const DELAY_MS = 1500;
  // Named gettext so that `makemessages -d djangojs` finds the strings; /jsi18n/ defines it.
  const gettext = (text) => (window.gettext ? window.gettext(text) : text);

  // One copy per tab, so that two tabs never erase each other's.
  let tabId = sessionStorage.getItem("thidua-tab");
  if (!tabId) {
    tabId = Math.random().toString(36).slice(2);
    sessionStorage.setItem("thidua-tab", tabId);
  }
  const ownKey = prefix + tabId;

  let timer = null;
  let inflight = null;
  let dirty = false;
  let conflicted = false;
  let pendingSubmit = null;

  function say(text, tone) {
    status.textContent = text;
    status.className = "small mb-2 " + (tone ? "text-" + tone : "text-muted");
  }

  function editable() {
    return Array.from(form.elements).filter(
      (el) => el.name && el.type !== "file" && el.type !== "submit" && el.type !== "hidden" && el.name !== "csrfmiddlewaretoken"
    );
  }

  // What each field held when the page came from the server.
  const base = {};
  editable().forEach((el) => { base[el.name] = el.value; });

  function keep() {
    const fields = {};
    editable().forEach((el) => {
      if (el.value !== base[el.name]) fields[el.name] = { value: el.value, base: base[el.name] };
    });
    try {
      if (Object.keys(fields).length) {
        localStorage.setItem(ownKey, JSON.stringify({ at: Date.now(), fields: fields }));
      } else {
        localStorage.removeItem(ownKey);
      }
    } catch (e) { /* storage full or disabled: the server copy still counts */ }
  }

  function label(el) {
    return el.getAttribute("aria-label") || (el.labels && el.labels[0] ? el.labels[0].textContent : el.name);
  }

  function payload() {
    const body = new FormData();
    body.append("version", versionInput.value);
    editable().forEach((el) => body.append(el.name, el.value));
    return body;
  }

  // The inputs of an item ("value-12", "task-3", "results") that the last save refused.
  function refusedInputs(key, refused) {
    const [kind, ...rest] = key.split("-");
    const prefix = kind === "value" ? "v-" + rest.join("-") + "-" : kind === "task" ? "t-" + rest.join("-") + "-" : null;
    return Array.from(form.elements).filter(
      (el) => refused.has(el.name) && (prefix ? el.name.startsWith(prefix) : el.name === key)
    );
  }

  // Every refusal of a save at once, each beside its input (marked red and described by it);
  // the marks of fields since saved go. Returns the messages that belong to no item.
  function showRefusals(errors, refused) {
    const general = [];
    const wanted = new Map();
    for (const [key, messages] of Object.entries(errors)) {
      const inputs = refusedInputs(key, refused);
      const item = document.getElementById(key);
      if (!inputs.length && !item) { general.push(...messages); continue; }
      wanted.set("error-" + key, { text: messages.join(" "), inputs: inputs, item: item });
    }
    form.querySelectorAll("[aria-invalid=true]").forEach((el) => {
      if (refused.has(el.name)) return;
      el.classList.remove("is-invalid");
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
    document.querySelectorAll("[data-save-error]").forEach((note) => {
      if (!wanted.has(note.id)) note.remove();
    });
    wanted.forEach(({ text, inputs, item }, id) => {
      let note = document.getElementById(id);
      if (!note || note.textContent !== text) {
        if (note) note.remove();
        note = document.createElement("div");
        note.className = "invalid-feedback d-block";
        note.id = id;
        note.dataset.testid = id;
        note.dataset.saveError = "1";
        note.setAttribute("role", "alert");
        note.textContent = text;
        const last = inputs[inputs.length - 1];
        if (last) {
          (last.closest(".input-group") || last).insertAdjacentElement("afterend", note);
        } else {
          (item.querySelector("td[data-label]:nth-of-type(4)") || item).append(note);
        }
      }
      inputs.forEach((el) => {
        el.classList.add("is-invalid");
        el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", id);
      });
    });
    return general;
  }

  function save() {
    timer = null;
    if (conflicted || !dirty) return Promise.resolve();
    if (inflight) {
      // One save at a time: the next one must carry the version this one brings back.
      timer = setTimeout(save, DELAY_MS);
      return inflight;
    }
    const sent = {};
    editable().forEach((el) => { sent[el.name] = el.value; });
    const body = payload();
    dirty = false;
    say(gettext("Đang lưu…"));
    inflight = fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(async (response) => {
      const answer = await response.json().catch(() => ({}));
      if (response.status === 409) {
        conflicted = true;
        say(answer.message, "danger");
      } else if (answer.version !== undefined) {
        // Every valid field is saved, even beside a refused one: the server now holds what
        // was sent, except the refused fields, which keep their typed text and their copy.
        const refused = new Set(answer.invalid || []);
        versionInput.value = answer.version;
        Object.entries(sent).forEach(([name, value]) => { if (!refused.has(name)) base[name] = value; });
        keep();
        document.getElementById("completeness").textContent = answer.completeness;
        document.getElementById("completeness-bar").style.width = answer.completeness.replace(",", ".") + "%";
        const general = showRefusals(answer.errors || {}, refused);
        if (response.ok) {
          say(gettext("Đã tự động lưu lúc ") + answer.saved_at, "success");
        } else {
          say(gettext("Đã lưu các ô hợp lệ lúc ") + answer.saved_at + ". " + gettext("Các ô báo đỏ chưa lưu được: sửa rồi nhập lại.") + (general.length ? " " + general.join(" ") : ""), "danger");
        }
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
    const group = event.target.closest("[data-ratio]");
    if (group) updateRatio(group);
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  }

  // Same rule as core.formats.parse_number_vi: "1.234,5", "1.000" (a thousand), "12.5".
  function parseVi(text) {
    let raw = (text || "").trim().replace(/\s/g, "");
    if (!raw) return null;
    if (raw.includes(",")) {
      raw = raw.replace(/\./g, "").replace(",", ".");
    } else if ((raw.match(/\./g) || []).length > 1) {
      const groups = raw.split(".");
      if (!groups.slice(1).every((g) => g.length === 3)) return null;
      raw = groups.join("");
    } else if (raw.includes(".")) {
      const [whole, fraction] = raw.split(".");
      if (fraction.length === 3 && !["", "0", "-0", "+0"].includes(whole)) raw = whole + fraction;
    }
    const number = Number(raw);
    return Number.isFinite(number) ? number : null;
  }

  function updateRatio(group) {
    const n = parseVi(group.querySelector("[data-numerator]").value);
    const d = parseVi(group.querySelector("[data-denominator]").value);
    const out = group.querySelector("[data-percent]");
    out.textContent = n !== null && d ? (Math.round((n * 1000) / d) / 10).toLocaleString("vi-VN") + "%" : "…%";
  }

  function warn(event) {
    if (dirty || inflight) { event.preventDefault(); event.returnValue = ""; }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    clearTimeout(timer);
    if (!navigator.onLine) {
      // Nothing would reach the server: keep the page and the copy as they are.
      event.preventDefault();
      say(gettext("Đang mất kết nối nên chưa gửi được. Dữ liệu vẫn được giữ trên máy này; hãy bấm lại khi có mạng."), "danger");
      return;
    }
    if (inflight) {
      // Let the background save finish first, so the page posts the version it produced.
      event.preventDefault();
      pendingSubmit = event.submitter;
      return;
    }
    // The copy stays until the next page shows the server has the figures (see below).
    window.removeEventListener("beforeunload", warn);
  });
  window.addEventListener("online", () => { if (dirty) save(); });
  setInterval(() => { if (dirty && !timer && !inflight && navigator.onLine) save(); }, 15000);
  window.addEventListener("beforeunload", warn);

  // Copies left on this computer by this or another tab, by a closed browser or a lost connection.
  const restored = [];
  const clashes = [];
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (!key || !key.startsWith(prefix)) continue;
    let copy = null;
    try { copy = JSON.parse(localStorage.getItem(key)); } catch (e) { copy = null; }
    localStorage.removeItem(key);
    if (!copy || !copy.fields) continue;
    for (const [name, entry] of Object.entries(copy.fields)) {
      const el = form.elements.namedItem(name);
      if (!el || el instanceof RadioNodeList || entry.value === el.value) continue;  // saved already
      if (entry.base === el.value) {
        el.value = entry.value;  // the server still has what it had: the typing is put back
        restored.push(label(el));
      } else {
        clashes.push([el, entry.value]);  // someone saved another figure since: ask
      }
    }
  }
  if (restored.length) {
    dirty = true;
    keep();
    say(gettext("Đã khôi phục những gì bạn nhập lần trước nhưng chưa kịp lưu; đang lưu lại…"), "warning");
    timer = setTimeout(save, 300);
  }
  clashes.forEach(([el, value]) => {
    const note = document.createElement("div");
    note.className = "small text-warning-emphasis";
    note.setAttribute("data-testid", "unsaved-copy");
    note.textContent = gettext("Máy này còn giữ số bạn đã nhập nhưng chưa lưu: ") + value + gettext(" (số hiện tại do người khác lưu sau đó). ");
    const use = document.createElement("button");
    use.type = "button";
    use.className = "btn btn-link btn-sm p-0 align-baseline";
    use.textContent = gettext("Dùng số này");
    use.addEventListener("click", () => {
      el.value = value;
      el.dispatchEvent(new Event("change", { bubbles: true }));
      note.remove();
    });
    note.append(use);
    el.insertAdjacentElement("afterend", note);
  });
  // A refusal the server drew beside a marked input belongs to a save: the next save redraws it.
  form.querySelectorAll("[aria-invalid=true][aria-describedby]").forEach((el) => {
    const note = document.getElementById(el.getAttribute("aria-describedby"));
    if (note) note.dataset.saveError = "1";
  });
  form.querySelectorAll("[data-ratio]").forEach(updateRatio);
  form.dataset.ready = "1";  // listening: what is typed from now on is saved (tests wait for it)
})();
