/**
 * The embed page's link to the stores: loading the one unit its link names, and the embedded
 * chart built from the stores by the route's own model. Everything computed is in ./model and
 * ../page; this file only reads and sets the stores.
 */
import { data } from '../../../state/data.svelte';
import { selection } from '../../../state/selection.svelte';
import { citation, resolveView } from '../../../state/shell';
import { getTrees } from '../../../state/trees.svelte';
import { recordsOf } from '../../../domain/provenance';
import type { EmbedRequest } from '../../../state/embed-url';
import type { ViewState } from '../../../model/routes';
import { spendingModel } from '../model';
import { spendingInput } from '../page';
import { embedModel, embedNotices, loadFailure, type EmbedModel } from './model';

/** Load the data the link needs and resolve its view; `fatal` when the data could not be loaded. */
export async function loadEmbed(req: EmbedRequest): Promise<{ view: ViewState; notices: string[] } | { fatal: string }> {
  let r: ReturnType<typeof resolveView>;
  try {
    // With compiled data only the named unit's reports are fetched.
    await data.load(undefined, req.view.unit);
    const of = { years: (u: string) => data.years(u), comparable: (u: string) => data.comparable(u) };
    r = resolveView({ view: req.view, problems: req.problems }, data.dataset.index, of);
    await data.ensureUnit(r.view.unit);
  } catch (e) {
    return { fatal: loadFailure(e) };
  }
  // The figures' source buttons read the unit and year from the selection store; the embed page
  // sets them without touching its own address.
  selection.unit = r.view.unit;
  selection.year = r.view.year;
  selection.money = r.view.money;
  return { view: r.view, notices: embedNotices(req.problems, r.notices) };
}

/** The embedded chart of a resolved view, from the stores' current data. */
export function embedFor(view: ViewState, chartId: string): EmbedModel {
  const spending = spendingModel(spendingInput(data, getTrees(), recordsOf(data.filesOf(view.unit)), view));
  const report = data.reportFor(view.unit, view.year);
  return embedModel(view, chartId, spending, data.unitEntry(view.unit)?.name ?? view.unit, citation(report?.value?.source, report?.value?.reportYear));
}
