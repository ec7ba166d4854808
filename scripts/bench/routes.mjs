/**
 * What the bench knows of each route's view: which chart boxes (data-chart ids) belong to it, so
 * that another view's prerendered chart shown first does not count as this route's first chart,
 * and which charts and items its click measure aims at (the overview drills only 功能分类 items).
 * The ids are the views' own (src/features/<route>); a route missing here counts every chart.
 */
export const ROUTE_VIEWS = {
  '': { charts: '^structure$', click: { charts: ['structure'], key: '^f:' } },
  spending: { charts: '^(cmp|hier|exec|sankey)$', click: { charts: ['cmp', 'hier'] } },
  assets: { charts: '^(balance|controls|fixed|sangong|staff|vehicle)$', click: { charts: ['staff', 'sangong', 'vehicle', 'fixed', 'balance', 'controls'] } },
  operations: { charts: '^ops-', click: { charts: ['ops-overview'] } },
  quality: { charts: '^quality-', click: { charts: ['quality-rules'] } },
  screen: { charts: '^screen-', click: { charts: ['screen-spending'] } },
  units: { charts: '^units-', click: { charts: [] } },
};

/** The floors' one view: three charts, clicks go to the bar chart. */
export const FLOOR_VIEW = { charts: '^(bar|pie|line)$', click: { charts: ['bar'] } };

/**
 * For a route as the bench writes it ("spending?unit=daying-wgl"): the first visible chart's
 * accept rule ({ chart pattern, unit the page must show }) and the click target.
 */
export function viewOf(route) {
  const [name, query = ''] = route.split('?');
  const v = ROUTE_VIEWS[name] ?? { charts: null, click: {} };
  const unit = new URLSearchParams(query).get('unit');
  return { accept: { chart: v.charts, unit }, click: { ...v.click, unit } };
}
