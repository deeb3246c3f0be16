/**
 * @oselia/forms: one form-definition format for every public form. Pure (no I/O): the same code
 * decides visibility and validates answers in the browser and on the server.
 */
export { checkDefinition } from './check.ts';
export { comparisonsOf, isAnswered, isVisible } from './condition.ts';
export { exampleGrantForm } from './examples.ts';
export {
  ExpressionError,
  parseConstraint,
  parseRelevant,
  printCondition,
  printConstraint,
} from './expression.ts';
export { answerMessages, definitionMessages, formatMinor } from './messages.ts';
export {
  compilePattern,
  DEFAULT_MAX_LENGTH,
  isValidIsoDate,
  type ValidationResult,
  validateAnswers,
  visibleQuestions,
  visibleSections,
} from './validate.ts';
export {
  columnLanguage,
  questionNameOf,
  type SheetRow,
  sheetRows,
  type XlsForm,
  type XlsFormOptions,
  type XlsFormResult,
  xlsFormToDefinition,
} from './xlsform.ts';
export { definitionToXlsForm } from './xlsform-export.ts';
