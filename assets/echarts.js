// The parts of ECharts the dashboards draw (monitoring/charts.py builds their options), bundled
// by `make assets` (core/vendor_assets.py runs esbuild) into static/vendor/echarts/charts.min.js:
// about a third of the full build. A chart type or component the server starts to use must be
// added here; monitoring/tests/test_views.py compares the two lists. The plan overview's status
// donut is SVG drawn on the server (monitoring/charts.py status_donut), so no pie chart.
import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

// static/js/dashboard.js draws with window.echarts, as with the full build.
window.echarts = echarts;
