// ECharts is loaded only with this component (lazy): monthly kWh bars, estimated months in grey.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function ConsumptionChart({
  monthly,
  kwhLabel,
  estimatedLabel,
  height = 240,
}: {
  monthly: { period: string; kwh: string; estimated: boolean }[];
  kwhLabel: string;
  estimatedLabel: string;
  height?: number;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height, width: '100%' }}
      notMerge
      option={{
        tooltip: {
          trigger: 'axis',
          formatter: (p: { dataIndex: number }[]) => {
            const m = monthly[p[0].dataIndex];
            return `${m.period}<br/>${kwhLabel}: ${m.kwh}${m.estimated ? ` (${estimatedLabel})` : ''}`;
          },
        },
        grid: { left: 64, right: 16, top: 24, bottom: 40 },
        xAxis: { type: 'category', data: monthly.map((m) => m.period) },
        yAxis: { type: 'value', name: 'kWh' },
        series: [
          {
            type: 'bar',
            barMaxWidth: 24,
            // display only: the chart plots the exact decimal strings as numbers
            data: monthly.map((m) => ({
              value: Number(m.kwh),
              itemStyle: { color: m.estimated ? '#bfbfbf' : '#1677ff' },
            })),
          },
        ],
      }}
    />
  );
}
