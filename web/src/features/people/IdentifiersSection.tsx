import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { Person } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { apiFieldErrors } from './formErrors.ts';
import { IDENTIFIER_TYPES, useTaxHint } from './MemberFields.tsx';
import type { IdentifierKind } from './memberDraft.ts';
import classes from './people.module.css';
import { peopleApi, peopleKeys } from './peopleApi.ts';
import { TableScroll } from './TableScroll.tsx';
import { usePeopleFormat } from './usePeopleFormat.ts';

/** One identifier: masked; the full number on request (for the roles that may), hidden again on request. */
function IdentifierRow({
  personId,
  identifier,
  canReveal,
}: {
  personId: string;
  identifier: Person['identifiers'][number];
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => peopleApi.revealIdentifier(personId, identifier.id),
    onSuccess: (r) => {
      setShown(r.value);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.audit(personId) });
    },
  });
  const type = t(`people.identifierTypes.${identifier.type}`);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {type}
      </Table.Th>
      <Table.Td>
        <span className={classes.revealed} aria-live="polite">
          {shown ?? identifier.masked}
        </span>
        {reveal.isError && <ApiErrorAlert error={reveal.error} />}
      </Table.Td>
      <Table.Td>{format.dateTime(identifier.createdAt)}</Table.Td>
      {canReveal && (
        <Table.Td>
          {shown === null ? (
            <Button
              size="compact-sm"
              variant="light"
              loading={reveal.isPending}
              aria-label={t('people.revealLabel', { type })}
              onClick={() => reveal.mutate()}
            >
              {t('people.reveal')}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="default"
              aria-label={t('people.hideLabel', { type })}
              onClick={() => setShown(null)}
            >
              {t('people.hide')}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function AddIdentifier({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const taxHint = useTaxHint();
  const [type, setType] = useState<IdentifierKind>('tax_number');
  const [value, setValue] = useState('');
  const add = useMutation({
    mutationFn: () => peopleApi.addIdentifier(person.id, { type, value: value.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(peopleKeys.person(person.id), updated);
      setValue('');
    },
  });
  const hint = type === 'tax_number' ? taxHint(value, person.birthDate) : { bad: false };
  const serverError = apiFieldErrors(t, add.error).value;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === '' || hint.bad) return;
    add.mutate();
  };
  return (
    <Paper withBorder p="sm" mt="md">
      <form onSubmit={onSubmit} aria-labelledby="add-identifier-heading" noValidate>
        <Title order={3} size="h4" id="add-identifier-heading" mb="xs">
          {t('people.addIdentifierHeading')}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('people.identifierType')}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as IdentifierKind)}
            data={IDENTIFIER_TYPES.map((k) => ({ value: k, label: t(`people.identifierTypes.${k}`) }))}
            style={{ flex: '1 1 12rem' }}
          />
          <TextInput
            label={t('people.identifierValue')}
            value={value}
            autoComplete="off"
            onChange={(e) => setValue(e.currentTarget.value)}
            description={hint.bad ? undefined : hint.text}
            error={serverError ?? (hint.bad ? hint.text : undefined)}
            style={{ flex: '1 1 12rem' }}
          />
        </Group>
        <Button type="submit" mt="sm" loading={add.isPending}>
          {t('people.addIdentifier')}
        </Button>
        <Text role="status" size="sm" mt={4}>
          {add.isSuccess ? t('people.identifierAdded') : ''}
        </Text>
        {add.isError && !serverError && <ApiErrorAlert error={add.error} />}
      </form>
    </Paper>
  );
}

export function IdentifiersSection({
  person,
  canWrite,
  canReveal,
}: {
  person: Person;
  canWrite: boolean;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="identifiers-heading" id="identifiers">
      <Title order={2} id="identifiers-heading" mb="xs">
        {t('people.identifiers')}
      </Title>
      {person.identifiers.length === 0 ? (
        <Text>{t('people.noIdentifiers')}</Text>
      ) : (
        <Stack gap={4}>
          <TableScroll label={t('people.identifiersCaption')}>
            <Table captionSide="top">
              <Table.Caption>{t('people.identifiersCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.identifierType')}</Table.Th>
                  <Table.Th scope="col">{t('people.identifierValue')}</Table.Th>
                  <Table.Th scope="col">{t('people.registeredAt')}</Table.Th>
                  {canReveal && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('people.reveal')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.identifiers.map((i) => (
                  <IdentifierRow key={i.id} personId={person.id} identifier={i} canReveal={canReveal} />
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {canReveal && (
            <Text size="xs" c="dimmed">
              {t('people.revealNote')}
            </Text>
          )}
        </Stack>
      )}
      {canWrite && <AddIdentifier person={person} />}
    </section>
  );
}
