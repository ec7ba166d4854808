// A chart type chunk, loaded on first use by ../echarts.ts.
export { PieChart as default } from 'echarts/charts';
