import { Alert, Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Answers, FormDefinition, FormLanguage, FormProblem } from '@oselia/contracts';
import { validateAnswers } from '@oselia/forms';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRenderer } from '../../ui/forms/FormRenderer.tsx';
import { fieldId } from '../../ui/forms/formContext.ts';
import { formLanguageFor, pickText, questionAt } from '../../ui/forms/formHelpers.ts';

const PREVIEW_ID = 'preview';

/**
 * A form as applicants will see it, in either of its languages, with live checks and a check as
 * on submission. Nothing is sent anywhere; a chosen file gets a made-up id.
 */
export function FormPreview({ definition }: { definition: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<FormLanguage>(() => formLanguageFor(definition, i18n.language));
  const [answers, setAnswers] = useState<Answers>({});
  const [submitted, setSubmitted] = useState<FormProblem[] | null>(null);
  const lang = formLanguageFor(definition, language);

  // Live: the form of each answer; after "check", also what a submission needs.
  const draft = useMemo(
    () => validateAnswers(definition, answers, { stage: 'draft' }),
    [definition, answers],
  );
  const problems = submitted ?? draft.problems;
  const check = () => setSubmitted(validateAnswers(definition, answers, { stage: 'submit' }).problems);
  const fixed = i18n.getFixedT(lang);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('formDefs.preview.note')}
      </Text>
      {definition.languages.length > 1 && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="form-language-label">
            {t('formDefs.preview.formLanguage')}
          </Text>
          <SegmentedControl
            aria-labelledby="form-language-label"
            value={lang}
            onChange={(v) => setLanguage(v as FormLanguage)}
            data={definition.languages.map((l) => ({
              value: l,
              label: t(`formDefs.preview.languages.${l}`),
            }))}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
      )}
      <FormRenderer
        definition={definition}
        answers={answers}
        onChange={(next) => {
          setAnswers(next);
          // Once checked, the check follows the answers as they change.
          if (submitted) setSubmitted(validateAnswers(definition, next, { stage: 'submit' }).problems);
        }}
        problems={problems}
        language={lang}
        idPrefix={PREVIEW_ID}
        onUpload={async () => crypto.randomUUID()}
      >
        {submitted && submitted.length > 0 && (
          <Alert
            color="red"
            variant="outline"
            role="alert"
            title={fixed('formDefs.renderer.problems', { count: submitted.length })}
          >
            <List size="sm" lang={lang}>
              {submitted.map((p) => (
                <List.Item key={`${p.path}:${p.code}`}>
                  <a href={`#${fieldId(PREVIEW_ID, p.path)}`}>
                    {[pickText(questionAt(definition, p.path)?.label, lang), p.message[lang]]
                      .filter(Boolean)
                      .join(': ')}
                  </a>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {submitted && submitted.length === 0 && (
          <Alert color="green" variant="outline" role="status">
            {t('formDefs.preview.checkedOk')}
          </Alert>
        )}
        <Group>
          <Button onClick={check}>{t('formDefs.preview.check')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setAnswers({});
              setSubmitted(null);
            }}
          >
            {t('formDefs.preview.reset')}
          </Button>
        </Group>
      </FormRenderer>
    </Stack>
  );
}
