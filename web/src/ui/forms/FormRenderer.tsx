import { Fieldset, Stack, Text } from '@mantine/core';
import type { Answers, FormDefinition, FormLanguage, FormProblem, Question } from '@oselia/contracts';
import { isVisible, validateAnswers } from '@oselia/forms';
import { type ReactNode, useCallback, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type FileInfo, FormContext, type FormContextValue } from './formContext.ts';
import { formLanguageFor, itemsOf, pickText, problemsByPath, setAnswer } from './formHelpers.ts';
import { QuestionField } from './QuestionField.tsx';
import { RepeatField } from './RepeatField.tsx';

export interface FormRendererProps {
  definition: FormDefinition;
  /** Controlled answers, by question name. */
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Problems to show beside their fields (from `validateAnswers`, here or on the server). */
  problems?: readonly FormProblem[];
  /** The language to show the form in; by default the app's language (when the form offers it). */
  language?: FormLanguage;
  /** Uploads a chosen file and resolves to its file id; without it, file questions cannot take files. */
  onUpload?: (file: File, question: Question) => Promise<string>;
  /** Name and size of files uploaded earlier (e.g. in a saved draft), by file id. */
  files?: Record<string, FileInfo>;
  disabled?: boolean;
  /** Prefix of the fields' DOM ids (default: unique per renderer). */
  idPrefix?: string;
  /** Shown between the sections and the end of the form (e.g. the submit button). */
  children?: ReactNode;
}

/**
 * Renders any form definition: sections as fieldsets, every question type, conditions applied
 * live (a hidden question's answer does not show others), problems beside their fields
 * (aria-invalid, aria-describedby). Texts follow the chosen language; the answers stay the
 * caller's (controlled).
 */
export function FormRenderer({
  definition,
  answers,
  onChange,
  problems,
  language,
  onUpload,
  files,
  disabled = false,
  idPrefix,
  children,
}: FormRendererProps) {
  const { i18n } = useTranslation();
  const lang = formLanguageFor(definition, language ?? i18n.language);
  const generated = useId().replace(/:/g, '');
  const uploaded = useRef(new Map<string, FileInfo>());
  const describeFile = useCallback((id: string) => uploaded.current.get(id) ?? files?.[id], [files]);
  const rememberFile = useCallback((id: string, info: FileInfo) => uploaded.current.set(id, info), []);

  const context = useMemo<FormContextValue>(
    () => ({
      language: lang,
      t: i18n.getFixedT(lang),
      problems: problemsByPath(problems),
      idPrefix: idPrefix ?? `form${generated}`,
      disabled,
      onUpload,
      describeFile,
      rememberFile,
    }),
    [lang, i18n, problems, idPrefix, generated, disabled, onUpload, describeFile, rememberFile],
  );

  // What shows depends on the cleaned answers: a hidden or invalid answer never shows a question.
  const clean = useMemo(
    () => validateAnswers(definition, answers, { stage: 'draft' }).answers,
    [definition, answers],
  );

  return (
    <FormContext.Provider value={context}>
      <Stack gap="lg" lang={lang}>
        {definition.sections
          .filter((section) => isVisible(section.showIf, clean))
          .map((section) => {
            const title = pickText(section.title, lang);
            const description = pickText(section.description, lang);
            return (
              <Fieldset key={section.id} legend={title || undefined} variant={title ? 'default' : 'unstyled'}>
                {description && (
                  <Text size="sm" c="dimmed" mb="sm">
                    {description}
                  </Text>
                )}
                <Stack gap="md">
                  {section.questions
                    .filter((q) => isVisible(q.showIf, clean))
                    .map((q) =>
                      q.type === 'repeat' ? (
                        <RepeatField
                          key={q.name}
                          question={q}
                          answers={answers}
                          scope={clean}
                          cleanItems={itemsOf(clean, q.name)}
                          onChange={(items) => onChange(setAnswer(answers, q.name, items))}
                        />
                      ) : (
                        <QuestionField
                          key={q.name}
                          question={q}
                          path={q.name}
                          value={answers[q.name]}
                          onChange={(value) => onChange(setAnswer(answers, q.name, value))}
                        />
                      ),
                    )}
                </Stack>
              </Fieldset>
            );
          })}
        {children}
      </Stack>
    </FormContext.Provider>
  );
}
