import { Title } from '@mantine/core';
import { type Answers, formDefinitionSchema } from '@oselia/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRenderer } from '../../ui/forms/FormRenderer.tsx';
import { parseFormProblems } from '../../ui/forms/formHelpers.ts';

/**
 * The call's own questions (its pinned form), rendered by the shared form renderer; a call without
 * a form asks only the standard questions. File questions take no uploads here: the call's
 * documents are uploaded in the documents section.
 */
export function CallFormAnswers(props: {
  definition: Record<string, unknown> | null;
  answers: Record<string, unknown>;
  problems: unknown[];
  /** The language the applicant writes the application in. */
  language: 'uk' | 'en';
  onChange: (answers: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const definition = useMemo(() => {
    if (!props.definition) return null;
    const parsed = formDefinitionSchema.safeParse(props.definition);
    return parsed.success ? parsed.data : null;
  }, [props.definition]);
  const problems = useMemo(() => parseFormProblems(props.problems), [props.problems]);
  if (!definition) return null;
  return (
    <section aria-labelledby="call-form-heading">
      <Title order={2} size="h3" id="call-form-heading" mb="xs">
        {t('grants.apply.formHeading')}
      </Title>
      <FormRenderer
        definition={definition}
        answers={props.answers as Answers}
        onChange={(answers) => props.onChange(answers)}
        problems={problems}
        language={props.language}
      />
    </section>
  );
}
