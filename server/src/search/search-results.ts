/**
 * At most `max` results out of several groups, shared fairly: one from each group in turn
 * until `max` are taken or every group is spent; each group keeps its order.
 */
export function shareResults<T>(groups: readonly (readonly T[])[], max: number): T[][] {
  const taken = groups.map(() => 0);
  let total = 0;
  let progress = true;
  while (total < max && progress) {
    progress = false;
    groups.forEach((group, i) => {
      if (total < max && taken[i] < group.length) {
        taken[i]++;
        total++;
        progress = true;
      }
    });
  }
  return groups.map((group, i) => group.slice(0, taken[i]));
}
