import { Alert, Badge, Group, NativeSelect, Text } from '@mantine/core';
import type { FeedbackCategory, FeedbackStatus } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { dueState } from './due.ts';

/** Shades dark enough for white text at 4.5:1; the words say the status, the colour only helps. */
const STATUS_COLOUR: Record<FeedbackStatus, string> = {
  new: 'blue.9',
  in_progress: 'violet.9',
  answered: 'teal.9',
  closed: 'gray.7',
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="filled">
      {t(`feedback.statuses.${status}`)}
    </Badge>
  );
}

/** The topic; a sensitive report says so in words and with a filled red badge, not by colour alone. */
export function CategoryBadge({ category }: { category: FeedbackCategory }) {
  const { t } = useTranslation();
  if (category !== 'sensitive') {
    return (
      <Badge color="gray" variant="outline">
        {t(`feedback.categories.${category}`)}
      </Badge>
    );
  }
  return (
    <Badge color="red.9" variant="filled" title={t('feedback.sensitiveMark')}>
      <span aria-hidden>! </span>
      {t('feedback.categories.sensitive')}
      <span className="visually-hidden"> ({t('feedback.sensitiveMark')})</span>
    </Badge>
  );
}

/** Due date and where the item stands against it: "Overdue by 2 days" in bold red words, not colour only. */
export function DueDate({
  item,
  format,
}: {
  item: { dueAt: string; status: FeedbackStatus; overdue: boolean };
  format: (iso: string) => string | null;
}) {
  const { t } = useTranslation();
  const state = dueState(item);
  const date = format(item.dueAt);
  if (state.kind === 'closed') return <Text size="sm">{date}</Text>;
  if (state.kind === 'overdue') {
    return (
      <Group gap={6} wrap="wrap">
        <Text size="sm">{date}</Text>
        <Text size="sm" fw={700} c="red.9" data-overdue>
          <span aria-hidden>⚠ </span>
          {state.days === 0
            ? t('feedback.due.overdueToday')
            : t('feedback.due.overdue', { count: state.days })}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{date}</Text>
      <Text size="sm" c="dimmed">
        {state.kind === 'today' ? t('feedback.due.today') : t('feedback.due.inDays', { count: state.days })}
      </Text>
    </Group>
  );
}

/** A refused change, in the reader's words where this screen knows them. */
export function FeedbackError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error)) return null;
  let text = error.message;
  if (error.code === 'VERSION_CONFLICT') text = t('feedback.errors.stale');
  else if (error.status === 409) text = t('feedback.errors.closed');
  else if (error.isNotFound) text = t('feedback.errors.notFound');
  return (
    <Alert color="red" role="alert" variant="outline">
      {text}
    </Alert>
  );
}

/** A choice among the staff who may handle feedback (see `feedbackStaffQuery`). */
export function StaffSelect(props: {
  label: string;
  value: string;
  onChange: (userId: string) => void;
  staff: { id: string; displayName: string; email: string }[];
  withEmail?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('feedback.actions.choose') },
        ...props.staff.map((u) => ({
          value: u.id,
          label: props.withEmail ? `${u.displayName} (${u.email})` : u.displayName,
        })),
      ]}
      miw={280}
    />
  );
}
