/**
 * The types of the data contract, in one import. The file shapes come from the one schema
 * (`schema.ts`); the closed lists from `vocabulary.ts`; the two result shapes below are what the
 * loader and the rules produce.
 */
export type {
  ClassNode,
  ClassificationFile,
  DataIndex,
  DisplayGroup,
  Fact,
  Formula,
  FormulaArg,
  FormulaOp,
  Gap,
  Indicator,
  KnownIssue,
  Provenance,
  SourceDoc as Source,
  UnitEntry,
  UnitYearFile,
} from './schema';
export type { Basis, Phase, Source as FundSource } from './vocabulary';

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

/**
 * How serious a finding is. `error`: the figures cannot all be right (a sum that does not add up,
 * a quote not in the source) — an unexplained error fails `check:data`. `warning`: a figure is
 * probably defined or worded wrongly (a completion rate against the wrong budget, personnel cost
 * in 项目支出). `note`: a blemish a reader should know of (two names for one code, full-width
 * digits). Warnings and notes never fail a check.
 */
export type RuleGrade = 'error' | 'warning' | 'note';
/** What kind of problem a rule looks for: arithmetic, definitions (口径), wording, or the source (quotes). */
export type RuleFamily = 'arithmetic' | 'definition' | 'wording' | 'source';

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
  /** How serious the finding is when the check fails (set on passes too: the check's weight). */
  grade: RuleGrade;
  family: RuleFamily;
  /** For findings in the report's text: the passage (verbatim) and its 1-based line in the source file. */
  span?: { text: string; line?: number };
}
