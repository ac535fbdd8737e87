import { DEFAULT_POLICY, mergePolicy } from './plan-policy';

describe('mergePolicy', () => {
  it('replaces only the settings given, weights included', () => {
    const merged = mergePolicy(DEFAULT_POLICY, { yellowWindow: 'P1D', weights: { returned: -3 } });
    expect(merged).toEqual({
      ...DEFAULT_POLICY,
      yellowWindow: 'P1D',
      weights: { ...DEFAULT_POLICY.weights, returned: -3 },
    });
  });

  it('ignores settings that are present but undefined', () => {
    const merged = mergePolicy(DEFAULT_POLICY, { beforeDue: undefined, redLag: 20, weights: undefined });
    expect(merged.beforeDue).toEqual(['P7D', 'P3D', 'P1D']);
    expect(merged.redLag).toBe(20);
    expect(merged.weights).toEqual(DEFAULT_POLICY.weights);
  });
});
