/**
 * Small synthetic unit-year files for the domain tests, built in code so each test states the
 * figures it is about. Nothing here is the shipped report.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClassificationFile, ClassNode, Fact, Indicator, KnownIssue, RuleResult, UnitYearFile } from '../../../src/model/types';
import { reconcile, type ReconcileOptions } from '../../../src/domain/rules';

const node = (code: string, name: string, parent: string | null, aliases?: string[]): ClassNode => ({
  code,
  name,
  parent,
  level: (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3,
  ...(aliases ? { aliases } : {}),
});

/** 201 › 20103 › {2010301, 2010302}; 206 › 20699 › 2069999. */
export const functional: ClassificationFile = {
  id: 'functional',
  title: 't',
  edition: 'e',
  nodes: [
    node('201', '一般公共服务支出', null),
    node('20103', '政府办公厅（室）及相关机构事务', '201'),
    node('2010301', '行政运行', '20103'),
    node('2010302', '一般行政管理事务', '20103'),
    node('206', '科学技术支出', null),
    node('20699', '其他科学技术支出', '206'),
    node('2069999', '其他科学技术支出', '20699'),
  ],
};
/** 301, 302 (alias 商品与服务支出), 310 › {31003, 31099}. */
export const economic: ClassificationFile = {
  id: 'economic',
  title: 't',
  edition: 'e',
  nodes: [
    node('301', '工资福利支出', null),
    node('302', '商品和服务支出', null, ['商品与服务支出']),
    node('310', '资本性支出', null),
    node('31003', '专用设备购置', '310'),
    node('31099', '其他资本性支出', '310'),
  ],
};
const trees = { functional, economic };

const stated = (quote = '报告原文', section = '一') => ({ kind: 'stated' as const, quote, section });

/** A money fact: 2022 决算 支出 total unless told otherwise. */
export function fact(id: string, amount: number, dims: Partial<Fact> = {}): Fact {
  return { id, year: 2022, phase: '决算', flow: '支出', source: null, basis: null, functional: null, economic: null, amount, label: id, provenance: stated(), ...dims };
}

/** A measure in 万元 for 2022 unless told otherwise. */
export function measure(id: string, value: number, more: Partial<Indicator> = {}): Indicator {
  return { id, group: 'g', label: id, value, unit: '万元', year: 2022, approx: null, cumulative: false, parent: null, provenance: stated(), ...more };
}

export function unit(parts: { facts?: Fact[]; measures?: Indicator[]; indicators?: Indicator[]; knownIssues?: KnownIssue[] } = {}): UnitYearFile {
  return {
    unit: 'demo',
    reportYear: 2022,
    currency: '万元',
    source: { id: 'src', title: 't', publisher: 'p', date: '2023-01-01', file: 'sources/demo.txt' },
    facts: parts.facts ?? [],
    measures: parts.measures ?? [],
    indicators: parts.indicators ?? [],
    knownIssues: parts.knownIssues ?? [],
  };
}

export const run = (u: UnitYearFile, opts: ReconcileOptions = {}) => reconcile(u, trees, opts);
/** Results of one rule. */
export const of = (rs: RuleResult[], rule: string) => rs.filter((r) => r.rule === rule);
export function byKey(rs: RuleResult[], key: string): RuleResult {
  const r = rs.find((x) => x.key === key);
  if (!r) throw new Error(`no result ${key}; have ${rs.map((x) => x.key).join(', ')}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The shipped data

const dataRoot = resolve(__dirname, '../../../data');
const readData = <T>(p: string): T => JSON.parse(readFileSync(resolve(dataRoot, p), 'utf8')) as T;

/** One shipped unit-year with its trees, source text (when present) and index name, reconciled. */
export function shippedReport(unitId: string, year: number): { unit: string; year: number; file: UnitYearFile; results: RuleResult[] } {
  const index = readData<{ classifications: { functional: string; economic: string }; units: Array<{ id: string; name: string; years: Array<{ year: number; file: string }> }> }>('index.json');
  const t = { functional: readData<ClassificationFile>(index.classifications.functional), economic: readData<ClassificationFile>(index.classifications.economic) };
  const found = index.units.flatMap((u) =>
    u.years.filter((y) => u.id === unitId && y.year === year).map((y) => {
      const file = readData<UnitYearFile>(y.file);
      let sourceText: string | undefined;
      try {
        sourceText = readFileSync(resolve(dataRoot, file.source.file), 'utf8');
      } catch {
        sourceText = undefined;
      }
      return { unit: u.id, year: y.year, file, results: reconcile(file, t, { sourceText, unitName: u.name }) };
    }),
  );
  if (found.length !== 1) throw new Error(`data/index.json: ${found.length} entries for unit ${unitId} year ${year}`);
  return found[0];
}

/**
 * A consistent spending report: total 100 = 基本 30 + 项目 70; functions 2010301 (基本 30, split
 * 301 20 + 302 10), 2010302 (项目 10), 2069999 (项目 60, split 310 60 › 31003 60); economic totals
 * 301 20, 302 10, 310 60.
 */
export function spendingFacts(): Fact[] {
  const b = { basis: '基本支出' as const };
  const p = { basis: '项目支出' as const };
  return [
    fact('f-total', 100),
    fact('f-basic', 30, b),
    fact('f-project', 70, p),
    fact('f-2010301', 30, { ...b, functional: '2010301' }),
    fact('f-2010302', 10, { ...p, functional: '2010302' }),
    fact('f-2069999', 60, { ...p, functional: '2069999' }),
    fact('f-2010301-301', 20, { ...b, functional: '2010301', economic: '301' }),
    fact('f-2010301-302', 10, { ...b, functional: '2010301', economic: '302' }),
    fact('f-2069999-310', 60, { ...p, functional: '2069999', economic: '310' }),
    fact('f-2069999-31003', 60, { ...p, functional: '2069999', economic: '31003' }),
    fact('f-econ-301', 20, { economic: '301' }),
    fact('f-econ-302', 10, { economic: '302' }),
    fact('f-econ-310', 60, { economic: '310' }),
  ];
}
/** Change one fact's amount in a list (returns the list). */
export function set(facts: Fact[], id: string, amount: number): Fact[] {
  facts.find((f) => f.id === id)!.amount = amount;
  return facts;
}
