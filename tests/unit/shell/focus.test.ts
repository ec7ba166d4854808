import { describe, expect, it } from 'vitest';
import { resolveFocus } from '../../../src/state/focus';

describe('resolveFocus', () => {
  const keys = new Set(['i-a', 'group:x']);
  it('keeps a focus the route has, and no focus', () => {
    expect(resolveFocus('i-a', keys)).toEqual({ focus: 'i-a', notice: null });
    expect(resolveFocus(null, keys)).toEqual({ focus: null, notice: null });
  });
  it('drops an unknown focus with a sentence naming it (cut when long)', () => {
    expect(resolveFocus('nope', keys)).toEqual({ focus: null, notice: '链接参数 focus 的值“nope”不是本页的任何项目，已忽略。' });
    expect(resolveFocus('x'.repeat(100), keys).notice).toContain('…');
  });
});
