import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { createHouseholdBody, createPersonBody } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { validate } from '../access/forms.ts';
import { useSession } from '../access/session.ts';
import { apiFieldErrors, type ErrorMap, fieldLabel } from './formErrors.ts';
import { fieldId, MemberFields } from './MemberFields.tsx';
import { emptyMember, fullName, type MemberDraft, newKey, personBody } from './memberDraft.ts';
import { PlacePicker } from './PlacePicker.tsx';
import classes from './people.module.css';
import { peopleApi, peopleKeys } from './peopleApi.ts';
import { checkTaxNumber } from './taxNumber.ts';
import { DRAFT_PREFIX, useDraft } from './useDraft.ts';
import { usePeopleFormat } from './usePeopleFormat.ts';

interface HouseholdDraft {
  address: string;
  currentPcode: string | null;
  members: MemberDraft[];
  /** Sent as Idempotency-Key, so a retry after a lost answer does not register twice. */
  requestKey: string;
}

const emptyHousehold = (): HouseholdDraft => ({
  address: '',
  currentPcode: null,
  members: [emptyMember('head')],
  requestKey: newKey(),
});

interface SummaryItem {
  href: string;
  text: string;
}

/** Registration of a household (the main flow) or of one person without a household. */
function RegisterForm({ single }: { single: boolean }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const userId = session?.user.id ?? 'anonymous';
  const draft = useDraft<HouseholdDraft>(
    `${DRAFT_PREFIX}${single ? 'person' : 'household'}.${userId}`,
    emptyHousehold,
  );
  const form = draft.value;
  const setForm = draft.setValue;
  const [errors, setErrors] = useState<ErrorMap>({});
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const members = single ? form.members.slice(0, 1) : form.members;

  const updateMember = useCallback(
    (key: string, patch: Partial<MemberDraft>) =>
      setForm((f) => ({ ...f, members: f.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) })),
    [setForm],
  );

  const body = useMemo(
    () =>
      single
        ? personBody(members[0] ?? emptyMember())
        : {
            address: form.address.trim() === '' ? null : form.address.trim(),
            currentPcode: form.currentPcode,
            members: members.map((m) => ({ relationship: m.relationship, person: personBody(m) })),
          },
    [single, form.address, form.currentPcode, members],
  );

  const submit = useMutation({
    mutationFn: async () => {
      if (single) {
        const person = await peopleApi.registerPerson(personBody(members[0]!), form.requestKey);
        return { personId: person.id, size: 1 };
      }
      const household = await peopleApi.registerHousehold(
        body as Parameters<typeof peopleApi.registerHousehold>[0],
        form.requestKey,
      );
      return { personId: household.headPersonId ?? household.members[0]!.personId, size: household.size };
    },
    onSuccess: ({ personId, size }) => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      navigate(`/people/${personId}`, {
        state: { notice: single ? t('people.registeredPerson') : t('people.registered', { n: size }) },
      });
    },
    onError: (error) => {
      setErrors(apiFieldErrors(t, error));
      focusSummary();
    },
  });

  function focusSummary() {
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  }

  /** Errors of the person at `index`, under the server's prefix for that person. */
  const prefixOf = (index: number) => (single ? '' : `members.${index}.person.`);

  function clientErrors(): ErrorMap {
    const result = single ? validate(t, createPersonBody, body) : validate(t, createHouseholdBody, body);
    const found: ErrorMap = result.errors ? { ...result.errors } : {};
    members.forEach((m, i) => {
      m.identifiers.forEach((ident, j) => {
        if (ident.type === 'tax_number' && checkTaxNumber(ident.value) === 'invalid')
          found[`${prefixOf(i)}identifiers.${j}.value`] = t('people.taxInvalid');
      });
      if (m.birthInput.trim() !== '' && m.birthDate === null)
        found[`${prefixOf(i)}birthDate`] ??= t('forms.format');
    });
    if (!single && members.filter((m) => m.relationship === 'head').length !== 1)
      found.members = t('people.oneHead');
    return found;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = clientErrors();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSummary();
      return;
    }
    submit.mutate();
  }

  const summary: SummaryItem[] = Object.entries(errors).map(([path, message]) => {
    const match = /^members\.(\d+)(?:\.person)?\.(.+)$/.exec(path);
    if (!single && match) {
      const index = Number(match[1]);
      const m = members[index];
      const field = match[2] ?? '';
      const who = m ? fullName(m) || t('people.memberLegend', { n: index + 1 }) : `${index + 1}`;
      return {
        href: `#${fieldId(m?.key ?? '', field === 'relationship' ? 'relationship' : field)}`,
        text: `${t('people.memberLegend', { n: index + 1 })} (${who}) · ${fieldLabel(t, field)}: ${message}`,
      };
    }
    if (path === 'address') return { href: '#household-address', text: `${t('people.address')}: ${message}` };
    if (path === 'currentPcode' && !single)
      return { href: '#household-place', text: `${t('people.currentPlace')}: ${message}` };
    if (path === 'members') return { href: '#members-heading', text: message };
    if (single && members[0])
      return { href: `#${fieldId(members[0].key, path)}`, text: `${fieldLabel(t, path)}: ${message}` };
    return { href: '#register-form', text: `${path}: ${message}` };
  });

  const addMember = () => {
    const n = form.members.length + 1;
    const next = emptyMember(form.members.some((m) => m.relationship === 'head') ? 'child' : 'head');
    setForm((f) => ({ ...f, members: [...f.members, next] }));
    setAnnouncement(t('people.memberAdded', { n }));
    window.setTimeout(() => document.getElementById(fieldId(next.key, 'relationship'))?.focus(), 0);
  };

  const removeMember = (key: string) =>
    setForm((f) => ({ ...f, members: f.members.filter((m) => m.key !== key) }));

  const networkFailed = submit.isError && isApiError(submit.error) && submit.error.isNetwork;
  const otherFailure =
    submit.isError && !networkFailed && Object.keys(apiFieldErrors(t, submit.error)).length === 0;

  return (
    <form id="register-form" onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {draft.restoredAt && (
          <Alert color="blue" variant="light">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{t('people.draftRestored', { time: format.dateTime(draft.restoredAt) })}</Text>
              <Button
                size="xs"
                variant="outline"
                onClick={() => {
                  draft.discard();
                  setErrors({});
                }}
              >
                {t('people.draftDiscard')}
              </Button>
            </Group>
          </Alert>
        )}

        <div ref={summaryRef} tabIndex={-1}>
          {summary.length > 0 && (
            <Alert color="red" variant="outline" title={t('people.fixErrors')} role="alert">
              <List size="sm">
                {summary.map((item) => (
                  <List.Item key={item.text}>
                    <Anchor href={item.href}>{item.text}</Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {networkFailed && (
            <Alert color="orange" variant="outline" role="alert">
              {t('people.networkSaved')}
            </Alert>
          )}
          {otherFailure && <ApiErrorAlert error={submit.error} />}
        </div>

        {!single && (
          <Fieldset classNames={{ root: classes.fieldset }} legend={t('people.householdLegend')}>
            <Stack gap="sm">
              <Textarea
                id="household-address"
                label={t('people.address')}
                description={t('people.addressDescription')}
                autosize
                minRows={2}
                value={form.address}
                onChange={(e) => {
                  const address = e.currentTarget.value;
                  setForm((f) => ({ ...f, address }));
                }}
                error={errors.address}
              />
              <PlacePicker
                id="household-place"
                label={t('people.currentPlace')}
                value={form.currentPcode}
                onChange={(currentPcode) => setForm((f) => ({ ...f, currentPcode }))}
                error={errors.currentPcode}
              />
            </Stack>
          </Fieldset>
        )}

        {!single && (
          <Group justify="space-between" align="baseline">
            <Title order={2} id="members-heading" tabIndex={-1}>
              {t('people.membersHeading')}
            </Title>
            <Text size="sm">{t('people.membersCount', { n: members.length })}</Text>
          </Group>
        )}
        {errors.members && (
          <Text c="var(--mantine-color-error)" size="sm" id="members-error">
            {errors.members}
          </Text>
        )}

        {members.map((m, index) => {
          const prefix = prefixOf(index);
          const name = fullName(m);
          const legend = single
            ? t('people.personTitle')
            : name
              ? t('people.memberLegendNamed', { n: index + 1, name })
              : t('people.memberLegend', { n: index + 1 });
          return (
            <Paper key={m.key} withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <fieldset className={classes.member}>
                <legend>
                  <Title order={single ? 2 : 3} size="h4" component="span">
                    {legend}
                  </Title>
                </legend>
                <MemberFields
                  member={m}
                  mode={single ? 'single' : 'household'}
                  onChange={(patch) => updateMember(m.key, patch)}
                  errorOf={(field) => errors[`${prefix}${field}`]}
                  relationshipError={errors[`members.${index}.relationship`]}
                />
                {!single && members.length > 1 && (
                  <Group justify="flex-end" mt="md">
                    <Button variant="subtle" color="red" onClick={() => removeMember(m.key)}>
                      {t('people.removeMember', { n: index + 1 })}
                    </Button>
                  </Group>
                )}
              </fieldset>
            </Paper>
          );
        })}

        <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>

        <Group justify="space-between" wrap="wrap" gap="sm">
          {!single ? (
            <Button variant="default" onClick={addMember}>
              {t('people.addMember')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={submit.isPending}>
            {single ? t('people.submitPerson') : t('people.submitHousehold')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('people.draftSavedNote')}
        </Text>
      </Stack>
    </form>
  );
}

export function RegisterHouseholdPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={900}>
      <PageTitle>{t('people.registerTitle')}</PageTitle>
      <Text>{t('people.registerIntro')}</Text>
      <Text size="sm">
        <Anchor component={Link} to="/people/register/person">
          {t('people.registerPerson')}
        </Anchor>
      </Text>
      <RegisterForm single={false} />
    </Stack>
  );
}

export function RegisterPersonPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={900}>
      <PageTitle>{t('people.registerPersonTitle')}</PageTitle>
      <Text>{t('people.registerPersonIntro')}</Text>
      <Text size="sm">
        <Anchor component={Link} to="/people/register">
          {t('people.registerHousehold')}
        </Anchor>
      </Text>
      <RegisterForm single />
    </Stack>
  );
}
