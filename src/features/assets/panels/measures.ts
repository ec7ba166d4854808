/** The full list of the year's measures (everything the panels do not draw, and what they do). */
import type { Indicator } from '../../../model/types';
import { roleSection, SECTION_TITLES } from '../../../model/vocabulary';
import { figureOf } from '../../../domain/figures';
import { PROVENANCE_LABEL } from '../../../domain/provenance';
import type { Column } from '../../../ui/table/columns';
import type { FigureBook } from '../cards';
import { uniq } from './context';

export interface MeasureRow {
  key: string;
  label: string;
  title: string;
  /** The part of the report it belongs to (by role). */
  section: string;
  value: number;
  valueText: string;
  unit: string;
  provenance: string;
  reportYear: number;
}

/** One row per measure of the year, with the section it belongs to; `sangongTitle` names the 三公 section as the report does. */
export function measureTable(book: FigureBook, year: number, sangongTitle: string): { rows: MeasureRow[]; columns: Column<MeasureRow>[] } {
  // A measure without a role belongs where its nearest roled parent does (国内公务接待 → 公务接待费).
  const sectionOf = (r: Indicator, depth = 0): string => {
    if (r.role) {
      const sec = roleSection(r.role);
      return sec === 'sangong' ? sangongTitle : sec ? SECTION_TITLES[sec] : '—';
    }
    const parent = r.parent ? book.record(r.parent) : undefined;
    return parent && depth < 8 ? sectionOf(parent, depth + 1) : '—';
  };
  const measureRows: MeasureRow[] = book.figures.measures
    .filter((e) => e.m.year === year)
    .map(({ m: r, reportYear }) => ({
      key: r.id,
      label: r.label,
      title: r.role ? book.title(figureOf(r, reportYear)) : '—',
      section: sectionOf(r),
      value: r.value,
      valueText: book.valueText(figureOf(r, reportYear)),
      unit: r.unit,
      provenance: PROVENANCE_LABEL[r.provenance.kind],
      reportYear,
    }));
  const reports = uniq(measureRows.map((r) => r.reportYear));
  const measureCols: Column<MeasureRow>[] = [
    { key: 'label', label: '指标（报告用语）' },
    { key: 'title', label: '名称' },
    { key: 'section', label: '部分' },
    { key: 'value', label: '数值', numeric: true, format: (_v: number, r) => r.valueText, exportValue: (r) => r.value, source: (r) => ({ ids: [r.key] }) },
    { key: 'unit', label: '单位（数据）' },
    { key: 'provenance', label: '出处' },
    ...(reports.length > 1 ? [{ key: 'reportYear', label: '报告年度', numeric: true } as Column<MeasureRow>] : []),
  ];
  return { rows: measureRows, columns: measureCols };
}
