/**
 * The data model shared by the loader, the validator, the transforms and the views.
 * The JSON files under `data/` follow these shapes; `data/schema/*.schema.json` is the
 * machine-readable form and `docs/data-format.md` the prose form. Keep all three in step.
 */

/** Budget phase of a money fact. Plan (预算) and actual (决算) are never summed together. */
export type Phase = '年初预算' | '调整预算' | '决算';
/** 基本支出 / 项目支出; `null` on a fact means "both together" (the stated total). */
export type Basis = '基本支出' | '项目支出';
/** Approximation words the report uses: 近 (nearly), 余 (more than), 约 (about). */
export type Approx = '近' | '余' | '约';

/**
 * A machine-evaluable formula over other records (by id) and number literals.
 * No data string is ever evaluated as code: formulas are plain JSON trees.
 *   sum:  a + b + ...        sub: a - b        mul: a * b * ...      div: a / b
 *   pct:  a / b * 100        (share / rate in %)
 *   growth_pct: (a - b) / b * 100   (a = this year, b = last year)
 */
export type FormulaOp = 'sum' | 'sub' | 'mul' | 'div' | 'pct' | 'growth_pct';
export type FormulaArg = string | number | Formula;
export interface Formula {
  op: FormulaOp;
  args: FormulaArg[];
}

/** Where a figure comes from. Every record carries exactly one of these. */
export type Provenance =
  | {
      kind: 'stated';
      /** The report's sentence (or clause) that states the figure, verbatim. */
      quote: string;
      /** The report section, e.g. "一、部门概况 / 5．部门整体支出". */
      section: string;
    }
  | {
      kind: 'derived';
      /** The formula over other records; the validator recomputes it. */
      formula: Formula;
      /** The same formula in words, for people, e.g. "2022年行政运行 − 较2021年增加额". */
      text: string;
    }
  | {
      kind: 'inferred';
      /** The rule that assigns the value, e.g. a classification code from 政府收支分类科目. */
      rule: string;
      /** Optional supporting quote from the report. */
      quote?: string;
      section?: string;
    };

/** One money amount: the long "fact" row. Amounts are in the file's currency (万元). */
export interface Fact {
  id: string;
  year: number;
  phase: Phase;
  /** null = 基本支出 and 项目支出 together. */
  basis: Basis | null;
  /** 政府收支分类科目 functional code (类 3 digits, 款 5, 项 7); null = all functions. */
  functional: string | null;
  /** 部门预算支出经济分类 code (类 3 digits, 款 5); null = all economic categories. */
  economic: string | null;
  amount: number;
  /** Label as the report words it (kept verbatim, so wording differences stay visible). */
  label: string;
  provenance: Provenance;
  /** Provenance of the classification codes, when they are inferred rather than stated. */
  codeProvenance?: Provenance;
  note?: string;
}

/**
 * Any other quantitative statement: staffing, assets, vehicle, 三公/会议/培训, budget rates,
 * changes, and the smart-city operational indicators.
 */
export interface Indicator {
  id: string;
  /** Group as the report groups it, e.g. "staffing", "assets", "grid", "iot", "epidemic". */
  group: string;
  label: string;
  value: number;
  /** Unit of `value`: 万元, %, 人, 个, 辆, 条, 路, 台, 项, 场, 次, 人次, 平方公里, 万件, 万人次 … */
  unit: string;
  year: number;
  approx: Approx | null;
  /** true when the figure is a running total ("累计", "上线至今"), not this year's flow. */
  cumulative: boolean;
  /** id of the indicator this one is a part of (children of a parent sum to it when `sumsToParent`). */
  parent: string | null;
  /** When true, this record and its siblings (same parent, also flagged) must sum to the parent. */
  sumsToParent?: boolean;
  /** For stated rates, shares and changes: the standard formula that recomputes the figure from its parts. */
  recompute?: Formula;
  /** Decimals as printed in the report (e.g. 2 for "64.29%"); sets the rounding tolerance of `recompute`. */
  decimals?: number;
  provenance: Provenance;
  note?: string;
}

/** A documented inconsistency of the source: findings it explains are reported without failing. */
export interface KnownIssue {
  id: string;
  /** Rule ids (or "rule-id:subject" keys) this issue explains. */
  explains: string[];
  /** Record ids involved. */
  records: string[];
  kind: 'arithmetic' | 'wording' | 'definition';
  title: string;
  explanation: string;
}

/** The source document a unit-year file is transcribed from. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** Path of the source text relative to the repository (for traceability). */
  file: string;
}

/** One unit's one reporting year: `data/units/<unit>/<year>.json`. */
export interface UnitYearFile {
  unit: string;
  reportYear: number;
  currency: '万元';
  source: Source;
  facts: Fact[];
  /** Financial and administrative measures (staffing, assets, controls, rates). */
  measures: Indicator[];
  /** Smart-city operational indicators. */
  indicators: Indicator[];
  knownIssues: KnownIssue[];
}

/** A node of a classification tree: `data/classifications/<tree>.json`. */
export interface ClassNode {
  code: string;
  name: string;
  parent: string | null;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level: 1 | 2 | 3;
}
export interface ClassificationFile {
  id: 'functional' | 'economic';
  title: string;
  /** The edition of the classification, e.g. "2022年政府收支分类科目". */
  edition: string;
  nodes: ClassNode[];
}

/** `data/index.json`: lists units, their years and files. Adding a year or unit = adding files. */
export interface DataIndex {
  generated?: string;
  classifications: { functional: string; economic: string };
  units: Array<{
    id: string;
    name: string;
    region: string;
    currency: '万元';
    years: Array<{ year: number; file: string }>;
  }>;
  /** Labels for indicator/measure groups, in display order. */
  groups?: Array<{ id: string; label: string; domain: 'finance' | 'operations' }>;
}

/** One problem found while loading or validating a file. */
export interface DataError {
  file: string;
  /** Record id, or "#<index>" where the record has no usable id; "" for file-level errors. */
  record: string;
  /** JSON path of the field inside the record, e.g. "amount" or "provenance.quote". */
  field: string;
  /** The array the record sits in ("facts", "measures", "indicators", "knownIssues", "nodes" …), if any. */
  section?: string;
  expected?: string;
  found?: string;
  message: string;
}

/** The result of one reconciliation rule applied to one subject. */
export interface RuleResult {
  rule: string;
  /** Stable key for this check, "rule-id:subject", used by knownIssues.explains and the UI. */
  key: string;
  title: string;
  status: 'pass' | 'fail' | 'known';
  /** Numbers involved, e.g. { expected: 969.29, found: 969.29, difference: 0 }. */
  numbers: Record<string, number>;
  records: string[];
  message: string;
  /** The known issue that explains a failure, when there is one. */
  knownIssue?: string;
}
