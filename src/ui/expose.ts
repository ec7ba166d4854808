/**
 * Test hook, called by EChart.svelte for every chart: with `?e2e` in the page URL (before the hash), chart instances are exposed on
 * `window.__charts[id]` so end-to-end tests can find an item's pixel position and read its
 * highlight state. Without the flag nothing is exposed.
 */
import type { EChartsType } from 'echarts/core';

export function exposeChart(id: string, chart: EChartsType): void {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('e2e')) return;
  const w = window as unknown as { __charts?: Record<string, EChartsType> };
  (w.__charts ??= {})[id] = chart;
}
