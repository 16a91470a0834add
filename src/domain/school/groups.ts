/** PO groups hold groep 1–8 (combination groups several); VO classes a leerjaar 1–6 with a level. */
export const VO_LEVELS = ['pro', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo', 'gymnasium', 'mavo/havo', 'havo/vwo'] as const;

export type GroupProblem = 'no_grades' | 'grade_out_of_range' | 'level_required' | 'level_not_allowed' | 'grades_not_adjacent';

export function checkGroup(sector: 'po' | 'vo', grades: readonly number[], level: string | null): GroupProblem[] {
  const problems: GroupProblem[] = [];
  if (grades.length === 0) return ['no_grades'];
  const max = sector === 'po' ? 8 : 6;
  if (grades.some((g) => !Number.isInteger(g) || g < 1 || g > max)) problems.push('grade_out_of_range');
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  if (sorted.some((g, i) => i > 0 && g !== sorted[i - 1] + 1)) problems.push('grades_not_adjacent');
  if (sector === 'vo' && !level) problems.push('level_required');
  if (sector === 'po' && level) problems.push('level_not_allowed');
  return problems;
}
