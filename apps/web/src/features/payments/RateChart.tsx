// ECharts is loaded only with the collection-rate page (lazy): billed and collected bars, the rate as a line.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RateChartProps {
  categories: string[];
  bars: { name: string; data: number[]; colour: string }[];
  line?: { name: string; data: (number | null)[] };
  unit: string;
  height?: number;
}

export default function RateChart({ categories, bars, line, unit, height = 300 }: RateChartProps) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height, width: '100%' }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 60, right: line ? 50 : 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: categories },
        yAxis: [
          { type: 'value', name: unit },
          ...(line ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
        ],
        series: [
          ...bars.map((b) => ({ type: 'bar', name: b.name, data: b.data, itemStyle: { color: b.colour } })),
          ...(line
            ? [
                {
                  type: 'line',
                  name: line.name,
                  data: line.data,
                  yAxisIndex: 1,
                  itemStyle: { color: '#cf1322' },
                },
              ]
            : []),
        ],
      }}
    />
  );
}
