// Dashboards: draw every [data-chart] element from the ECharts option the server sent beside
// it, again after each filter (HTMX swaps the fragment, no page reload). A click on a unit bar
// or a heat-map cell drills down to the page behind it. (The plan overview's status donut is SVG
// drawn on the server, its slices plain links: monitoring/_donut.html.)
(function () {
  "use strict";
  const charts = [];
  const vi = (value) =>
    typeof value === "number" ? value.toLocaleString("vi-VN", { maximumFractionDigits: 2 }) : value;

  // ECharts prints 60.8; a Vietnamese reader expects 60,8 on axes, bar labels and the target line.
  function localise(option) {
    [].concat(option.xAxis || [], option.yAxis || []).forEach((axis) => {
      if (axis.type === "value") axis.axisLabel = Object.assign({ formatter: vi }, axis.axisLabel || {});
    });
    [].concat(option.series || []).forEach((series) => {
      if (series.label && series.label.show && !series.label.formatter) {
        series.label.formatter = (p) => vi(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value);
      }
      if (series.markLine && series.markLine.label) {
        const text = series.markLine.label.formatter || "{c}";
        series.markLine.label.formatter = (p) => text.replace("{c}", vi(p.value));
      }
    });
    return option;
  }

  // On a phone a category axis of unit names would take the whole width (the heat map's cells
  // shrank to a few pixels): names are cut to a third of the chart and read whole in the
  // tooltip; the heat map's colour key, too wide for the screen, is printed by the page instead.
  function fitNarrow(option, width) {
    if (width >= 576) return option;
    [].concat(option.yAxis || []).forEach((axis) => {
      if (axis.type === "category") {
        axis.axisLabel = Object.assign({ width: Math.round(width / 3), overflow: "truncate" }, axis.axisLabel || {});
      }
    });
    if (option.visualMap) option.visualMap.show = false;
    if (option.grid && option.visualMap) option.grid.bottom = 20;
    return option;
  }

  // One chart a task, without the opening animation: on a slow phone the page answers a tap
  // between two charts, and no frame is spent animating bars into place (#17, Lighthouse's
  // blocking time of the plan overview: bench/README.md).
  function draw(root) {
    root.querySelectorAll("[data-chart]").forEach((el, i) => setTimeout(() => drawOne(el), i * 16));
  }

  function drawOne(el) {
    const source = document.getElementById(el.dataset.chart);
    if (!source || !window.echarts || !el.isConnected) return;
    const option = fitNarrow(localise(JSON.parse(source.textContent)), el.clientWidth);
    option.animation = false;
    option.tooltip = Object.assign({ valueFormatter: vi }, option.tooltip || {});
    const previous = window.echarts.getInstanceByDom(el);
    if (previous) previous.dispose();
    const chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    const links = el.dataset.links ? JSON.parse(document.getElementById(el.dataset.links).textContent) : null;
    if (links) {
      chart.on("click", (params) => {
        const data = params.data || {};
        const cell = Array.isArray(data) ? data : data.value;
        const key = data.unit || (Array.isArray(cell) ? cell.slice(0, 2).join(",") : undefined);
        if (key !== undefined && links[key]) window.location.href = links[key];
      });
    }
    charts.push(chart);
  }

  // The exports sit outside the fragment the filters swap: they take the filters of the
  // address bar (pushed by HTMX) when sent, so the file matches what is on the screen.
  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-with-filters]");
    if (form) form.action = form.action.split("?")[0] + window.location.search;
  });

  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.body.addEventListener("htmx:afterSettle", (event) => draw(event.target));
  window.addEventListener("resize", () => charts.forEach((c) => c.isDisposed() || c.resize()));
  window.addEventListener("beforeprint", () => charts.forEach((c) => c.isDisposed() || c.resize()));
})();
