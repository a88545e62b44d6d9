import { questionsJson, questionsOf } from './questionnaire.rules';

describe('questions stored as JSON', () => {
  const question = { code: 'PUBLIC', label: 'Public accueilli', options: [{ value: 'ALL', label: 'Tout public', score: 3 }] };

  it.each([
    ['a well-formed list', [question], [question]],
    ['not a list', { question }, []],
    ['nothing stored', undefined, []],
    ['a question without a code', [{ ...question, code: 1 }], []],
    ['an option without a score', [{ ...question, options: [{ value: 'ALL', label: 'Tout public' }] }], [{ ...question, options: [] }]],
    ['extra properties', [{ ...question, extra: true }], [question]],
  ])('reads back %s', (_case, stored, read) => {
    expect(questionsOf(stored as never)).toEqual(read);
  });

  it('stores what it reads back', () => {
    expect(questionsOf(questionsJson([question]) as never)).toEqual([question]);
  });
});
