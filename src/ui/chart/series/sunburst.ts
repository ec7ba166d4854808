// A chart type chunk, loaded on first use by ../echarts.ts.
export { SunburstChart as default } from 'echarts/charts';
