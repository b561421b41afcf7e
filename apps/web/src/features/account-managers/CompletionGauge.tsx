// ECharts is loaded only with this component (lazy), and only the gauge is registered.
import * as echarts from 'echarts/core';
import { GaugeChart } from 'echarts/charts';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BRAND_BLUE } from '../../i18n/LanguageProvider';

echarts.use([GaugeChart, CanvasRenderer]);

export default function CompletionGauge({ percent, label }: { percent: number; label: string }) {
  const colour = percent >= 90 ? '#52c41a' : percent >= 60 ? BRAND_BLUE : '#fa8c16';
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 120, width: '100%' }}
      option={{
        series: [
          {
            type: 'gauge',
            startAngle: 200,
            endAngle: -20,
            min: 0,
            max: 100,
            radius: '100%',
            center: ['50%', '62%'],
            progress: { show: true, width: 14, itemStyle: { color: colour } },
            axisLine: { lineStyle: { width: 14 } },
            axisTick: { show: false },
            splitLine: { show: false },
            axisLabel: { show: false },
            pointer: { show: false },
            anchor: { show: false },
            title: { offsetCenter: [0, '35%'], fontSize: 12, color: '#8c8c8c' },
            detail: {
              valueAnimation: true,
              offsetCenter: [0, '-5%'],
              fontSize: 22,
              fontWeight: 600,
              formatter: '{value}%',
              color: '#1f1f1f',
            },
            data: [{ value: percent, name: label }],
          },
        ],
      }}
    />
  );
}
