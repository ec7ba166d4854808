// A chart type chunk, loaded on first use by ../echarts.ts.
export { FunnelChart as default } from 'echarts/charts';
