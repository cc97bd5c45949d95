import { LeftOutSchema } from '../../src/contract';
import { LeftOutAddInput } from '../../src/contract/api/inputs';
import { LEFT_OUT_TITLE_LIMIT, LEFT_OUT_WHY_LIMIT } from '../../static/src/components/left-out-limits';

describe('the "not this cycle" form’s text limits', () => {
  it('are the ones the backend checks for the title and the why', () => {
    const at = (limit: number) => 'x'.repeat(limit);
    const item = { cycleId: 'c', title: at(LEFT_OUT_TITLE_LIMIT), why: at(LEFT_OUT_WHY_LIMIT) };
    expect(LeftOutAddInput.safeParse(item).success).toBe(true);
    expect(LeftOutAddInput.safeParse({ ...item, title: at(LEFT_OUT_TITLE_LIMIT + 1) }).success).toBe(false);
    expect(LeftOutAddInput.safeParse({ ...item, why: at(LEFT_OUT_WHY_LIMIT + 1) }).success).toBe(false);
    const stored = { ...item, id: 'i', createdByAccountId: 'a', createdAt: new Date().toISOString() };
    expect(LeftOutSchema.safeParse(stored).success).toBe(true);
    expect(LeftOutSchema.safeParse({ ...stored, why: at(LEFT_OUT_WHY_LIMIT + 1) }).success).toBe(false);
  });
});
