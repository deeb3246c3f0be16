import { Alert, Anchor, Button, List, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Person } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { RELATIONSHIPS } from './MemberFields.tsx';
import { fullName } from './memberDraft.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { PlaceName } from './PlacePicker.tsx';
import { householdQuery, membershipsQuery, peopleApi, peopleKeys } from './peopleApi.ts';
import { TableScroll } from './TableScroll.tsx';
import { useDisabilityText, usePeopleFormat } from './usePeopleFormat.ts';

function MoveIn({
  householdId,
  version,
  members,
}: {
  householdId: string;
  version: number;
  members: string[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const [relationship, setRelationship] = useState('other_relative');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const move = useMutation({
    mutationFn: () => peopleApi.moveMember(householdId, { personId: personId!, relationship, version }),
    onSuccess: (household) => {
      queryClient.setQueryData(peopleKeys.household(householdId), household);
      void queryClient.invalidateQueries({ queryKey: ['people', 'person'] });
      setPersonId(null);
      setDone(true);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: peopleKeys.household(householdId) });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!personId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    move.mutate();
  };
  return (
    <Paper withBorder p="sm" mt="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby="move-in-heading">
        <Title order={3} size="h4" id="move-in-heading" mb="xs">
          {t('people.moveInHeading')}
        </Title>
        <Stack gap="sm">
          <PersonPicker
            label={t('people.moveInPerson')}
            description={t('people.moveInPersonDescription')}
            value={personId}
            onChange={setPersonId}
            exclude={members}
            error={missing ? t('forms.required') : undefined}
          />
          <NativeSelect
            label={t('people.relationship')}
            value={relationship}
            onChange={(e) => setRelationship(e.currentTarget.value)}
            data={RELATIONSHIPS.filter((r) => r !== 'head').map((r) => ({
              value: r,
              label: t(`people.relationships.${r}`),
            }))}
          />
          <div>
            <Button type="submit" loading={move.isPending}>
              {t('people.moveInSubmit')}
            </Button>
          </div>
          {done && <Text role="status">{t('people.movedIn')}</Text>}
          {move.isError &&
            (isApiError(move.error) && move.error.status === 409 ? (
              <Alert color="orange" role="alert">
                {t('people.moveConflict')}
              </Alert>
            ) : (
              <ApiErrorAlert error={move.error} />
            ))}
        </Stack>
      </form>
    </Paper>
  );
}

export function HouseholdSection({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const disabilityText = useDisabilityText();
  const household = useQuery({ ...householdQuery(person.householdId ?? ''), enabled: !!person.householdId });
  const history = useQuery(membershipsQuery(person.id));
  const h = household.data;

  return (
    <section aria-labelledby="household-heading" id="household">
      <Title order={2} id="household-heading" mb="xs">
        {t('people.household')}
      </Title>
      {!person.householdId ? (
        <Text>{t('people.noHousehold')}</Text>
      ) : household.isPending ? (
        <Loading />
      ) : household.isError ? (
        <ApiErrorAlert error={household.error} onRetry={() => void household.refetch()} />
      ) : h ? (
        <>
          <DefinitionList
            items={[
              { term: t('people.address'), description: h.address ?? t('people.noneRecorded') },
              { term: t('people.currentPlace'), description: <PlaceName pcode={h.currentPcode} /> },
              { term: t('people.householdSize'), description: format.number(h.size) },
            ]}
          />
          <TableScroll label={t('people.householdMembersCaption')}>
            <Table mt="sm" striped captionSide="top">
              <Table.Caption>{t('people.householdMembersCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.member')}</Table.Th>
                  <Table.Th scope="col">{t('people.relationshipShort')}</Table.Th>
                  <Table.Th scope="col">{t('people.ageBand')}</Table.Th>
                  <Table.Th scope="col">{t('people.disability')}</Table.Th>
                  <Table.Th scope="col">{t('people.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {h.members.map((m) => (
                  <Table.Tr key={m.personId}>
                    <Table.Th scope="row" fw={400}>
                      {m.personId === person.id ? (
                        <>
                          {fullName(m.person)} {t('people.thisPerson')}
                        </>
                      ) : (
                        <Anchor component={Link} to={`/people/${m.personId}`}>
                          {fullName(m.person)}
                        </Anchor>
                      )}
                    </Table.Th>
                    <Table.Td>{t(`people.relationships.${m.relationship}`)}</Table.Td>
                    <Table.Td>{m.person.ageBand ?? t('common.none')}</Table.Td>
                    <Table.Td>{disabilityText(m.person.disability)}</Table.Td>
                    <Table.Td>{format.dateTime(m.since)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {canWrite && (
            <MoveIn householdId={h.id} version={h.version} members={h.members.map((m) => m.personId)} />
          )}
        </>
      ) : null}
      {history.data && history.data.length > 0 && (
        <Stack gap={4} mt="md">
          <Title order={3} size="h4">
            {t('people.membershipHistory')}
          </Title>
          <List size="sm">
            {history.data.map((span) => (
              <List.Item key={`${span.householdId}-${span.from}`}>
                {t(`people.relationships.${span.relationship as 'head'}`, {
                  defaultValue: span.relationship,
                })}
                {': '}
                {t('people.fromTo', {
                  from: format.dateTime(span.from),
                  to: span.to ? format.dateTime(span.to) : t('people.current'),
                })}
                {span.householdId === person.householdId ? '' : ` (${span.householdId.slice(0, 8)})`}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </section>
  );
}
