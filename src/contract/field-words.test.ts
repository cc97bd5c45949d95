import { fieldSentence, fieldWords } from './field-words';

describe('field words', () => {
  it.each([
    ['endDate', 'end date'],
    ['grades.3.score', 'score of grade 4'],
    ['objectiveIds.1', 'objective 2'],
    ['metric.target', 'target of the measure'],
    ['keyResults.0.metric.kind', 'kind of the measure of key result 1'],
    ['things.2', 'things item 3'],
    ['someNewField', 'some new field'],
    ['(payload)', 'request'],
    ['', 'request'],
  ])('%s is "%s"', (path, words) => {
    expect(fieldWords(path)).toBe(words);
  });

  it('words a whole sentence, field names inside the message too', () => {
    expect(fieldSentence('endDate', 'must be after startDate')).toBe('The end date must be after the start date.');
    expect(fieldSentence('weight', 'must be greater than 0')).toBe('The weight must be greater than 0.');
    expect(fieldSentence('title', 'is required.')).toBe('The title is required.');
    expect(fieldSentence('value', 'mentions someUnknownName')).toBe('The value mentions someUnknownName.');
    expect(fieldSentence('objectiveIds.1', 'repeats objectiveIds.0')).toBe('The objective 2 repeats the objective 1.');
    expect(fieldSentence('(payload)', 'has unknown field(s): "accountId"')).toBe('The request has unknown field(s): "accountId".');
    expect(fieldSentence('bands.greenFrom', 'must be greater than yellowFrom')).toBe('The start of the green band must be greater than the start of the yellow band.');
  });
});
