/**
 * The data contract, written once. The TypeScript types below are derived from these schemas;
 * `npm run gen:schema` writes `data/schema/*.schema.json` and the compiled validators
 * (`src/model/validators.generated.js`, ajv standalone: no `Function` at run time) from them, and a
 * unit test fails when the committed files drift. Only what a schema cannot say (references,
 * cycles, unique ids, tree membership, sign conventions, the role vocabulary) is checked by hand,
 * in `src/data/semantic.ts`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  APPROX,
  BASES,
  BASES_OF_CHANGE,
  FLOWS,
  GROUP_DOMAINS,
  ISSUE_KINDS,
  PHASES,
  SOURCE_KINDS,
  SOURCES,
  STATS,
} from './vocabulary';

const Enum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

export const Id = Type.String({
  $id: 'id',
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'Short, stable, kebab-case ASCII id, unique across the whole file.',
});
const Ref = Type.Ref(Id);
const Year = Type.Integer({ minimum: 1900, maximum: 2100 });
const Text = Type.String({ minLength: 1 });
const FunctionalCode = Type.String({ pattern: '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$', description: '政府收支分类科目 支出功能分类 code: 类 3 digits, 款 5, 项 7.' });
const EconomicCode = Type.String({ pattern: '^[0-9]{3}([0-9]{2})?$', description: '部门预算支出经济分类 code: 类 3 digits, 款 5.' });
const DataPath = Type.String({ minLength: 1, description: 'A path relative to the data root (data/). It may not leave it.' });

export const FormulaOp = Enum(['sum', 'sub', 'mul', 'div', 'pct', 'growth_pct'] as const);
export type FormulaOp = Static<typeof FormulaOp>;
export const Formula = Type.Recursive(
  (This) =>
    Type.Object(
      {
        op: FormulaOp,
        args: Type.Array(Type.Union([Ref, Type.Number(), This]), { minItems: 1 }),
      },
      { additionalProperties: false, description: 'A formula over other records (by id) and numbers; plain JSON, never evaluated as code.' },
    ),
  { $id: 'formula' },
);
export type Formula = Static<typeof Formula>;
export type FormulaArg = Formula['args'][number];

const Stated = Type.Object(
  {
    kind: Type.Literal('stated'),
    quote: Type.String({ minLength: 1, pattern: '\\S', description: 'The sentence (or clause, or table cell path) that states the figure, verbatim.' }),
    section: Type.String({ minLength: 1, pattern: '\\S', description: 'Heading path, e.g. "一、部门概况 / 5．部门整体支出", or "<sheet> › <row> › <column>".' }),
  },
  { additionalProperties: false },
);
const Derived = Type.Object(
  {
    kind: Type.Literal('derived'),
    formula: Type.Ref(Formula),
    text: Type.String({ minLength: 1, pattern: '\\S', description: 'The same formula in words, for people.' }),
  },
  { additionalProperties: false },
);
const Inferred = Type.Object(
  {
    kind: Type.Literal('inferred'),
    rule: Type.String({ minLength: 1, pattern: '\\S', description: 'The rule that assigns the value or code.' }),
    quote: Type.Optional(Type.String({ minLength: 1, pattern: '\\S' })),
    section: Type.Optional(Type.String({ minLength: 1, pattern: '\\S' })),
  },
  { additionalProperties: false },
);
export const Provenance = Type.Union([Stated, Derived, Inferred], { $id: 'provenance' });
export type Provenance = Static<typeof Provenance>;

export const Fact = Type.Object(
  {
    id: Ref,
    year: Year,
    phase: Enum(PHASES, 'Budget phase. Plan and actual are never added together.'),
    flow: Enum(FLOWS, 'Side of the 收入支出决算总表: 收入, 支出, 年初结转和结余, 年末结转和结余.'),
    source: Nullable(Enum(SOURCES, 'Income source, or fund source of spending/carry-over; null = all sources.')),
    basis: Nullable(Enum(BASES, 'Spending type; null = all types (or not a spending row).')),
    functional: Nullable(FunctionalCode),
    economic: Nullable(EconomicCode),
    amount: Type.Number({ description: 'In the file currency (万元).' }),
    label: Text,
    provenance: Type.Ref(Provenance),
    codeProvenance: Type.Optional(Type.Ref(Provenance)),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'fact', description: 'One money amount with its dimensions: the long fact row.' },
);
export type Fact = Static<typeof Fact>;

export const Indicator = Type.Object(
  {
    id: Ref,
    group: Ref,
    role: Type.Optional(Type.String({ minLength: 1, description: 'What the figure is, from the role vocabulary (docs/data-format.md), e.g. "sangong.item:公务接待".' })),
    stat: Type.Optional(Enum(STATS, 'value (default): the quantity itself; change: difference against `base`; growth: % change against `base`; share: % of its parent.')),
    base: Type.Optional(Enum(BASES_OF_CHANGE, 'For change/growth: against the previous year or against the budget.')),
    phase: Type.Optional(Enum(PHASES, 'For money measures with a budget: 年初预算/调整预算, or 决算 (default).')),
    label: Text,
    value: Type.Number(),
    unit: Text,
    year: Year,
    approx: Nullable(Enum(APPROX)),
    cumulative: Type.Boolean(),
    parent: Nullable(Ref),
    sumsToParent: Type.Optional(Type.Boolean()),
    recompute: Type.Optional(Type.Ref(Formula)),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    provenance: Type.Ref(Provenance),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false, $id: 'indicator', description: 'Any other quantitative statement: a measure (finance, staff, assets …) or an operational indicator.' },
);
export type Indicator = Static<typeof Indicator>;

export const KnownIssue = Type.Object(
  {
    id: Ref,
    explains: Type.Array(Type.String({ pattern: '^[a-z0-9-]+(:.+)?$' }), { description: 'Rule ids or "rule-id:subject" keys this issue explains.' }),
    records: Type.Array(Ref),
    kind: Enum(ISSUE_KINDS),
    title: Text,
    explanation: Text,
  },
  { additionalProperties: false, $id: 'knownIssue' },
);
export type KnownIssue = Static<typeof KnownIssue>;

export const SourceDoc = Type.Object(
  {
    id: Ref,
    kind: Type.Optional(Enum(SOURCE_KINDS, 'What kind of document the figures come from.')),
    title: Text,
    publisher: Text,
    date: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Publication date, YYYY-MM-DD (a real date).' })),
    file: DataPath,
    url: Type.Optional(Type.String({ pattern: '^https?://', description: 'Where the report was published (for people; never fetched).' })),
  },
  { additionalProperties: false, $id: 'source' },
);
export type SourceDoc = Static<typeof SourceDoc>;

export const Gap = Type.Object(
  {
    section: Text,
    note: Text,
  },
  { additionalProperties: false, description: 'A part of the report that was not available or not transcribed.' },
);
export type Gap = Static<typeof Gap>;

const ReviewItem = Type.Object(
  {
    text: Text,
    value: Nullable(Type.Number()),
    context: Text,
    where: Type.Object(
      {
        line: Type.Optional(Type.Integer({ minimum: 1 })),
        sheet: Type.Optional(Text),
        row: Type.Optional(Type.Integer({ minimum: 1 })),
        column: Type.Optional(Text),
      },
      { additionalProperties: false },
    ),
    reason: Text,
  },
  { additionalProperties: false, description: 'A number an importer found but could not place, left for a person to review (never shown as a figure).' },
);

export const UnitYearFile = Type.Object(
  {
    unit: Ref,
    reportYear: Year,
    currency: Type.Literal('万元'),
    source: Type.Ref(SourceDoc),
    gaps: Type.Optional(Type.Array(Gap)),
    review: Type.Optional(Type.Array(ReviewItem)),
    facts: Type.Array(Type.Ref(Fact)),
    measures: Type.Array(Type.Ref(Indicator)),
    indicators: Type.Array(Type.Ref(Indicator)),
    knownIssues: Type.Array(Type.Ref(KnownIssue)),
  },
  { additionalProperties: false, title: 'UnitYearFile', description: "One unit's one report: data/units/<unit>/<year>.json." },
);
export type UnitYearFile = Static<typeof UnitYearFile>;

export const ClassNode = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$' }),
    name: Text,
    parent: Nullable(Type.String({ pattern: '^[0-9]{3}([0-9]{2})?$' })),
    level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '1 = 类, 2 = 款, 3 = 项.' }),
    aliases: Type.Optional(Type.Array(Text, { description: 'Other names reports use for this code (e.g. 商品与服务支出).' })),
  },
  { additionalProperties: false },
);
export type ClassNode = Static<typeof ClassNode>;

export const ClassificationFile = Type.Object(
  {
    id: Enum(['functional', 'economic'] as const),
    title: Text,
    edition: Text,
    nodes: Type.Array(ClassNode, { minItems: 1 }),
  },
  { additionalProperties: false, title: 'ClassificationFile', description: 'A classification tree: data/classifications/<tree>.json.' },
);
export type ClassificationFile = Static<typeof ClassificationFile>;

export const DataIndex = Type.Object(
  {
    generated: Type.Optional(Type.String()),
    classifications: Type.Object({ functional: DataPath, economic: DataPath }, { additionalProperties: false }),
    units: Type.Array(
      Type.Object(
        {
          id: Ref,
          name: Text,
          region: Text,
          currency: Type.Literal('万元'),
          indicatorsTitle: Type.Optional(Type.String({ minLength: 1, description: "Title of the unit's operational indicators (the route and its heading)." })),
          years: Type.Array(Type.Object({ year: Year, file: DataPath }, { additionalProperties: false }), { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    groups: Type.Optional(
      Type.Array(
        Type.Object({ id: Ref, label: Text, domain: Enum(GROUP_DOMAINS) }, { additionalProperties: false }),
        { description: 'Display groups of measures (finance) and indicators (operations), in display order.' },
      ),
    ),
  },
  { additionalProperties: false, title: 'DataIndex', description: 'data/index.json: the units, their years and files.' },
);
export type DataIndex = Static<typeof DataIndex>;
/** A display group of measures or indicators (data/index.json `groups`). */
export type DisplayGroup = NonNullable<DataIndex['groups']>[number];
export type UnitEntry = DataIndex['units'][number];

/** Schemas shared by reference, and the three file schemas with their output names. */
export const SHARED = [Id, Formula, Provenance, Fact, Indicator, KnownIssue, SourceDoc];
export const FILE_SCHEMAS = {
  index: DataIndex,
  classification: ClassificationFile,
  'unit-year': UnitYearFile,
} as const;
