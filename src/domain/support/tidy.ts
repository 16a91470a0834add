// A plan's list rows that were added but never filled in (an empty factor, an unnamed person) are not content: they are
// dropped when the plan is saved, so a published version never shows "not filled in" rows to parents.
import type { SupportPlanDoc } from './model';

export function withoutEmptyRows<D extends SupportPlanDoc>(doc: D): D {
  if (doc.kind !== 'developmentPerspective') return doc;
  return {
    ...doc,
    hinderingFactors: doc.hinderingFactors.filter((f) => f.text.trim() !== ''),
    stimulatingFactors: doc.stimulatingFactors.filter((f) => f.text.trim() !== ''),
    involved: doc.involved.filter((p) => `${p.name}${p.role}${p.organisation}`.trim() !== ''),
  };
}
