/**
 * A plan's reminder, traffic-light and scoring settings (DESIGN.md). Durations are ISO-8601 strings.
 * Stored complete on the plan: a PATCH merges into the stored policy, defaults fill what was never set.
 */
export interface ScoringWeights {
  onTimeLead: number;
  onTimeCo: number;
  late: number;
  returned: number;
  escalation: number;
  lateMonthlyReport: number;
}

export interface PlanPolicy {
  beforeDue: string[];
  escalations: string[];
  acceptWithin: string;
  monthlyReportCron: string;
  yellowWindow: string;
  yellowLag: number;
  redLag: number;
  weights: ScoringWeights;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  onTimeLead: 1,
  onTimeCo: 0.5,
  late: -1,
  returned: -2,
  escalation: -1,
  lateMonthlyReport: -0.5,
};

export const DEFAULT_POLICY: PlanPolicy = {
  beforeDue: ['P7D', 'P3D', 'P1D'],
  escalations: ['P3D', 'P7D'],
  acceptWithin: 'P3D',
  monthlyReportCron: '0 9 25 * *',
  yellowWindow: 'P7D',
  yellowLag: 10,
  redLag: 30,
  weights: DEFAULT_WEIGHTS,
};

export type PlanPolicyPatch = Partial<Omit<PlanPolicy, 'weights'>> & { weights?: Partial<ScoringWeights> };

function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The stored policy with the given settings replaced; settings left out (or undefined) stay as they were. */
export function mergePolicy(base: PlanPolicy, patch: PlanPolicyPatch | undefined): PlanPolicy {
  if (!patch) return base;
  const { weights, ...rest } = patch;
  return { ...base, ...defined(rest), weights: { ...base.weights, ...defined(weights) } };
}
