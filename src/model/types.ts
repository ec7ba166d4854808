/**
 * The types of the data contract, in one import. The file shapes come from the one schema
 * (`schema.ts`); the closed lists from `vocabulary.ts`; the two result shapes below are what the
 * loader and the rules produce.
 */
export type {
  ClassNode,
  ClassificationFile,
  DataIndex,
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
export type { Approx, Basis, ChangeBase, Flow, MoneyUnit, Phase, Source as FundSource, Stat } from './vocabulary';

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
