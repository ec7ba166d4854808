/** The overview's spending structure: spending by functional 类, split by spending type. */
import { BASES, type Amount, type NodeKey, type Trees } from '../../../domain/spending/types';
import { sourceLine, type recordsOf, type SourceRef } from '../../../domain/provenance';
import { sharePct } from '../../../domain/check';
import { moneyWithUnit, pct } from '../../../ui/format';
import { ref } from './cards';
import type { DrillStep } from '../../../model/routes';
import type { MoneyUnit } from '../../../model/vocabulary';
import type { ChartSpec } from '../../../ui/chart/spec';
import { structureOption, type StructureItem } from '../structure.option';

const ALL: NodeKey = { basis: null, functional: null, economic: null };

export interface StructureEntry {
  key: DrillStep;
  label: string;
  text: string;
  source: SourceRef;
}

/** Spending by functional 类, split by spending type where the data splits it, largest first. */
export function functionStructure(
  cur: (k: NodeKey) => Amount | null,
  total: Amount,
  trees: Trees,
  records: ReturnType<typeof recordsOf>,
  year: number,
  u: MoneyUnit,
  hover: string | null,
  pngName: string,
): { chart: ChartSpec; list: StructureEntry[] } | null {
  const tops = trees.functional.filter((n) => n.parent === null);
  const items: Array<StructureItem & { ids: string[] }> = tops
    .flatMap((n) => {
      const t = cur({ ...ALL, functional: n.code });
      if (!t) return [];
      const parts = Object.fromEntries(BASES.map((b) => [b, cur({ ...ALL, basis: b, functional: n.code })?.amount ?? null]));
      return [{ key: `f:${n.code}`, label: n.name, parts, total: t.amount, share: sharePct(t.amount, total.amount) ?? 0, source: sourceLine(t.ids, records), ids: t.ids }];
    })
    .sort((a, b) => b.total - a.total);
  if (!items.length) return null;
  const bases = BASES.filter((b) => items.some((it) => it.parts[b] !== null && it.parts[b] !== 0));
  const focus = hover?.startsWith('b:') ? hover.slice(2) : null;
  const list = items.map((it) => ({ key: it.key as DrillStep, label: it.label, text: `${moneyWithUnit(it.total, u)}（${pct(it.share)}）`, source: ref(it.ids, it.label) }));
  return {
    chart: {
      id: 'structure',
      title: '支出结构：按功能分类',
      option: structureOption(items, { money: u, year, bases, focusBasis: focus }),
      label: '按功能分类的支出结构条形图',
      description: `${year}年支出按功能分类：${list.map((s) => `${s.label} ${s.text}`).join('，')}。点击类别进入支出分析。`,
      height: `${Math.max(220, items.length * 44 + 60)}px`,
      pngName,
    },
    list,
  };
}
