// ECharts is loaded only with the pages that chart (lazy); only bars and lines are registered.
import * as echarts from 'echarts/core';
import { BarChart as EBarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([EBarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  key: string;
  name: string;
  data: (number | null)[];
  colour: string;
  /** A line on a 0–100 % axis on the right instead of a bar. */
  percent?: boolean;
}

/** Grouped bars per category; a click on a bar reports the category index and the series key. */
export default function BarChart({
  categories,
  series,
  height = 320,
  onBarClick,
}: {
  categories: string[];
  series: ChartSeries[];
  height?: number;
  onBarClick?: (categoryIndex: number, seriesKey: string) => void;
}) {
  const hasPercent = series.some((s) => s.percent);
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height, width: '100%' }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: hasPercent ? 50 : 20, top: 40, bottom: 60 },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
        },
        yAxis: [
          { type: 'value', minInterval: 1 },
          ...(hasPercent ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
        ],
        series: series.map((s) =>
          s.percent
            ? { name: s.name, type: 'line', yAxisIndex: 1, data: s.data, itemStyle: { color: s.colour } }
            : { name: s.name, type: 'bar', data: s.data, itemStyle: { color: s.colour }, barMaxWidth: 28 },
        ),
      }}
      onEvents={
        onBarClick
          ? {
              click: (p: { dataIndex: number; seriesIndex: number }) =>
                onBarClick(p.dataIndex, series[p.seriesIndex]?.key ?? ''),
            }
          : undefined
      }
    />
  );
}
