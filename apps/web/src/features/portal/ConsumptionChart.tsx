// kWh per bill period (lazy-loaded ECharts, bars only).
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function ConsumptionChart({
  periods,
  kwh,
  name,
}: {
  periods: string[];
  kwh: number[];
  name: string;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 220, width: '100%' }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 12, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', name: 'kWh' },
        series: [{ type: 'bar', name, data: kwh, itemStyle: { color: '#1677ff' } }],
      }}
    />
  );
}
