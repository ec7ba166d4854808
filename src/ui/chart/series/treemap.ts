// A chart type chunk, loaded on first use by ../echarts.ts.
export { TreemapChart as default } from 'echarts/charts';
