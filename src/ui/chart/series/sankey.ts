// A chart type chunk, loaded on first use by ../echarts.ts.
export { SankeyChart as default } from 'echarts/charts';
