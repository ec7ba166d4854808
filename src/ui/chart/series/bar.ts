// A chart type chunk, loaded on first use by ../echarts.ts.
export { BarChart as default } from 'echarts/charts';
