import { CheckInSchema } from '../../src/contract';
import { CHECK_IN_TEXT_LIMIT } from '../../static/src/components/check-in-limits';

describe('the check-in form’s text limit', () => {
  it('is the one the backend checks for the note and the blockers', () => {
    expect(CheckInSchema.shape.note.unwrap().maxLength).toBe(CHECK_IN_TEXT_LIMIT);
    expect(CheckInSchema.shape.blockers.unwrap().maxLength).toBe(CHECK_IN_TEXT_LIMIT);
  });
});
