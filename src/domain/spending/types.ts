/** The vocabulary of the spending drill: nodes as filters, amounts with their facts, the trees. */
import type { Basis, ClassNode, Phase } from '../../model/types';
import { BASES as SPENDING_TYPES } from '../../model/vocabulary';

export type Dim = 'b' | 'f' | 'e';

/** Spending types the drill splits by, in the vocabulary's order (all five 支出决算表 columns). */
export const BASES: readonly Basis[] = SPENDING_TYPES;

/** Key of the remainder row (stated node total − Σ stated children); not a DrillStep. */
export const REST_KEY = 'rest';

export const REST_LABEL = '未细分';

export interface Trees {
  functional: ClassNode[];
  economic: ClassNode[];
}

/** A node as a filter; null = all. */
export interface NodeKey {
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
}

/** An amount with the facts behind it. `stated` = one fact with exactly this key. */
export interface Amount {
  amount: number;
  ids: string[];
  stated: boolean;
  /** Built from one fund source's economic split (see slice): part of the node's money, not all of it. */
  partial?: true;
}

export interface DrillContext {
  unit: string;
  year: number;
  /** Comparison year (决算 of that year); null = none. */
  compare: number | null;
  /** Phase drilled; default 决算. */
  phase?: Phase;
}
