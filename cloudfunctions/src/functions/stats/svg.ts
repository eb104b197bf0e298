// Charts drawn on the server: ECharts 5 renders an option to an SVG string without a DOM or a canvas
// (`ssr: true` + `renderToSVGString`), tree-shaken through echarts/core to the two chart types we draw. The page
// shows the SVG as an image data URI, so the mini-program and H5 show the same picture, nothing is added to the
// mini-program's packages, and no canvas is needed (WeChat's runtime has neither eval nor a DOM).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** Phone width in CSS pixels; the page scales the image to its column. */
const CHART_WIDTH = 360;
const CHART_HEIGHT = 240;
/**
 * The fonts the viewer has (the SVG is drawn by the phone or browser, not here). Single quotes: ECharts writes the
 * list into style="…" unescaped, and a double quote there makes the whole image invalid (a blank chart).
 */
const FONT_FAMILY = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export type { ChartView } from '@hz-points/shared';

/** Renders an option to an SVG data URI. No animation: the string is the final frame. */
export function renderSvg(option: EChartsCoreOption, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    const svg = chart.renderToSVGString();
    // base64 rather than URL-encoding: WeChat's <image> reads base64 data URIs, and the client has no btoa.
    return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  } finally {
    chart.dispose();
  }
}
