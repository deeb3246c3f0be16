import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Answers, CertificateVerification } from '@oselia/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { FormRenderer } from '../../ui/forms/FormRenderer.tsx';
import { problemsOfRefusal } from '../../ui/forms/formHelpers.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PlaceName } from '../people/PlacePicker.tsx';
import { Refusal, useDateRange, useText } from './TrainingBits.tsx';
import { publicEventQuery, publicEventsQuery, trainingsApi, verifyQuery } from './trainingsApi.ts';

/** Trainings anyone may apply to now. */
export function JoinListPage() {
  const { t } = useTranslation();
  const text = useText();
  const range = useDateRange();
  const events = useQuery(publicEventsQuery());
  return (
    <Stack gap="md">
      <PageTitle>{t('trainings.join.title')}</PageTitle>
      <Text maw={760}>{t('trainings.join.intro')}</Text>
      {events.isError ? (
        <ApiErrorAlert error={events.error} />
      ) : events.isPending ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <Text>{t('trainings.join.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {events.data.items.map((e) => (
            <Card withBorder key={e.id} component="article" aria-labelledby={`training-${e.id}`}>
              <Title order={2} size="h4" id={`training-${e.id}`}>
                {text(e.title)}
              </Title>
              <Text size="sm" mt={4}>
                {range(e.startsOn, e.endsOn)} · <PlaceName pcode={e.placePcode} />
              </Text>
              <Text size="sm" mt="xs" lineClamp={3}>
                {text(e.description)}
              </Text>
              <Group mt="sm">
                <Button
                  component={Link}
                  to={`/join/${e.id}`}
                  aria-label={t('trainings.join.applyTo', { title: text(e.title) })}
                >
                  {t('trainings.join.apply')}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The public application form of one training (no account needed). */
export function EnrolPage() {
  const { t, i18n } = useTranslation();
  const text = useText();
  const range = useDateRange();
  const language = currentLanguage(i18n.language);
  const { id = '' } = useParams();
  const event = useQuery(publicEventQuery(id));
  const [answers, setAnswers] = useState<Answers>({});
  const apply = useMutation({ mutationFn: () => trainingsApi.apply(id, language, answers) });
  const problems = isApiError(apply.error) ? problemsOfRefusal(apply.error.details) : [];
  if (event.isError) return <ApiErrorAlert error={event.error} notFoundText={t('trainings.notFound')} />;
  if (event.isPending) return <Loading />;
  const e = event.data;
  if (apply.isSuccess)
    return (
      <Stack gap="md" maw={760}>
        <PageTitle>{t('trainings.enrol.doneTitle')}</PageTitle>
        <Alert color="#1b6e31" variant="outline" role="status" title={t('trainings.enrol.doneHeading')}>
          <Text>{t('trainings.enrol.done', { title: text(e.title), code: apply.data.referenceCode })}</Text>
        </Alert>
        <Text size="sm" ff="monospace" data-testid="reference-code">
          {apply.data.referenceCode}
        </Text>
      </Stack>
    );
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    apply.mutate();
  };
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{text(e.title)}</PageTitle>
      <Text>
        {range(e.startsOn, e.endsOn)} · <PlaceName pcode={e.placePcode} />
        {e.venue ? ` · ${e.venue}` : ''}
      </Text>
      {text(e.description) && <Text>{text(e.description)}</Text>}
      {!e.accepting ? (
        <Alert color="gray" role="status">
          {t('trainings.enrol.closed')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormRenderer
              definition={e.form}
              answers={answers}
              onChange={setAnswers}
              problems={problems}
              language={language}
              idPrefix="enrol"
            />
            {apply.isError && <Refusal error={apply.error} />}
            <Button type="submit" size="lg" loading={apply.isPending} w="fit-content">
              {t('trainings.enrol.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function Verdict({ v }: { v: CertificateVerification }) {
  const { t } = useTranslation();
  const text = useText();
  const range = useDateRange();
  if (!v.valid)
    return (
      <Alert color="#b02525" variant="outline" role="status" title={t('trainings.verify.invalidTitle')}>
        {t('trainings.verify.invalid', { code: v.code })}
      </Alert>
    );
  return (
    <Alert color="#1b6e31" variant="outline" role="status" title={t('trainings.verify.validTitle')}>
      <Text>{t('trainings.verify.valid', { code: v.code })}</Text>
      <Text fw={600} mt={4}>
        {text(v.eventTitle)}
      </Text>
      <Text>{range(v.startsOn, v.endsOn)}</Text>
      <Text>{t('trainings.verify.holder', { initials: v.holderInitials })}</Text>
    </Alert>
  );
}

/** Anyone checks a certificate's code: valid or not, the training, its dates, the holder's initials. */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [typed, setTyped] = useState(code);
  const result = useQuery(verifyQuery(code));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) void navigate(`/verify/${encodeURIComponent(typed.trim())}`);
  };
  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{t('trainings.verify.title')}</PageTitle>
      <Text>{t('trainings.verify.intro')}</Text>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('trainings.verify.code')}
            description={t('trainings.verify.codeHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <Button type="submit">{t('trainings.verify.check')}</Button>
        </Group>
      </form>
      {code &&
        (result.isError ? (
          <ApiErrorAlert error={result.error} />
        ) : result.isPending ? (
          <Loading />
        ) : (
          <Verdict v={result.data} />
        ))}
      <Paper p="sm" withBorder>
        <Text size="sm" c="dimmed">
          {t('trainings.verify.privacy')}
        </Text>
      </Paper>
      <Anchor component={Link} to="/join" size="sm">
        {t('trainings.join.title')}
      </Anchor>
    </Stack>
  );
}
