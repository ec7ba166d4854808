/**
 * Every route that takes a `focus` from the link drops one it does not have, with a sentence,
 * instead of dimming everything under an empty "已选：".
 */
import { describe, expect, test } from 'vitest';
import { operationsModel } from '../../../src/features/operations/model';
import { qualityModel } from '../../../src/features/quality/model';
import { assetsModel } from '../../../src/features/assets/model';
import { groups, reportOf, trees, unitFiles, view } from '../assets/units';

const files = unitFiles('ningxiang-drc');
const report = reportOf(files[0]);
const bogus = '<img src=x onerror=alert(1)>';

describe('an unknown focus in the link', () => {
  test('operations: ignored, said, nothing focused', () => {
    const vm = operationsModel({ unitName: '单位', files, report: files[0], groups, view: view({ route: 'operations', focus: bogus }) });
    expect(vm.focusNotice).toContain(bogus);
    expect(vm.focusLine).toBeNull();
    expect(vm.chips[0].pressed).toBe(true);
    const ok = operationsModel({ unitName: '单位', files, report: files[0], groups, view: view({ route: 'operations', focus: files[0].indicators[0].id }) });
    expect(ok.focusNotice).toBeNull();
    expect(ok.focusLine).toContain(files[0].indicators[0].label);
  });

  test('assets: ignored and said; a measure id is kept', () => {
    expect(assetsModel({ unitName: '单位', files, report, view: view({ focus: 'no-such-measure' }) }).focusNotice).toContain('no-such-measure');
    expect(assetsModel({ unitName: '单位', files, report, view: view({ focus: files[0].measures[0].id }) }).focusNotice).toBeNull();
  });

  test('quality: ignored and said; a rule id or a result key is kept', () => {
    const q = (focus: string) => qualityModel({ unitName: '单位', report, errors: [], trees, quotes: 'no', view: view({ route: 'quality', focus }) });
    expect(q('nope:x').focusNotice).toContain('nope:x');
    expect(q('nope:x').focusRule).toBeNull();
    expect(q(report.results[0].key).focusNotice).toBeNull();
    expect(q(report.results[0].rule).focusNotice).toBeNull();
  });
});
