// ECharts is loaded only with the pages that chart (lazy): bars for kWh, a line for the amount.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function BillingHistoryChart({
  periods,
  energy,
  amount,
  energyLabel,
  amountLabel,
  height = 260,
}: {
  periods: string[];
  energy: number[];
  /** yuan (display only; the amounts themselves are integer fen). */
  amount: number[];
  energyLabel: string;
  amountLabel: string;
  height?: number;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height, width: '100%' }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 56, right: 56, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: periods, axisLabel: { rotate: periods.length > 8 ? 30 : 0 } },
        yAxis: [
          { type: 'value', name: 'kWh' },
          { type: 'value', name: amountLabel },
        ],
        series: [
          { name: energyLabel, type: 'bar', data: energy, itemStyle: { color: '#1677ff' }, barMaxWidth: 24 },
          { name: amountLabel, type: 'line', yAxisIndex: 1, data: amount, itemStyle: { color: '#fa8c16' } },
        ],
      }}
    />
  );
}
