/** A plan a text names in 《》, unwrapped from 《关于印发…的通知》: its title and where it is printed. */
export interface QuotedPlan {
  start: number;
  end: number;
  title: string;
  /** The national 纲要 or the State Council's notice, which every local text quotes. */
  national: boolean;
}

const QUOTED_PLAN = /《(关于印发)?([^》]*(科学(文化)?素质|科普)[^》]*(方案|规划|纲要|计划)[^》]*?)(的通知)?》/g;
const NATIONAL_TITLE = /^(国务院|中共中央|全民科学素质行动(规划|计划)纲要)/;

/** Every plan a text quotes by title, in order (matching form in, offsets out). */
export function quotedPlans(match: string): QuotedPlan[] {
  return [...match.matchAll(QUOTED_PLAN)].map((m) => {
    const title = m[2] as string;
    const start = (m.index as number) + 1 + (m[1]?.length ?? 0);
    return { start, end: start + title.length, title, national: NATIONAL_TITLE.test(title) };
  });
}
