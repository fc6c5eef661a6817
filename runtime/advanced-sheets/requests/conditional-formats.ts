// batchUpdate requests on conditional format rules.
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, type Json, ruleToApi } from '../shared';

export function conditionalFormatsRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { sheetById, ruleFromApi } = ctx;
  return {
    addConditionalFormatRule(r) {
      const { sheet, rule } = ruleFromApi((r.rule ?? {}) as Json);
      const index = r.index === undefined ? sheet.conditionalRules.length : Number(r.index);
      sheet.conditionalRules.splice(index, 0, rule);
    },
    deleteConditionalFormatRule(r) {
      const s = sheetById(r.sheetId);
      const index = Number(r.index);
      const rule = s.conditionalRules[index];
      if (!rule) throw new ApiError(`No conditional format on sheet ${s.id} at index ${index}`);
      s.conditionalRules.splice(index, 1);
      return { deleteConditionalFormatRule: { rule: ruleToApi(s.id, rule) } };
    },
    updateConditionalFormatRule(r) {
      const s = sheetById(r.sheetId);
      const index = Number(r.index);
      if (!s.conditionalRules[index])
        throw new ApiError(`No conditional format on sheet ${s.id} at index ${index}`);
      const old = s.conditionalRules[index];
      const { rule } = ruleFromApi((r.rule ?? {}) as Json);
      s.conditionalRules[index] = rule;
      return {
        updateConditionalFormatRule: {
          oldRule: ruleToApi(s.id, old),
          newRule: ruleToApi(s.id, rule),
          oldIndex: index,
          newIndex: index,
        },
      };
    },
  };
}
