/**
 * What every importer returns: a unit-year file in the one format (src/model/schema.ts), every
 * figure `stated` with its quote (a sentence part of the text, or `<sheet> › <row> › <column>`
 * of a table) or `derived` with its formula, and the numbers it could not place, for a person
 * to review. Importers never guess a number into a role; they list it.
 */
import type { DisplayGroup as ImportGroup, UnitYearFile } from '../model/types';

/** Encodings a caller may declare (`--encoding`); `auto` detects. */
export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A number the importer found but could not place, with where it stands. */
export interface ReviewItem {
  /** The number as printed ("4125.49", "３级"). */
  text: string;
  value: number | null;
  /** The sentence (text) or the cell path `<sheet> › <row> › <column>` (tables). */
  context: string;
  /** Line of the text (1-based) or sheet/row/column of a table. */
  where: { line?: number; sheet?: string; row?: number; column?: string };
  /** Why it was not placed, in words. */
  reason: string;
}

/** A problem that stops the import (the input cannot be read), naming where. */
export interface ImportError {
  message: string;
  where?: { line?: number; sheet?: string; row?: number; column?: string };
}

export interface ImportOptions {
  unit: string;
  name: string;
  /** The report year; read from the document when absent. */
  year?: number;
  /** The file name as given (for messages and the copied source). */
  fileName: string;
  /** Classification trees, to match item names (official names and aliases) to codes. */
  trees: { functional: import('../model/types').ClassNode[]; economic: import('../model/types').ClassNode[] };
  /**
   * 功能分类 codes the unit's files already in the data use: where a 项 printed under many 款
   * (行政运行) and named alone in the report is placed when the report names no 款.
   */
  unitCodes?: string[];
  /** The index's display groups: measures go to an existing group of their section (by id or title). */
  groups?: ImportGroup[];
  /** Where the source copy will live, relative to the data root (default `sources/<fileName>`). */
  sourceFile?: string;
  /** Publication date YYYY-MM-DD, when the document does not print one. */
  date?: string;
  /** Text encoding of a .txt file; detected when absent (see decode.ts). */
  encoding?: Encoding;
}

/** A display group of measures (data/index.json `groups`), as the data contract defines it. */
export type { ImportGroup };

export interface ImportResult {
  /** The file to write, absent when the input could not be read. */
  file?: UnitYearFile;
  /** The source text to copy under data/sources/ (the decoded text, or a text rendering of the tables). */
  sourceText?: string;
  review: ReviewItem[];
  errors: ImportError[];
  /** Codes the file uses that the trees lack (with their names), to add to the classification files. */
  newCodes?: { functional: import('../model/types').ClassNode[]; economic: import('../model/types').ClassNode[] };
  /** Groups the file's measures use that `opts.groups` lacks, to add to the index. */
  newGroups?: ImportGroup[];
  /** Things the reader should know that do not stop the import (encoding guesses, a missing date). */
  warnings?: string[];
  /** How a text file was decoded. */
  encoding?: string;
}
