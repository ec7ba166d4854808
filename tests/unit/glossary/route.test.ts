import { describe, expect, it } from 'vitest';
import { glossaryModel } from '../../../src/features/glossary/model';
import { GLOSSARY } from '../../../src/domain/terms';
import { ROUTES, ROUTE_TITLES } from '../../../src/model/routes';
import { navItems } from '../../../src/state/shell';

describe('the 名词解释 route', () => {
  const vm = glossaryModel();
  const entry = (term: string) => vm.sections.flatMap((s) => s.terms).find((t) => t.term === term);

  it('lists every term of the glossary once, by section', () => {
    expect(vm.count).toBe(GLOSSARY.terms.length);
    const names = vm.sections.flatMap((s) => s.terms.map((t) => t.term));
    expect(new Set(names).size).toBe(names.length);
    expect(vm.sections.map((s) => s.id)).toEqual(vm.sections.map((_, i) => `glossary-${i + 1}`));
  });

  it('explains 基本支出, 项目支出, “三公”经费 and 机关运行经费, each citing where the wording comes from', () => {
    for (const term of ['基本支出', '项目支出', '“三公”经费', '机关运行经费']) {
      const t = entry(term);
      expect(t, term).toBeDefined();
      expect(t!.definition.length).toBeGreaterThan(10);
      expect(t!.sources.length).toBeGreaterThan(0);
      expect(t!.sources.every((s) => s.title.length > 0)).toBe(true);
    }
  });

  it('names the other spellings reports use', () => {
    const withAliases = GLOSSARY.terms.find((t) => t.aliases.length)!;
    expect(entry(withAliases.term)!.aliases).toBe(`也写作：${withAliases.aliases.join('、')}`);
  });

  it('is a route of its own, in the navigation', () => {
    expect(ROUTES).toContain('glossary');
    expect(ROUTE_TITLES.glossary).toBe('名词解释');
    expect(navItems(undefined, false).map((n) => n.title)).toContain('名词解释');
  });
});
