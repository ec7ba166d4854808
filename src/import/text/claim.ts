/** A figure read from a sentence, with what it is; shared by the sentence reader and the funds-table reader. */
import type { ChangeBase, Phase, Stat } from '../../model/vocabulary';
import type { Kind, Mention } from './numbers';
import type { Target } from './roles';

export interface Claim {
  target: Target;
  stat: Stat;
  base?: ChangeBase;
  /** "完成预算X%": the figure as a percentage of its budget. */
  completion?: Phase;
  year: number;
  /** For changes: the year compared with. */
  baseYear?: number;
  /** For changes against the budget: which budget (年初预算 unless the report says 调整预算). */
  budgetPhase?: Phase;
  value: number;
  unit: string;
  kind: Kind;
  decimals: number;
  approx: Mention['approx'];
  quote: string;
  section: string;
  line: number;
  notes: string[];
  /** For shares: the whole as the report names it ("政府采购支出总额"), or ''. */
  whole?: string;
  sentence: string;
  printed: string;
}
