// A chart type chunk, loaded on first use by ../echarts.ts.
export { GaugeChart as default } from 'echarts/charts';
