// A chart type chunk, loaded on first use by ../echarts.ts.
export { LineChart as default } from 'echarts/charts';
