import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReviewSheet } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { intlLocale } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AnswersList } from './AnswersList.tsx';
import { formatBytes } from './applyDraft.ts';
import { RefusalAlert, useApplicationFacts, useBilingual } from './GrantsBits.tsx';
import { staffFileUrl } from './grantsApi.ts';
import { Scoring } from './ReviewScoring.tsx';
import { myReviewsQuery, reviewSheetQuery, reviewsApi } from './reviewsApi.ts';

/** Before anything of the application opens: a conflict of interest (and stepping aside), or none. */
function ConflictStep({ applicationId, who }: { applicationId: string; who: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const declare = useMutation({
    mutationFn: (conflict: boolean) =>
      reviewsApi.declare(applicationId, conflict, conflict ? note.trim() : null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['grants', 'my-reviews'] }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conflict-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="conflict-heading">
          {t('grants.review.conflictHeading')}
        </Title>
        <Text>{t('grants.review.conflictIntro', { who })}</Text>
        <Group>
          <Button
            onClick={() => declare.mutate(false)}
            loading={declare.isPending && declare.variables === false}
          >
            {t('grants.review.noConflict')}
          </Button>
        </Group>
        <Textarea
          label={t('grants.review.conflictNote')}
          description={t('grants.review.conflictNoteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={noteError}
        />
        <Group>
          <Button
            color="orange"
            variant="light"
            loading={declare.isPending && declare.variables === true}
            onClick={() => {
              if (note.trim().length < 3) {
                setNoteError(t('grants.review.conflictNoteNeeded'));
                return;
              }
              setNoteError(null);
              declare.mutate(true);
            }}
          >
            {t('grants.review.declareConflict')}
          </Button>
        </Group>
        {declare.isError && <RefusalAlert error={declare.error} />}
      </Stack>
    </Paper>
  );
}

function ApplicationForReview({ sheet }: { sheet: ReviewSheet }) {
  const { t, i18n } = useTranslation();
  const facts = useApplicationFacts();
  const a = sheet.application;
  return (
    <Stack gap="md">
      <section aria-labelledby="review-application-heading">
        <Title order={2} size="h3" id="review-application-heading" mb="xs">
          {t('grants.review.applicationHeading')}
        </Title>
        <DefinitionList
          items={[
            {
              term: t('grants.applicationPage.organisation'),
              description: a.organisationName ?? t('common.none'),
            },
            { term: t('grants.applications.applicant'), description: a.applicantName ?? t('common.none') },
            ...facts(a),
          ]}
        />
      </section>
      <AnswersList answers={a.answers} />
      <section aria-labelledby="review-documents-heading">
        <Title order={2} size="h3" id="review-documents-heading" mb="xs">
          {t('grants.applicationPage.documents')}
        </Title>
        {a.documents.length === 0 ? (
          <Text>{t('grants.applicationPage.noDocuments')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {a.documents.map((d) => (
              <List.Item key={d.id}>
                {d.kind}:{' '}
                <Anchor href={staffFileUrl(d.fileId)} download={d.fileName}>
                  {d.fileName}
                </Anchor>{' '}
                · {formatBytes(d.sizeBytes, intlLocale(i18n.language))}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}

/** A reviewer's work on one application: conflict declaration first, then scoring; others' scores after. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const mine = useQuery(myReviewsQuery());
  const assignment = mine.data?.items.find((a) => a.applicationId === id && a.status !== 'withdrawn');
  const open = !!assignment && assignment.conflict === 'none';
  const sheet = useQuery(reviewSheetQuery(id, open));

  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ApiErrorAlert error={mine.error} />;
  const crumbs = (label: string) => (
    <Breadcrumbs
      label={t('grants.breadcrumbs')}
      items={[{ label: t('grants.myReviews.title'), to: '/grants/reviews' }, { label }]}
    />
  );
  if (!assignment) {
    return (
      <Stack gap="md">
        {crumbs(t('grants.review.notAssignedTitle'))}
        <PageTitle>{t('grants.review.notAssignedTitle')}</PageTitle>
        <Alert color="#8a4b00" variant="outline" role="alert">
          {t('grants.review.notAssigned')}
        </Alert>
        <Anchor component={Link} to="/grants/reviews">
          {t('grants.review.back')}
        </Anchor>
      </Stack>
    );
  }
  const heading = t('grants.review.title', { code: assignment.referenceCode });
  return (
    <Stack gap="lg" maw={1000}>
      {crumbs(assignment.referenceCode)}
      <PageTitle>{heading}</PageTitle>
      <Text>{text(assignment.callTitle)}</Text>
      {assignment.conflict === 'undeclared' && (
        <ConflictStep
          applicationId={id}
          who={
            [assignment.organisationName, assignment.applicantName].filter(Boolean).join(', ') ||
            assignment.referenceCode
          }
        />
      )}
      {assignment.conflict === 'declared' && (
        <Alert color="#8a4b00" variant="outline" role="status" title={t('grants.review.recusedTitle')}>
          {t('grants.review.recused')}
        </Alert>
      )}
      {open &&
        (sheet.isPending ? (
          <Loading />
        ) : sheet.isError ? (
          <ApiErrorAlert error={sheet.error} />
        ) : (
          <>
            <ApplicationForReview sheet={sheet.data} />
            <Scoring key={sheet.data.status} sheet={sheet.data} />
          </>
        ))}
    </Stack>
  );
}
