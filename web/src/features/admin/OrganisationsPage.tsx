import {
  Alert,
  Anchor,
  Button,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  createOrganisationBody,
  type Organisation,
  organisationType,
  updateOrganisationBody,
} from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from '../access/forms.ts';
import { adminApi, organisationsQuery } from './adminApi.ts';
import { useOrgName } from './UserFields.tsx';

type OrgType = Organisation['type'];
interface OrgValues {
  type: OrgType;
  nameUk: string;
  nameEn: string;
}

/** The organisation form, for adding one or changing one (then with its version). */
function OrganisationForm({
  initial,
  submitLabel,
  onSubmit,
  pending,
  fields,
  formRef,
}: {
  initial: OrgValues;
  submitLabel: string;
  onSubmit: (values: OrgValues) => void;
  pending: boolean;
  fields: ReturnType<typeof useFieldErrors>;
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <NativeSelect
          label={t('admin.orgType')}
          required
          value={values.type}
          onChange={(e) => setValues({ ...values, type: e.currentTarget.value as OrgType })}
          data={organisationType.options.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))}
          error={fields.of('type')}
        />
        <TextInput
          label={t('admin.nameUk')}
          lang="uk"
          required
          value={values.nameUk}
          onChange={(e) => setValues({ ...values, nameUk: e.currentTarget.value })}
          error={fields.of('nameUk')}
        />
        <TextInput
          label={t('admin.nameEn')}
          lang="en"
          required
          value={values.nameEn}
          onChange={(e) => setValues({ ...values, nameEn: e.currentTarget.value })}
          error={fields.of('nameEn')}
        />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

function AddOrganisation() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors();
  const [round, setRound] = useState(0);
  const add = useMutation({
    mutationFn: adminApi.createOrganisation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organisationsQuery().queryKey });
      setRound((r) => r + 1);
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });
  return (
    <section aria-labelledby="new-org-heading">
      <Title order={2} id="new-org-heading" mb="sm">
        {t('admin.newOrg')}
      </Title>
      {add.isSuccess && (
        <Alert color="green" variant="outline" role="status" mb="sm">
          {t('admin.orgAdded')}
        </Alert>
      )}
      {add.isError && Object.keys(fields.errors).length === 0 && <ApiErrorAlert error={add.error} />}
      <OrganisationForm
        key={round}
        initial={{ type: 'partner_ngo', nameUk: '', nameEn: '' }}
        submitLabel={t('admin.addOrg')}
        pending={add.isPending}
        fields={fields}
        formRef={formRef}
        onSubmit={(values) => {
          add.reset();
          const result = validate(t, createOrganisationBody, values);
          if (result.errors) {
            fields.setErrors(result.errors);
            focusFirstInvalid(formRef.current);
            return;
          }
          fields.clear();
          add.mutate(result.data);
        }}
      />
    </section>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  const orgs = useQuery(organisationsQuery());
  const orgName = useOrgName();
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('admin.orgsTitle')}</PageTitle>
        <Text maw={640}>{t('admin.orgsIntro')}</Text>
      </div>
      {orgs.isError ? (
        <ApiErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : !orgs.data ? (
        <Loading />
      ) : orgs.data.length === 0 ? (
        <Text>{t('admin.noOrgs')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start" fw={600}>
              {t('admin.orgsCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.nameUk')}</Table.Th>
                <Table.Th scope="col">{t('admin.nameEn')}</Table.Th>
                <Table.Th scope="col">{t('admin.orgType')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row" fw={400} lang="uk">
                    <Anchor
                      component={Link}
                      to={`/admin/organisations/${o.id}`}
                      aria-label={t('admin.editOrg', { name: orgName(o) })}
                    >
                      {o.nameUk}
                    </Anchor>
                  </Table.Th>
                  <Table.Td lang="en">{o.nameEn}</Table.Td>
                  <Table.Td>{t(`orgTypes.${o.type}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md">
        <AddOrganisation />
      </Paper>
    </Stack>
  );
}

export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgs = useQuery(organisationsQuery());
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useFieldErrors();
  const org = orgs.data?.find((o) => o.id === id);
  const save = useMutation({
    mutationFn: (body: unknown) => adminApi.updateOrganisation(id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationsQuery().queryKey });
      void navigate('/admin/organisations');
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });
  const conflict = isApiError(save.error) && save.error.code === 'VERSION_CONFLICT';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/organisations" size="sm">
        {t('admin.orgsTitle')}
      </Anchor>
      <PageTitle>{t('admin.editOrgTitle')}</PageTitle>
      {orgs.isError ? (
        <ApiErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : !orgs.data ? (
        <Loading />
      ) : !org ? (
        <Text>{t('errors.genericTitle')}</Text>
      ) : (
        <>
          {conflict ? (
            <Alert color="orange" variant="outline" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('admin.orgVersionConflict')}</Text>
                <Button
                  size="xs"
                  variant="outline"
                  onClick={() => {
                    save.reset();
                    void orgs.refetch();
                  }}
                >
                  {t('admin.reloadAndReapply')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            save.isError && Object.keys(fields.errors).length === 0 && <ApiErrorAlert error={save.error} />
          )}
          <OrganisationForm
            key={`${org.id}:${org.version}`}
            initial={{ type: org.type, nameUk: org.nameUk, nameEn: org.nameEn }}
            submitLabel={t('forms.save')}
            pending={save.isPending}
            fields={fields}
            formRef={formRef}
            onSubmit={(values) => {
              save.reset();
              const result = validate(t, updateOrganisationBody, { ...values, version: org.version });
              if (result.errors) {
                fields.setErrors(result.errors);
                focusFirstInvalid(formRef.current);
                return;
              }
              fields.clear();
              save.mutate(result.data);
            }}
          />
        </>
      )}
    </Stack>
  );
}
