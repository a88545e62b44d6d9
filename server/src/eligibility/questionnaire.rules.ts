import type { Prisma } from '../generated/prisma/client';

/** A question of the eligibility questionnaire and its scored answers (stored as JSON on Questionnaire). */
export interface QuestionOption {
  value: string;
  label: string;
  score: number;
}

export interface Question {
  code: string;
  label: string;
  options: QuestionOption[];
}

export interface AnswerScore {
  code: string;
  question: string;
  value: string;
  answer: string;
  score: number;
  maxScore: number;
}

export interface Scoring {
  score: number;
  maxScore: number;
  details: AnswerScore[];
  /** { "answers.CODE": message } for missing, unknown or invalid answers. */
  errors: Record<string, string>;
}

/** Scores answers against a questionnaire: every question answered with one of its options. */
export function scoreAnswers(questions: Question[], answers: unknown): Scoring {
  const errors: Record<string, string> = {};
  const details: AnswerScore[] = [];
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    return { score: 0, maxScore: 0, details, errors: { answers: 'les réponses doivent être un objet { codeQuestion: valeur }' } };
  }
  const given = answers as Record<string, unknown>;
  const known = new Set(questions.map((q) => q.code));
  for (const key of Object.keys(given)) if (!known.has(key)) errors[`answers.${key}`] = 'question inconnue';
  let score = 0;
  let maxScore = 0;
  for (const q of questions) {
    const max = Math.max(0, ...q.options.map((o) => o.score));
    maxScore += max;
    const value = Object.hasOwn(given, q.code) ? given[q.code] : undefined;
    if (value === undefined || value === null || value === '') {
      errors[`answers.${q.code}`] = `réponse manquante à « ${q.label} »`;
      continue;
    }
    const option = q.options.find((o) => o.value === value);
    if (!option) {
      errors[`answers.${q.code}`] = `réponse invalide : choisir parmi ${q.options.map((o) => o.value).join(', ')}`;
      continue;
    }
    score += option.score;
    details.push({ code: q.code, question: q.label, value: option.value, answer: option.label, score: option.score, maxScore: max });
  }
  return { score, maxScore, details, errors };
}

/** Problems in a questionnaire definition (ADMIN editing): duplicate codes/values, empty options. */
export function questionnaireProblems(questions: Question[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const q of questions) {
    if (codes.has(q.code)) problems.push(`code de question en double : ${q.code}`);
    codes.add(q.code);
    if (q.options.length < 2) problems.push(`la question ${q.code} doit proposer au moins deux réponses`);
    const values = new Set<string>();
    for (const o of q.options) {
      if (values.has(o.value)) problems.push(`réponse en double dans ${q.code} : ${o.value}`);
      values.add(o.value);
    }
  }
  return problems;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The questions stored as JSON on a Questionnaire, read back (anything not shaped as a question is left out). */
export function questionsOf(json: Prisma.JsonValue | undefined): Question[] {
  if (!Array.isArray(json)) return [];
  const questions: Question[] = [];
  const stored: readonly unknown[] = json;
  for (const q of stored) {
    if (!isObject(q) || typeof q.code !== 'string' || typeof q.label !== 'string' || !Array.isArray(q.options)) continue;
    const options: QuestionOption[] = [];
    const storedOptions: readonly unknown[] = q.options;
    for (const o of storedOptions) {
      if (isObject(o) && typeof o.value === 'string' && typeof o.label === 'string' && typeof o.score === 'number') options.push({ value: o.value, label: o.label, score: o.score });
    }
    questions.push({ code: q.code, label: q.label, options });
  }
  return questions;
}

/** Questions as stored on a Questionnaire (plain JSON). */
export function questionsJson(questions: Question[]): Prisma.InputJsonArray {
  return questions.map((q) => ({ code: q.code, label: q.label, options: q.options.map((o) => ({ value: o.value, label: o.label, score: o.score })) }));
}
