/**
 * Stryker ignorer for Arquero table expressions (`.filter((d: any, $: any) => …)`, `.derive({ x: (d: any) => … })`):
 * Arquero compiles them from their source text, so an instrumented expression (Stryker's mutant
 * switches are function calls) is refused at run time and every test through it fails. The project
 * writes every such expression with a first parameter `d: any`, which nothing else uses.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const isTableExpression = (p) => {
  if (!p.isArrowFunctionExpression() && !p.isFunctionExpression()) return false;
  const first = p.node.params[0];
  return first?.type === 'Identifier' && first.name === 'd' && first.typeAnnotation?.typeAnnotation?.type === 'TSAnyKeyword';
};

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'arquero-expressions', {
    shouldIgnore: (path) => (path.find(isTableExpression) ? 'Arquero table expression: compiled from its source text, which a mutant switch breaks' : undefined),
  }),
];
