// The chart options this page draws, each with its title and summary; svg.ts renders them.
import { renderSvg, type ChartView } from './svg';

const BLUE = '#1f5fbf';
const ORANGE = '#c2410c';
const GREY = '#6b7280';

export interface BarSeries {
  name: string;
  values: number[];
  /** Stacked series share a stack name. */
  stack?: string;
  color?: string;
}

/** A bar chart over labelled categories, with an optional target line (e.g. the 20-working-day target). */
export function barChart(args: {
  title: string;
  summary: string;
  categories: string[];
  series: BarSeries[];
  yName: string;
  /** A line across the value axis (a target), or across the category axis at a category (`onCategory`). */
  target?: { value: number | string; label: string; onCategory?: boolean };
  table: ChartView['table'];
  /** Long category names (departments, districts) read better as horizontal bars. */
  horizontal?: boolean;
}): ChartView {
  const palette = [BLUE, ORANGE, GREY];
  const categoryAxis = {
    type: 'category',
    data: args.categories,
    axisLabel: { interval: 0, fontSize: 10, rotate: args.horizontal ? 0 : 30 },
  };
  const target = args.target;
  // A target on the value axis stays in view even when every bar is far below it (e.g. 1 day against 20).
  const keepTarget = target && !target.onCategory && typeof target.value === 'number' ? target.value : null;
  const valueAxis = {
    type: 'value',
    name: args.yName,
    minInterval: 1,
    nameTextStyle: { fontSize: 10 },
    ...(keepTarget !== null
      ? { max: (extent: { max: number }) => Math.max(extent.max, Math.ceil(keepTarget * 1.1)) }
      : {}),
  };
  const series = args.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    data: s.values,
    stack: s.stack,
    itemStyle: { color: s.color ?? palette[i % palette.length] },
    label: { show: !s.stack, position: args.horizontal ? 'right' : 'top', fontSize: 10 },
    ...(i === 0 && args.target
      ? {
          markLine: {
            symbol: 'none',
            lineStyle: { color: ORANGE, type: 'dashed' },
            label: { formatter: args.target.label, fontSize: 10, position: 'insideEndTop' },
            data: [
              args.horizontal !== !!args.target.onCategory
                ? { xAxis: args.target.value }
                : { yAxis: args.target.value },
            ],
          },
        }
      : {}),
  }));
  const height = args.horizontal ? Math.max(200, 60 + args.categories.length * 26) : 240;
  const image = renderSvg(
    {
      title: { text: args.title, left: 'center', textStyle: { fontSize: 14 } },
      legend: args.series.length > 1 ? { bottom: 0, textStyle: { fontSize: 10 } } : undefined,
      grid: {
        left: args.horizontal ? 110 : 40,
        right: 24,
        top: 44,
        bottom: args.series.length > 1 ? 56 : 48,
        containLabel: false,
      },
      xAxis: args.horizontal ? valueAxis : categoryAxis,
      yAxis: args.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series,
    },
    height,
  );
  return { title: args.title, summary: args.summary, table: args.table, image };
}

/** Points over time: past rounds (solid) and the projection (dashed), with the 100-point threshold. */
export function pointsLineChart(args: {
  title: string;
  summary: string;
  categories: string[];
  past: Array<number | null>;
  projected: Array<number | null>;
  threshold: number;
  table: ChartView['table'];
}): ChartView {
  const image = renderSvg({
    title: { text: args.title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, textStyle: { fontSize: 10 } },
    grid: { left: 40, right: 24, top: 44, bottom: 64 },
    xAxis: { type: 'category', data: args.categories, axisLabel: { interval: 0, fontSize: 10, rotate: 30 } },
    yAxis: { type: 'value', name: '积分', nameTextStyle: { fontSize: 10 } },
    series: [
      {
        type: 'line',
        name: '历年积分',
        data: args.past,
        connectNulls: false,
        itemStyle: { color: BLUE },
        label: { show: true, fontSize: 10 },
        markLine: {
          symbol: 'none',
          lineStyle: { color: ORANGE, type: 'dashed' },
          label: { formatter: `${args.threshold}分`, fontSize: 10, position: 'insideEndTop' },
          data: [{ yAxis: args.threshold }],
        },
      },
      {
        type: 'line',
        name: '预测（按现有情况延续）',
        data: args.projected,
        connectNulls: false,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: GREY },
        label: { show: true, fontSize: 10 },
      },
    ],
  });
  return { title: args.title, summary: args.summary, table: args.table, image };
}
