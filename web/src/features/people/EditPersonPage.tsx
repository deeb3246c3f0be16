import { Alert, Anchor, Button, Fieldset, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Person } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { apiFieldErrors, type ErrorMap } from './formErrors.ts';
import { MemberFields } from './MemberFields.tsx';
import { draftFromPerson, fullName, type MemberDraft, personBody } from './memberDraft.ts';
import { PlaceName } from './PlacePicker.tsx';
import classes from './people.module.css';
import { type PersonPatch, peopleApi, peopleKeys, personQuery } from './peopleApi.ts';
import { usePeopleFormat } from './usePeopleFormat.ts';
import { WG_DOMAINS } from './washingtonGroup.ts';

/** The parts of a person an officer edits, each compared and merged as a whole. */
const GROUPS = {
  familyName: { draft: ['familyName'], api: ['familyName'] },
  givenName: { draft: ['givenName'], api: ['givenName'] },
  patronymic: { draft: ['patronymic'], api: ['patronymic'] },
  birth: {
    draft: ['birthDate', 'birthDatePrecision', 'birthInput'],
    api: ['birthDate', 'birthDatePrecision'],
  },
  sex: { draft: ['sex'], api: ['sex'] },
  phones: { draft: ['phone', 'otherPhones'], api: ['phones'] },
  populationGroup: { draft: ['populationGroup'], api: ['populationGroup'] },
  originPcode: { draft: ['originPcode'], api: ['originPcode'] },
  currentPcode: { draft: ['currentPcode'], api: ['currentPcode'] },
  displacementDate: { draft: ['displacementDate'], api: ['displacementDate'] },
  washingtonGroup: { draft: ['washingtonGroup'], api: ['washingtonGroup'] },
  vulnerabilities: { draft: ['vulnerabilities'], api: ['vulnerabilities'] },
} as const satisfies Record<string, { draft: readonly (keyof MemberDraft)[]; api: readonly string[] }>;
type FieldGroup = keyof typeof GROUPS;
const GROUP_NAMES = Object.keys(GROUPS) as FieldGroup[];

type Body = ReturnType<typeof personBody>;
const apiPart = (body: Body, g: FieldGroup) =>
  JSON.stringify(GROUPS[g].api.map((k) => body[k as keyof Body]));
const differs = (a: MemberDraft, b: MemberDraft, g: FieldGroup) =>
  apiPart(personBody(a), g) !== apiPart(personBody(b), g);

function copyGroup(target: MemberDraft, source: MemberDraft, g: FieldGroup): MemberDraft {
  const next = { ...target } as Record<string, unknown>;
  for (const k of GROUPS[g].draft) next[k] = source[k];
  return next as unknown as MemberDraft;
}

/** Only what changed since `base`, with the version it was read at. */
function patchOf(values: MemberDraft, base: MemberDraft, version: number): PersonPatch | null {
  const body = personBody(values);
  const patch: Record<string, unknown> = {};
  for (const g of GROUP_NAMES) {
    if (!differs(values, base, g)) continue;
    for (const k of GROUPS[g].api) patch[k] = body[k as keyof Body];
  }
  return Object.keys(patch).length === 0 ? null : ({ ...patch, version } as PersonPatch);
}

/** Where the server's field names land in this form. */
const groupOfField = (field: string): FieldGroup | null => {
  const head = field.split('.')[0] ?? '';
  if (head === 'birthDate' || head === 'birthDatePrecision') return 'birth';
  if (head === 'phones') return 'phones';
  return (GROUP_NAMES as string[]).includes(head) ? (head as FieldGroup) : null;
};

function useDescribe() {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const none = t('people.noneRecorded');
  return (g: FieldGroup, m: MemberDraft): ReactNode => {
    const body = personBody(m);
    switch (g) {
      case 'familyName':
      case 'givenName':
      case 'patronymic':
        return body[g] || none;
      case 'birth':
        return body.birthDate
          ? `${format.birthDate(body.birthDate, m.birthDatePrecision)} (${t(`people.precisions.${m.birthDatePrecision}`)})`
          : none;
      case 'sex':
        return t(`people.sexes.${m.sex}`);
      case 'phones':
        return body.phones?.join(', ') || none;
      case 'populationGroup':
        return body.populationGroup ? t(`people.populationGroups.${body.populationGroup}`) : none;
      case 'originPcode':
      case 'currentPcode':
        return <PlaceName pcode={m[g]} />;
      case 'displacementDate':
        return body.displacementDate ? format.date(body.displacementDate) : none;
      case 'washingtonGroup': {
        const answered = WG_DOMAINS.filter((d) => m.washingtonGroup[d]);
        return answered.length === 0
          ? t('people.disabilityUnknown')
          : answered
              .map(
                (d) =>
                  `${t(`people.wgDomains.${d}`)}: ${t(`people.wgAnswers.${m.washingtonGroup[d] ?? 'no_difficulty'}`)}`,
              )
              .join('; ');
      }
      case 'vulnerabilities':
        return m.vulnerabilities.length === 0
          ? none
          : m.vulnerabilities.map((v) => t(`people.vulnerabilities.${v as 'large_family'}`)).join(', ');
    }
  };
}

function useGroupLabel() {
  const { t } = useTranslation();
  return (g: FieldGroup) =>
    ({
      familyName: t('people.familyName'),
      givenName: t('people.givenName'),
      patronymic: t('people.patronymic'),
      birth: t('people.birthDate'),
      sex: t('people.sex'),
      phones: t('people.phone'),
      populationGroup: t('people.populationGroup'),
      originPcode: t('people.originPlace'),
      currentPcode: t('people.personCurrentPlace'),
      displacementDate: t('people.displacementDate'),
      washingtonGroup: t('people.wgLegend'),
      vulnerabilities: t('people.vulnerabilitiesLegend'),
    })[g];
}

interface Conflict {
  theirs: MemberDraft;
  groups: FieldGroup[];
  choices: Partial<Record<FieldGroup, 'mine' | 'theirs'>>;
}

function EditForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useDescribe();
  const groupLabel = useGroupLabel();
  const [base, setBase] = useState(() => draftFromPerson(person));
  const [version, setVersion] = useState(person.version);
  const [values, setValues] = useState(() => draftFromPerson(person));
  const [errors, setErrors] = useState<ErrorMap>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const [nothing, setNothing] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: (patch: PersonPatch) => peopleApi.updatePerson(person.id, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(peopleKeys.person(person.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['people', 'search'] });
      navigate(`/people/${person.id}`, { state: { notice: t('people.saved') } });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        const current = (error.details as { current?: Person } | undefined)?.current;
        if (current) onConflict(current);
      } else {
        setErrors(apiFieldErrors(t, error));
      }
      window.setTimeout(() => topRef.current?.focus(), 0);
    },
  });

  /** Someone saved first: take their changes where we did not touch, ask where we both did. */
  function onConflict(current: Person) {
    const theirs = draftFromPerson(current);
    let merged = values;
    const clashes: FieldGroup[] = [];
    for (const g of GROUP_NAMES) {
      const mine = differs(values, base, g);
      if (!mine) merged = copyGroup(merged, theirs, g);
      else if (differs(theirs, base, g) && differs(values, theirs, g)) clashes.push(g);
    }
    setValues(merged);
    setBase(theirs);
    setVersion(current.version);
    queryClient.setQueryData(peopleKeys.person(person.id), current);
    setConflict({ theirs, groups: clashes, choices: {} });
    setUnchosen(false);
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNothing(false);
    let next = values;
    if (conflict) {
      if (conflict.groups.some((g) => !conflict.choices[g])) {
        setUnchosen(true);
        window.setTimeout(() => topRef.current?.focus(), 0);
        return;
      }
      for (const g of conflict.groups)
        if (conflict.choices[g] === 'theirs') next = copyGroup(next, conflict.theirs, g);
      setValues(next);
    }
    const patch = patchOf(next, base, version);
    if (!patch) {
      setConflict(null);
      setNothing(true);
      return;
    }
    setErrors({});
    save.mutate(patch);
  };

  const errorOf = (field: string) => errors[field];
  const otherErrors = Object.entries(errors).filter(([f]) => groupOfField(f) === null);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <div ref={topRef} tabIndex={-1}>
          {conflict && (
            <Alert
              color="orange"
              variant="outline"
              role="alert"
              title={t('people.conflictTitle')}
              // Mantine's orange is too light for text on white; the border keeps the colour.
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
            >
              <Text size="sm">
                {conflict.groups.length > 0 ? t('people.conflictBody') : t('people.conflictNoClash')}
              </Text>
            </Alert>
          )}
          {save.isError &&
            !(isApiError(save.error) && save.error.status === 409) &&
            Object.keys(errors).length === 0 && <ApiErrorAlert error={save.error} />}
          {otherErrors.length > 0 && (
            <Alert color="red" variant="outline" role="alert">
              {otherErrors.map(([f, m]) => `${f}: ${m}`).join('; ')}
            </Alert>
          )}
        </div>

        {conflict && conflict.groups.length > 0 && (
          <Stack gap="sm" aria-label={t('people.conflictCaption')} role="group">
            {conflict.groups.map((g) => {
              const missing = unchosen && !conflict.choices[g];
              return (
                <Fieldset
                  classNames={{ root: classes.fieldset }}
                  key={g}
                  legend={t('people.conflictChoice', { field: groupLabel(g) })}
                >
                  <Radio.Group
                    aria-label={t('people.conflictChoice', { field: groupLabel(g) })}
                    value={conflict.choices[g] ?? ''}
                    onChange={(v) =>
                      setConflict({
                        ...conflict,
                        choices: { ...conflict.choices, [g]: v as 'mine' | 'theirs' },
                      })
                    }
                    error={missing ? t('forms.required') : undefined}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <Radio
                        value="mine"
                        label={
                          <Text fw={600} size="sm">
                            {t('people.conflictYours')}
                          </Text>
                        }
                        description={describe(g, values)}
                      />
                      <Radio
                        value="theirs"
                        label={
                          <Text fw={600} size="sm">
                            {t('people.conflictTheirs')}
                          </Text>
                        }
                        description={describe(g, conflict.theirs)}
                      />
                    </SimpleGrid>
                  </Radio.Group>
                </Fieldset>
              );
            })}
          </Stack>
        )}

        <MemberFields
          member={values}
          mode="edit"
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errorOf={errorOf}
        />

        {nothing && <Text role="status">{t('people.noChanges')}</Text>}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {conflict ? t('people.saveAgain') : t('people.saveChanges')}
          </Button>
          <Button component={Link} to={`/people/${person.id}`} variant="default">
            {t('people.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery(personQuery(id));
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <ApiErrorAlert
        error={person.error}
        notFoundText={t('people.notFound')}
        onRetry={() => void person.refetch()}
      />
    );
  const name = fullName(person.data);
  return (
    <Stack gap="sm" maw={900}>
      <Anchor component={Link} to={`/people/${id}`} size="sm">
        {name}
      </Anchor>
      <PageTitle>{t('people.editTitle', { name })}</PageTitle>
      <EditForm key={person.data.id} person={person.data} />
    </Stack>
  );
}
